package io.layerlab.ui.summary;

import io.layerlab.graph.Node;
import io.layerlab.shape.MemoryEstimate;
import io.layerlab.shape.ModelSummary;
import io.layerlab.shape.ShapeReport;
import io.layerlab.train.TrainingSpec;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The summary table: per node in topological order its output shape, parameters and multiply-adds, then totals. */
public final class SummaryViewModel {
    private final ObservableList<SummaryRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper(this, "totals", "");
    private final ReadOnlyStringWrapper memory = new ReadOnlyStringWrapper(this, "memory", "");
    private final ChangeListener<ShapeReport> reportListener = (obs, old, report) -> refresh();
    private final Consumer<String> centerOn;
    private DesignDocument document;

    /** @param centerOn brings a node into view on the canvas */
    public SummaryViewModel(Workspace workspace, Consumer<String> centerOn) {
        this.centerOn = Objects.requireNonNull(centerOn);
        Objects.requireNonNull(workspace);
        workspace.documentProperty().addListener((obs, old, doc) -> attach(doc));
        attach(workspace.document());
    }

    private void attach(DesignDocument doc) {
        if (document != null) document.reportProperty().removeListener(reportListener);
        document = doc;
        if (doc != null) doc.reportProperty().addListener(reportListener);
        refresh();
    }

    /** Layers in topological order, then one totals row. */
    public ObservableList<SummaryRow> rows() { return rows; }

    /** Totals and the memory training needs at the project's batch size and optimizer. */
    public ReadOnlyStringProperty totalsProperty() { return totals.getReadOnlyProperty(); }

    /** The memory estimate in full: weights, optimizer state and activations at the project's batch size. */
    public ReadOnlyStringProperty memoryProperty() { return memory.getReadOnlyProperty(); }

    /** Selects the row's node in the document. */
    public void reveal(SummaryRow row) {
        if (document == null || row == null || row.total() || !document.graph().contains(row.nodeId())) return;
        document.selection().retainAll(List.of(row.nodeId()));
        document.selection().add(row.nodeId());
        centerOn.accept(row.nodeId());
    }

    private void refresh() {
        if (document == null) { rows.clear(); totals.set(""); memory.set(""); return; }
        ShapeReport report = document.report();
        TrainingSpec training = document.project().training();
        ModelSummary summary = ModelSummary.of(report, Math.max(1, training.batchSize()), knownOptimizer(training.optimizer()));
        List<SummaryRow> out = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (ModelSummary.Row r : summary.rows()) {
            out.add(new SummaryRow(r.id(), r.type(), r.outputLabel(), r.params(), r.multiplyAdds(), false));
            listed.add(r.id());
        }
        // Nodes the check could not order (on a cycle) still get a line, after the others.
        for (Node node : document.graph().nodes()) {
            if (!listed.contains(node.id())) {
                out.add(new SummaryRow(node.id(), node.type(), ModelSummary.UNKNOWN_SHAPE, 0, 0, false));
            }
        }
        out.add(new SummaryRow("Total", "", "", summary.totalParams(), summary.totalMultiplyAdds(), true));
        rows.setAll(out);
        MemoryEstimate m = summary.memory();
        totals.set(String.format("%,d parameters  ·  %,d multiply-adds per example  ·  memory to train ≈ %s",
                summary.totalParams(), summary.totalMultiplyAdds(), MemoryEstimate.format(m.total())));
        memory.set(String.format("Training with %s at batch %d needs about %s: weights %s, optimizer state %s, activations %s.",
                m.optimizer(), m.batchSize(), MemoryEstimate.format(m.total()), MemoryEstimate.format(m.weightBytes()),
                MemoryEstimate.format(m.updaterBytes()), MemoryEstimate.format(m.activationBytes())));
    }

    /** The memory estimate knows the five optimizers; a file naming another is reported by the project reader. */
    private static String knownOptimizer(String optimizer) {
        return TrainingSpec.OPTIMIZERS.contains(optimizer) ? optimizer : "adam";
    }
}
