package io.layerlab.ui.shell;

import io.layerlab.shape.ShapeReport;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.Workspace;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.SetChangeListener;

/**
 * The status bar's text: the latest message (saved, opened, training finished), what is
 * selected, the problem count and the total parameters of the open document.
 */
public final class StatusViewModel {
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Ready");
    private final ReadOnlyStringWrapper selection = new ReadOnlyStringWrapper(this, "selection", "");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ReadOnlyStringWrapper params = new ReadOnlyStringWrapper(this, "params", "");
    private final SetChangeListener<String> selectionListener = c -> refresh();
    private final ChangeListener<ShapeReport> reportListener = (obs, old, r) -> refresh();
    private DesignDocument document;

    public StatusViewModel(Workspace workspace) {
        workspace.documentProperty().addListener((obs, old, doc) -> attach(doc));
        attach(workspace.document());
    }

    private void attach(DesignDocument doc) {
        if (document != null) {
            document.selection().removeListener(selectionListener);
            document.reportProperty().removeListener(reportListener);
        }
        document = doc;
        if (doc != null) {
            doc.selection().addListener(selectionListener);
            doc.reportProperty().addListener(reportListener);
        }
        refresh();
    }

    public void showMessage(String text) { message.set(Objects.requireNonNullElse(text, "")); }

    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyStringProperty selectionProperty() { return selection.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemsProperty() { return problems.getReadOnlyProperty(); }
    public ReadOnlyStringProperty paramsProperty() { return params.getReadOnlyProperty(); }

    private void refresh() {
        if (document == null) { selection.set(""); problems.set(""); params.set(""); return; }
        int n = document.selection().size();
        selection.set(n == 0 ? document.graph().size() + (document.graph().size() == 1 ? " node" : " nodes")
                : n == 1 ? document.selection().iterator().next() + " selected" : n + " selected");
        ShapeReport report = document.report();
        long errors = report.errors().size();
        long warnings = report.diagnostics().size() - errors;
        problems.set(errors == 0 && warnings == 0 ? "No problems"
                : plural(errors, "error") + (warnings == 0 ? "" : ", " + plural(warnings, "warning")));
        params.set(String.format("%,d parameters", report.totalParams()));
    }

    private static String plural(long n, String word) { return n + " " + word + (n == 1 ? "" : "s"); }
}
