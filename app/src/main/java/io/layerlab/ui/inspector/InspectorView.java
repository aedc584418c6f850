package io.layerlab.ui.inspector;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;

/**
 * The inspector on the right: the selected node's parameters with validation as you type,
 * its id, shape and explanation; with nothing selected, the project's data and training settings.
 */
public final class InspectorView {
    private final InspectorViewModel model;

    @FXML private Label title;
    @FXML private Label subtitle;
    @FXML private Label formula;
    @FXML private Label problems;
    @FXML private VBox nodePane;
    @FXML private VBox projectPane;
    @FXML private PropertySheet nodeSheet;
    @FXML private PropertySheet dataSheet;
    @FXML private PropertySheet trainingSheet;
    @FXML private Label validationMessage;
    @FXML private Label explanation;

    public InspectorView(InspectorViewModel model) { this.model = model; }

    @FXML
    private void initialize() {
        title.textProperty().bind(model.titleProperty());
        subtitle.textProperty().bind(model.subtitleProperty());
        formula.textProperty().bind(model.formulaProperty());
        problems.textProperty().bind(model.problemsProperty());
        validationMessage.textProperty().bind(model.validationMessageProperty());
        explanation.textProperty().bind(model.explanationProperty());
        for (Label l : new Label[] {subtitle, formula, problems, validationMessage, explanation}) showWhenNotEmpty(l);

        SpecEditors editors = new SpecEditors(model::reportValidation);
        for (PropertySheet sheet : new PropertySheet[] {nodeSheet, dataSheet, trainingSheet}) {
            sheet.setPropertyEditorFactory(editors);
            growWithContent(sheet);
        }
        mirror(model.nodeItems(), nodeSheet);
        mirror(model.dataItems(), dataSheet);
        mirror(model.trainingItems(), trainingSheet);

        ObservableValue<Boolean> nodeMode = model.modeProperty().isEqualTo(InspectorViewModel.Mode.NODE);
        ObservableValue<Boolean> projectMode = model.modeProperty().isEqualTo(InspectorViewModel.Mode.PROJECT);
        show(nodePane, nodeMode);
        show(projectPane, projectMode);
    }

    /** The inspector scrolls as a whole; each sheet shows all its rows instead of scrolling on its own. */
    private static void growWithContent(PropertySheet sheet) {
        sheet.skinProperty().addListener((obs, old, skin) -> {
            if (sheet.lookup(".scroll-pane") instanceof ScrollPane scroll) {
                scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
                scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
                scroll.setFitToWidth(true);
                scroll.minViewportHeightProperty().bind(Bindings.createDoubleBinding(
                        () -> scroll.getContent() == null ? 0 : scroll.getContent().prefHeight(scroll.getViewportBounds().getWidth()),
                        scroll.contentProperty(), scroll.viewportBoundsProperty(), sheet.getItems()));
            }
        });
    }

    private static void mirror(ObservableList<SpecItem> items, PropertySheet sheet) {
        sheet.getItems().setAll(items);
        items.addListener((ListChangeListener<SpecItem>) c -> sheet.getItems().setAll(items));
    }

    private static void showWhenNotEmpty(Label label) {
        show(label, Bindings.isNotEmpty(label.textProperty()));
    }

    private static void show(Node node, ObservableValue<Boolean> when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }
}
