package io.layerlab.ui.pad;

import io.layerlab.model.ClassProbabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Class probabilities as bars in class order (rows do not jump about while a person draws), the
 * most probable class highlighted; names, bars and per cents in aligned columns. Without an answer
 * the names stay with empty bars under a short hint.
 */
final class ProbabilityBars extends VBox {
    private final Label placeholder = new Label();
    private final GridPane grid = new GridPane();
    private final List<Row> rows = new ArrayList<>();
    private ClassProbabilities shown;

    /** One class: its name, a bar as long as its probability, the probability in per cent. */
    private static final class Row {
        final Label name = new Label();
        final Region bar = new Region();
        final StackPane track = new StackPane(bar);
        final Label value = new Label();

        Row(String className) {
            name.setText(className);
            name.getStyleClass().addAll(PadStyles.ROW, PadStyles.NAME);
            name.setMinWidth(Region.USE_PREF_SIZE);
            track.getStyleClass().addAll(PadStyles.ROW, PadStyles.TRACK);
            track.setAlignment(Pos.CENTER_LEFT);
            track.setMinWidth(30);
            bar.getStyleClass().add(PadStyles.BAR);
            bar.setMinWidth(0);
            bar.setMaxWidth(Region.USE_PREF_SIZE);
            bar.setMaxHeight(Double.MAX_VALUE);
            value.getStyleClass().addAll(PadStyles.ROW, PadStyles.VALUE);
            GridPane.setHalignment(value, HPos.RIGHT);
            show(0, false);
            value.setText("");
        }

        void show(float probability, boolean top) {
            double fraction = Math.max(0, Math.min(1, probability));
            bar.prefWidthProperty().bind(track.widthProperty().multiply(fraction));
            value.setText(String.format(Locale.ROOT, "%.1f %%", probability * 100.0));
            for (Node n : List.of(name, track, value)) n.pseudoClassStateChanged(PadStyles.TOP, top);
        }
    }

    ProbabilityBars() {
        getStyleClass().add(PadStyles.BARS);
        placeholder.getStyleClass().add(PadStyles.PLACEHOLDER);
        placeholder.setWrapText(true);
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints bars = new ColumnConstraints();
        bars.setHgrow(Priority.ALWAYS);
        ColumnConstraints values = new ColumnConstraints();
        values.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().setAll(names, bars, values);
        grid.getStyleClass().add("probability-grid");
        getChildren().setAll(placeholder, grid);
    }

    /** Shows {@code names} with empty bars under {@code hint}, until an answer arrives. */
    void showNames(List<String> names, String hint) {
        placeholder.setText(hint);
        rebuild(names);
        show(null);
    }

    /** Shows {@code probabilities}; null empties the bars and shows the hint. */
    void show(ClassProbabilities probabilities) {
        shown = probabilities;
        if (probabilities == null) {
            for (Row row : rows) {
                row.show(0, false);
                row.value.setText("");
            }
            placeholder.setVisible(true);
            placeholder.setManaged(true);
            return;
        }
        rebuild(probabilities.names());
        int top = probabilities.top();
        for (int i = 0; i < rows.size(); i++) rows.get(i).show(probabilities.probability(i), i == top);
        placeholder.setVisible(false);
        placeholder.setManaged(false);
    }

    private void rebuild(List<String> names) {
        boolean same = rows.size() == names.size();
        for (int i = 0; same && i < names.size(); i++) same = rows.get(i).name.getText().equals(names.get(i));
        if (same) return;
        rows.clear();
        grid.getChildren().clear();
        for (int i = 0; i < names.size(); i++) {
            Row row = new Row(names.get(i));
            rows.add(row);
            grid.addRow(i, row.name, row.track, row.value);
        }
    }

    /** The answer shown, or null. */
    ClassProbabilities shown() {
        return shown;
    }

    /** The class names listed. */
    List<String> listedNames() {
        return rows.stream().map(r -> r.name.getText()).toList();
    }

    /** The name of the highlighted class, or null when none is. */
    String highlighted() {
        for (Row row : rows) {
            if (row.name.getPseudoClassStates().contains(PadStyles.TOP)) return row.name.getText();
        }
        return null;
    }
}
