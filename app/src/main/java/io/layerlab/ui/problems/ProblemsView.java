package io.layerlab.ui.problems;

import io.layerlab.shape.Diagnostic;
import io.layerlab.ui.support.StyleClasses;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/** The problems list in the bottom pane: severity icon, node, message and hint; a click selects the node. */
public final class ProblemsView {
    private final ProblemsViewModel model;

    @FXML private ListView<Diagnostic> list;

    public ProblemsView(ProblemsViewModel model) { this.model = model; }

    @FXML
    private void initialize() {
        list.setItems(model.problems());
        list.setCellFactory(l -> new ProblemCell());
        Label placeholder = new Label("No problems: every shape fits.");
        list.setPlaceholder(placeholder);
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) model.reveal(list.getSelectionModel().getSelectedItem());
        });
    }

    private final class ProblemCell extends ListCell<Diagnostic> {
        private final FontIcon icon = new FontIcon();
        private final Label node = new Label();
        private final Label message = new Label();
        private final Label hint = new Label();
        private final HBox graphic;

        ProblemCell() {
            node.getStyleClass().add(StyleClasses.PROBLEM_NODE);
            message.getStyleClass().add(StyleClasses.PROBLEM_MESSAGE);
            hint.getStyleClass().add(StyleClasses.PROBLEM_HINT);
            message.setWrapText(true);
            hint.setWrapText(true);
            VBox text = new VBox(2, new HBox(8, node, message), hint);
            HBox.setHgrow(text, Priority.ALWAYS);
            graphic = new HBox(8, icon, text);
            graphic.getStyleClass().add(StyleClasses.PROBLEM_CELL);
            setOnMouseClicked(e -> { if (getItem() != null) model.reveal(getItem()); });
        }

        @Override protected void updateItem(Diagnostic d, boolean empty) {
            super.updateItem(d, empty);
            if (empty || d == null) { setGraphic(null); setText(null); return; }
            icon.setIconCode(d.isError() ? MaterialDesignA.ALERT_CIRCLE : MaterialDesignA.ALERT);
            icon.getStyleClass().removeAll(StyleClasses.SEVERITY_ERROR, StyleClasses.SEVERITY_WARNING);
            icon.getStyleClass().add(d.isError() ? StyleClasses.SEVERITY_ERROR : StyleClasses.SEVERITY_WARNING);
            node.setText(d.nodeId() == null ? "graph" : d.nodeId() + (d.param() == null ? "" : "." + d.param()));
            message.setText(d.message());
            hint.setText(d.hint() == null ? "" : d.hint());
            hint.setVisible(d.hint() != null);
            hint.setManaged(d.hint() != null);
            setText(null);
            setGraphic(graphic);
        }
    }
}
