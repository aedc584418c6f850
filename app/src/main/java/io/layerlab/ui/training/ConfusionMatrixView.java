package io.layerlab.ui.training;

import io.layerlab.train.RunEvaluation.ConfusionMatrix;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;

/**
 * A confusion matrix as a grid: a row per true class, a column per predicted class, each cell its
 * count on a tint whose strength follows the count (the diagonal, correct predictions, in the
 * theme's success colour; mistakes in its danger colour).
 */
final class ConfusionMatrixView extends GridPane {

    ConfusionMatrixView() {
        getStyleClass().add(DashboardStyles.MATRIX);
        setHgap(2);
        setVgap(2);
    }

    void show(ConfusionMatrix matrix) {
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        List<String> names = matrix.classNames();
        int classes = matrix.counts().length;
        int largest = Math.max(1, matrix.largestCount());

        getColumnConstraints().add(new ColumnConstraints(Region.USE_COMPUTED_SIZE));
        for (int c = 0; c < classes; c++) {
            ColumnConstraints column = new ColumnConstraints(28, 60, Double.MAX_VALUE);
            column.setHgrow(Priority.ALWAYS);
            column.setHalignment(HPos.CENTER);
            getColumnConstraints().add(column);
        }
        getRowConstraints().add(new RowConstraints(Region.USE_COMPUTED_SIZE));
        for (int r = 0; r < classes; r++) {
            RowConstraints row = new RowConstraints(22, 40, Double.MAX_VALUE);
            row.setVgrow(Priority.ALWAYS);
            row.setValignment(VPos.CENTER);
            getRowConstraints().add(row);
        }
        Label corner = header("true ╲ predicted");
        add(corner, 0, 0);
        for (int c = 0; c < classes; c++) {
            add(header(name(names, c)), c + 1, 0);
            add(header(name(names, c)), 0, c + 1);
        }
        for (int truth = 0; truth < classes; truth++) {
            int rowTotal = 0;
            for (int count : matrix.counts()[truth]) {
                rowTotal += count;
            }
            for (int predicted = 0; predicted < classes; predicted++) {
                int count = matrix.counts()[truth][predicted];
                add(cell(count, largest, truth == predicted,
                        count + " of " + rowTotal + " " + name(names, truth) + " examples predicted as " + name(names, predicted)),
                        predicted + 1, truth + 1);
            }
        }
    }

    private static String name(List<String> names, int index) {
        return index < names.size() ? names.get(index) : "class " + index;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(DashboardStyles.MATRIX_HEADER);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static StackPane cell(int count, int largest, boolean diagonal, String explanation) {
        Region fill = new Region();
        fill.getStyleClass().add(DashboardStyles.MATRIX_FILL);
        fill.pseudoClassStateChanged(DashboardStyles.DIAGONAL, diagonal);
        fill.setOpacity(count == 0 ? 0 : 0.15 + 0.85 * count / (double) largest);
        Label number = new Label(Integer.toString(count));
        number.getStyleClass().add(DashboardStyles.MATRIX_COUNT);
        StackPane cell = new StackPane(fill, number);
        cell.getStyleClass().add(DashboardStyles.MATRIX_CELL);
        cell.pseudoClassStateChanged(DashboardStyles.DIAGONAL, diagonal);
        cell.setAlignment(Pos.CENTER);
        cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        Tooltip.install(cell, new Tooltip(explanation));
        return cell;
    }
}
