package io.layerlab.ui.training;

import io.layerlab.train.LayerStats;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One node's line in the layer-statistics table; its statistics are replaced as new samples arrive. */
public final class LayerRow {
    private final String nodeId;
    private final ReadOnlyObjectWrapper<LayerStats> stats = new ReadOnlyObjectWrapper<>(this, "stats");
    private final CellValues<LayerRow> cellValues = new CellValues<>();

    LayerRow(LayerStats first) {
        this.nodeId = first.nodeId();
        this.stats.set(first);
    }

    public String nodeId() {
        return nodeId;
    }

    public ReadOnlyObjectProperty<LayerStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public LayerStats stats() {
        return stats.get();
    }

    /** {@code measured}'s node and activation without numbers: shown until the node is measured again. */
    static LayerStats notMeasured(LayerStats measured) {
        return new LayerStats(measured.nodeId(), measured.activation(), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** What the statistics table shows of this row. */
    CellValues<LayerRow> cellValues() {
        return cellValues;
    }

    void update(LayerStats latest) {
        stats.set(latest);
    }
}
