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
 *
 * <p>The grid is built once per set of classes; showing another matrix over the same classes (the
 * next run of the project) only changes the numbers, tints and tooltips of the cells it has.
 */
final class ConfusionMatrixView extends GridPane {
    /** A count's cell is never narrower: three digits still read. */
    static final double CELL_LEAST_WIDTH = 28;
    /** The classes the grid was built for; null before the first matrix. */
    private List<String> builtFor;
    private Label[][] counts = new Label[0][0];
    private Region[][] fills = new Region[0][0];
    private Tooltip[][] tooltips = new Tooltip[0][0];

    ConfusionMatrixView() {
        getStyleClass().add(DashboardStyles.MATRIX);
        setHgap(2);
        setVgap(2);
    }

    void show(ConfusionMatrix matrix) {
        int classes = matrix.counts().length;
        List<String> names = matrix.classNames();
        List<String> shownNames = java.util.stream.IntStream.range(0, classes).mapToObj(i -> name(names, i)).toList();
        if (!shownNames.equals(builtFor)) {
            build(shownNames);
        }
        int largest = Math.max(1, matrix.largestCount());
        for (int truth = 0; truth < classes; truth++) {
            int rowTotal = 0;
            for (int count : matrix.counts()[truth]) {
                rowTotal += count;
            }
            for (int predicted = 0; predicted < classes; predicted++) {
                int count = matrix.counts()[truth][predicted];
                counts[truth][predicted].setText(Integer.toString(count));
                fills[truth][predicted].setOpacity(count == 0 ? 0 : 0.15 + 0.85 * count / (double) largest);
                tooltips[truth][predicted].setText(count + " of " + rowTotal + " " + shownNames.get(truth)
                        + " examples predicted as " + shownNames.get(predicted));
            }
        }
    }

    private void build(List<String> names) {
        int classes = names.size();
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        getColumnConstraints().add(new ColumnConstraints(Region.USE_COMPUTED_SIZE));
        for (int c = 0; c < classes; c++) {
            // At least as wide as the class's name above it (its cells are at least CELL_LEAST_WIDTH): with a
            // fixed least width, the side column fitted to the matrix ran "square" into "triangle".
            ColumnConstraints column = new ColumnConstraints(Region.USE_COMPUTED_SIZE, 60, Double.MAX_VALUE);
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
        add(header("true ╲ predicted"), 0, 0);
        for (int c = 0; c < classes; c++) {
            add(header(names.get(c)), c + 1, 0);
            add(header(names.get(c)), 0, c + 1);
        }
        counts = new Label[classes][classes];
        fills = new Region[classes][classes];
        tooltips = new Tooltip[classes][classes];
        for (int truth = 0; truth < classes; truth++) {
            for (int predicted = 0; predicted < classes; predicted++) {
                add(cell(truth, predicted), predicted + 1, truth + 1);
            }
        }
        builtFor = names;
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

    private StackPane cell(int truth, int predicted) {
        boolean diagonal = truth == predicted;
        Region fill = new Region();
        fill.getStyleClass().add(DashboardStyles.MATRIX_FILL);
        fill.pseudoClassStateChanged(DashboardStyles.DIAGONAL, diagonal);
        Label number = new Label();
        number.getStyleClass().add(DashboardStyles.MATRIX_COUNT);
        StackPane cell = new StackPane(fill, number);
        cell.getStyleClass().add(DashboardStyles.MATRIX_CELL);
        cell.pseudoClassStateChanged(DashboardStyles.DIAGONAL, diagonal);
        cell.setAlignment(Pos.CENTER);
        cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        cell.setMinWidth(CELL_LEAST_WIDTH);
        Tooltip tooltip = new Tooltip();
        Tooltip.install(cell, tooltip);
        counts[truth][predicted] = number;
        fills[truth][predicted] = fill;
        tooltips[truth][predicted] = tooltip;
        return cell;
    }
}
