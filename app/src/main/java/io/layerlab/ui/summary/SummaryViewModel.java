package io.layerlab.ui.summary;

import io.layerlab.shape.LayerInfo;
import io.layerlab.shape.ShapeReport;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The summary table: per node in topological order its output shape, parameters and multiply-adds, then totals. */
public final class SummaryViewModel {
    private final ObservableList<SummaryRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper(this, "totals", "");
    private final ChangeListener<ShapeReport> reportListener = (obs, old, report) -> refresh();
    private DesignDocument document;

    public SummaryViewModel(Workspace workspace) {
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

    /** "1,234 parameters · 5,678 multiply-adds per example · weights ≈ 4.8 KB". */
    public ReadOnlyStringProperty totalsProperty() { return totals.getReadOnlyProperty(); }

    /** Selects the row's node in the document. */
    public void reveal(SummaryRow row) {
        if (document == null || row == null || row.total() || !document.graph().contains(row.nodeId())) return;
        document.selection().retainAll(List.of(row.nodeId()));
        document.selection().add(row.nodeId());
    }

    private void refresh() {
        if (document == null) { rows.clear(); totals.set(""); return; }
        ShapeReport report = document.report();
        List<SummaryRow> out = new ArrayList<>();
        List<String> order = new ArrayList<>(report.order());
        // Nodes the check could not order (on a cycle) still get a line, after the others.
        for (var node : document.graph().nodes()) if (!order.contains(node.id())) order.add(node.id());
        for (String id : order) {
            LayerInfo info = report.info(id).orElse(null);
            String type = document.graph().node(id).map(n -> n.type()).orElse(info == null ? "?" : info.type());
            out.add(new SummaryRow(id, type, info == null || info.output() == null ? "?" : info.output().label(),
                    info == null ? 0 : info.params(), info == null ? 0 : info.multiplyAdds(), false));
        }
        long params = report.totalParams();
        long macs = report.totalMultiplyAdds();
        out.add(new SummaryRow("Total", "", "", params, macs, true));
        rows.setAll(out);
        totals.set(String.format("%,d parameters  ·  %,d multiply-adds per example  ·  weights ≈ %s",
                params, macs, Bytes.format(params * Float.BYTES)));
    }
}
