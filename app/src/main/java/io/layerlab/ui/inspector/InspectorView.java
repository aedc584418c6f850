package io.layerlab.ui.inspector;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

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
    @FXML private SpecSheet nodeSheet;
    @FXML private SpecSheet dataSheet;
    @FXML private SpecSheet trainingSheet;
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
        for (SpecSheet sheet : new SpecSheet[] {nodeSheet, dataSheet, trainingSheet}) sheet.setEditors(editors);
        mirror(model.nodeItems(), nodeSheet);
        mirror(model.dataItems(), dataSheet);
        mirror(model.trainingItems(), trainingSheet);

        ObservableValue<Boolean> nodeMode = model.modeProperty().isEqualTo(InspectorViewModel.Mode.NODE);
        ObservableValue<Boolean> projectMode = model.modeProperty().isEqualTo(InspectorViewModel.Mode.PROJECT);
        show(nodePane, nodeMode);
        show(projectPane, projectMode);
    }

    private static void mirror(ObservableList<SpecItem> items, SpecSheet sheet) {
        sheet.show(items);
        items.addListener((ListChangeListener<SpecItem>) c -> sheet.show(items));
    }

    private static void showWhenNotEmpty(Label label) {
        show(label, Bindings.isNotEmpty(label.textProperty()));
    }

    private static void show(Node node, ObservableValue<Boolean> when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }
}
