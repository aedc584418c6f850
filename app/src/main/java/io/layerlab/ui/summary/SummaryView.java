package io.layerlab.ui.summary;

import io.layerlab.ui.support.HoverTooltips;
import io.layerlab.ui.support.StyleClasses;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** The summary table in the bottom pane; clicking a layer selects it. */
public final class SummaryView {
    private final SummaryViewModel model;

    @FXML private TableView<SummaryRow> table;
    @FXML private TableColumn<SummaryRow, String> nameColumn;
    @FXML private TableColumn<SummaryRow, String> typeColumn;
    @FXML private TableColumn<SummaryRow, String> outputColumn;
    @FXML private TableColumn<SummaryRow, Long> paramsColumn;
    @FXML private TableColumn<SummaryRow, Long> macsColumn;
    @FXML private Label totals;

    public SummaryView(SummaryViewModel model) { this.model = model; }

    @FXML
    private void initialize() {
        table.setItems(model.rows());
        table.setPlaceholder(new Label("The graph is empty."));
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().nodeId()));
        typeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().type()));
        outputColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().output()));
        paramsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().params()));
        macsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().multiplyAdds()));
        paramsColumn.setCellFactory(c -> numberCell(n -> String.format("%,d", n)));
        macsColumn.setCellFactory(c -> numberCell(n -> String.format("%,d", n)));
        table.setRowFactory(t -> {
            TableRow<SummaryRow> row = new TableRow<>() {
                @Override protected void updateItem(SummaryRow item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove(StyleClasses.SUMMARY_TOTALS);
                    if (!empty && item != null && item.total()) getStyleClass().add(StyleClasses.SUMMARY_TOTALS);
                }
            };
            row.setOnMouseClicked(e -> { if (!row.isEmpty()) model.reveal(row.getItem()); });
            return row;
        });
        totals.textProperty().bind(model.totalsProperty());
        HoverTooltips.installWrapping(totals, model.memoryProperty(), 420);
    }

    private static TableCell<SummaryRow, Long> numberCell(Function<Long, String> format) {
        TableCell<SummaryRow, Long> cell = new TableCell<>() {
            @Override protected void updateItem(Long value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : format.apply(value));
            }
        };
        cell.getStyleClass().add(StyleClasses.NUMBER_CELL);
        return cell;
    }
}
