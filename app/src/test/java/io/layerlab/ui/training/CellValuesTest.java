package io.layerlab.ui.training;

import io.layerlab.train.LayerStats;
import javafx.beans.binding.Bindings;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class CellValuesTest {
    @Start
    void start(Stage stage) {
        // The toolkit is started for the table's controls; nothing needs showing.
    }

    private static LayerStats stats(double gradient) {
        return new LayerStats("dense1", "relu", gradient, 0.1, Double.NaN, 1e-3);
    }

    @Test
    void aRowsCellValueIsMadeOnceAndFollowsItsRowsNewStatistics() {
        TableView<LayerRow> table = new TableView<>();
        TableColumn<LayerRow, String> gradient = new TableColumn<>("gradient");
        table.getColumns().add(gradient);
        int[] made = new int[1];
        CellValues.install(gradient, LayerRow::cellValues, row -> {
            made[0]++;
            return Bindings.createStringBinding(() -> Double.toString(row.stats().meanAbsGradient()), row.statsProperty());
        });
        LayerRow row = new LayerRow(stats(0.5));
        table.getItems().add(row);

        var first = gradient.getCellObservableValue(0);
        var again = gradient.getCellObservableValue(0);
        assertThat(again).isSameAs(first);
        assertThat(made[0]).isEqualTo(1);
        assertThat(first.getValue()).isEqualTo("0.5");

        row.update(stats(0.25));
        assertThat(gradient.getCellObservableValue(0).getValue()).isEqualTo("0.25");
        assertThat(made[0]).isEqualTo(1);
    }
}
