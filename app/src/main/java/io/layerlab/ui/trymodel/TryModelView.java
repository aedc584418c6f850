package io.layerlab.ui.trymodel;

import io.layerlab.ui.pad.DrawingPad;
import io.layerlab.ui.pad.DrawingPadViewModel;
import io.layerlab.ui.support.DialogService;
import io.layerlab.ui.support.FileKind;
import io.layerlab.ui.support.FxmlView;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The "Try model" window's controller (fxml/try-model.fxml): type values or pick a CSV, read the predictions. */
public final class TryModelView {
    private final TryModelViewModel model;
    private final DialogService dialogs;

    @FXML private Label descriptionLabel;
    @FXML private VBox padHolder;
    @FXML private TextField valuesField;
    @FXML private Button predictButton;
    @FXML private Button csvButton;
    @FXML private Label problemLabel;
    @FXML private TableView<PredictionRow> predictionsTable;
    @FXML private TableColumn<PredictionRow, String> sourceColumn;
    @FXML private TableColumn<PredictionRow, String> inputsColumn;
    @FXML private TableColumn<PredictionRow, String> predictionColumn;
    @FXML private TableColumn<PredictionRow, String> outputsColumn;

    public TryModelView(TryModelViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
    }

    /** Opens a window owned by {@code owner} for {@code model}, styled like the main window. */
    public static Stage open(TryModelViewModel model, DialogService dialogs, Window owner, String stylesheet) {
        Parent root = FxmlView.load("try-model.fxml", new TryModelView(model, dialogs));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Try model — " + model.modelName());
        Scene scene = new Scene(root);
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    @FXML
    private void initialize() {
        descriptionLabel.setText(model.description());
        valuesField.textProperty().bindBidirectional(model.typedValuesProperty());
        problemLabel.textProperty().bind(model.problemProperty());
        problemLabel.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        predictButton.disableProperty().bind(model.busyProperty());
        csvButton.disableProperty().bind(model.busyProperty());
        predictionsTable.setItems(model.rows());
        predictionsTable.setPlaceholder(new Label("Predictions appear here"));
        column(sourceColumn, PredictionRow::source);
        column(inputsColumn, PredictionRow::inputs);
        column(predictionColumn, PredictionRow::prediction);
        column(outputsColumn, PredictionRow::outputs);
        model.rows().addListener((javafx.collections.ListChangeListener<PredictionRow>) c ->
                predictionsTable.scrollTo(model.rows().size() - 1));
        model.drawingPad().ifPresent(this::showDrawingPad);
    }

    /** A picture model is tried by drawing; typing its hundreds of grey levels is no way to, so the text field goes. */
    private void showDrawingPad(DrawingPadViewModel pad) {
        DrawingPad drawingPad = new DrawingPad(pad);
        VBox.setVgrow(drawingPad, javafx.scene.layout.Priority.ALWAYS);
        padHolder.getChildren().setAll(drawingPad);
        padHolder.setVisible(true);
        padHolder.setManaged(true);
        valuesField.setVisible(false);
        valuesField.setManaged(false);
        predictButton.setVisible(false);
        predictButton.setManaged(false);
        predictionsTable.setPrefHeight(140);
        if (padHolder.getParent() instanceof Region root) root.setPrefHeight(660);
    }

    private static void column(TableColumn<PredictionRow, String> column, Function<PredictionRow, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    @FXML void onPredict() { model.predictTyped(); }

    @FXML
    void onChooseCsv() {
        dialogs.chooseFileToOpen("Rows to predict", null, FileKind.CSV).ifPresent((Path csv) -> model.predictFile(csv));
    }
}
