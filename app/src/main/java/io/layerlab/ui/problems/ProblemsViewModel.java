package io.layerlab.ui.problems;

import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.ShapeReport;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The problems list: the shape check's diagnostics for the open document, plus what the
 * compiler reported on the last Train; choosing one selects its node.
 */
public final class ProblemsViewModel {
    private final Workspace workspace;
    private final ObservableList<Diagnostic> problems = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper errors = new ReadOnlyIntegerWrapper(this, "errors");
    private final ReadOnlyIntegerWrapper warnings = new ReadOnlyIntegerWrapper(this, "warnings");
    private final ChangeListener<ShapeReport> reportListener = (obs, old, report) -> refresh();
    private final Consumer<String> centerOn;
    private DesignDocument document;

    /** @param centerOn brings a node into view on the canvas */
    public ProblemsViewModel(Workspace workspace, Consumer<String> centerOn) {
        this.centerOn = Objects.requireNonNull(centerOn);
        this.workspace = Objects.requireNonNull(workspace);
        workspace.documentProperty().addListener((obs, old, doc) -> attach(doc));
        workspace.compilerDiagnostics().addListener((ListChangeListener<Diagnostic>) c -> refresh());
        attach(workspace.document());
    }

    private void attach(DesignDocument doc) {
        if (document != null) document.reportProperty().removeListener(reportListener);
        document = doc;
        if (doc != null) doc.reportProperty().addListener(reportListener);
        refresh();
    }

    /** Errors first, then warnings; each in the order found. */
    public ObservableList<Diagnostic> problems() { return problems; }

    public ReadOnlyIntegerProperty errorCountProperty() { return errors.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty warningCountProperty() { return warnings.getReadOnlyProperty(); }

    /** Selects the problem's node on the canvas (and so in the inspector); graph-wide problems select nothing. */
    public void reveal(Diagnostic problem) {
        if (document == null || problem == null || problem.nodeId() == null) return;
        if (!document.graph().contains(problem.nodeId())) return;
        document.selection().retainAll(List.of(problem.nodeId()));
        document.selection().add(problem.nodeId());
        centerOn.accept(problem.nodeId());
    }

    private void refresh() {
        LinkedHashSet<Diagnostic> all = new LinkedHashSet<>();
        if (document != null) all.addAll(document.report().diagnostics());
        all.addAll(workspace.compilerDiagnostics());
        List<Diagnostic> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> Boolean.compare(!a.isError(), !b.isError()));
        problems.setAll(sorted);
        errors.set((int) sorted.stream().filter(Diagnostic::isError).count());
        warnings.set(sorted.size() - errors.get());
    }
}
