package io.layerlab.ui.model;

import io.layerlab.shape.Diagnostic;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The document open in the window; replaced on New, Open and Open Sample. Panels observe
 * {@link #documentProperty()} and re-attach to each new document, so none of them needs to
 * know about the others. Also holds the problems the compiler found on the last Train, which
 * go stale (and are cleared) at the next edit.
 */
public final class Workspace {
    private final ReadOnlyObjectWrapper<DesignDocument> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ObservableList<Diagnostic> compilerDiagnostics = FXCollections.observableArrayList();
    private final ObservableList<Diagnostic> compilerDiagnosticsView = FXCollections.unmodifiableObservableList(compilerDiagnostics);

    public ReadOnlyObjectProperty<DesignDocument> documentProperty() { return document.getReadOnlyProperty(); }

    public DesignDocument document() { return document.get(); }

    /** Makes {@code doc} the open document. */
    public void show(DesignDocument doc) {
        compilerDiagnostics.clear();
        document.set(doc);
        doc.graph().addListener(g -> {
            if (document.get() == doc) compilerDiagnostics.clear();
        });
    }

    /** Problems the compiler reported beyond the shape check's (shown until the next edit). */
    public ObservableList<Diagnostic> compilerDiagnostics() { return compilerDiagnosticsView; }

    public void setCompilerDiagnostics(List<Diagnostic> diagnostics) { compilerDiagnostics.setAll(diagnostics); }
}
