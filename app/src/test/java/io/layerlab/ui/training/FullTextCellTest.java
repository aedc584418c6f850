package io.layerlab.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A layer's notes in a narrow column: cut short with an ellipsis, whole in the cell's tooltip. */
@ExtendWith(ApplicationExtension.class)
class FullTextCellTest {
    private static final String NOTES = "72% of its ReLUs are dead; vanishing gradient; weights barely change";
    private final StringProperty notes = new SimpleStringProperty(NOTES);

    @Start
    void start(Stage stage) {
        TableView<String> table = new TableView<>();
        TableColumn<String, String> column = new TableColumn<>("Notes");
        column.setCellValueFactory(cell -> notes);
        column.setCellFactory(c -> new FullTextCell<>());
        column.setPrefWidth(120);
        table.getColumns().addAll(List.of(column));
        table.getItems().add("hidden");
        stage.setScene(new Scene(table, 300, 150));
        stage.show();
    }

    @Test
    void aCutSentenceIsWholeInTheTooltipAndAHealthyLayerHasNone(FxRobot robot) {
        TableCell<?, ?> cell = robot.lookup(".table-cell").match(n -> !((TableCell<?, ?>) n).isEmpty()).query();
        assertThat(((Text) cell.lookup(".text")).getText()).as("shown, cut short").endsWith("...").isNotEqualTo(NOTES);
        assertThat(cell.getTooltip()).isNotNull();
        assertThat(cell.getTooltip().getText()).isEqualTo(NOTES);

        robot.interact(() -> notes.set(""));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell.getTooltip()).as("nothing to say, no tooltip").isNull();
    }
}
