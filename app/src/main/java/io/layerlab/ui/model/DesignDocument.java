package io.layerlab.ui.model;

import io.layerlab.graph.Edit;
import io.layerlab.graph.EditHistory;
import io.layerlab.graph.Graph;
import io.layerlab.project.Project;
import io.layerlab.shape.ShapeReport;
import io.layerlab.train.SavedRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * One open project as the views see it: the project, its undo history, the shape report of the
 * current graph (recomputed after every edit), the selection, the file, the training runs read
 * with it, and the dirty flag (edits, or runs kept since the last save).
 * Views observe these properties and change the graph only through {@link #execute(Edit)}.
 * Used on the JavaFX thread only.
 */
public final class DesignDocument {
    private final Project project;
    private final EditHistory history;
    private final Function<Graph, ShapeReport> analyzer;
    private final ReadOnlyObjectWrapper<ShapeReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");
    private final ObservableSet<String> selection = FXCollections.observableSet();
    private final List<SavedRun> savedRuns;
    /** Counts the runs kept (or dropped) since the document opened; {@link #runsSavedAt} is the count the file has. */
    private long runsRevision;
    private long runsSavedAt;

    /**
     * @param analyzer the shape check (ShapeInference::infer in the app; cheap enough to run on
     *                 every edit)
     */
    public DesignDocument(Project project, Path file, Function<Graph, ShapeReport> analyzer) {
        this(project, file, analyzer, List.of());
    }

    /** @param savedRuns the finished runs saved with the project's file, oldest first, with the networks saved with them */
    public DesignDocument(Project project, Path file, Function<Graph, ShapeReport> analyzer, List<SavedRun> savedRuns) {
        this.savedRuns = List.copyOf(savedRuns);
        this.project = Objects.requireNonNull(project);
        this.analyzer = Objects.requireNonNull(analyzer);
        this.history = new EditHistory(project.graph());
        this.file.set(file);
        project.graph().addListener(g -> {
            report.set(analyzer.apply(g));
            selection.removeIf(id -> !g.contains(id));
        });
        history.addListener(h -> {
            refreshDirty();
            undoLabel.set(h.undoDescription().orElse(""));
            redoLabel.set(h.redoDescription().orElse(""));
        });
        report.set(analyzer.apply(project.graph()));
    }

    public Project project() { return project; }
    public Graph graph() { return project.graph(); }
    public EditHistory history() { return history; }

    /** Applies an undoable edit; the report, the dirty flag and the undo labels follow. */
    public void execute(Edit edit) { history.execute(edit); }

    public void undo() { history.undo(); }
    public void redo() { history.redo(); }

    public ReadOnlyObjectProperty<ShapeReport> reportProperty() { return report.getReadOnlyProperty(); }
    public ShapeReport report() { return report.get(); }

    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public boolean isDirty() { return dirty.get(); }

    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }
    public Path file() { return file.get(); }

    /** After a successful save: remember where, and mark the current state as saved. */
    public void savedTo(Path path) {
        file.set(path);
        history.markSaved();
    }

    /** The finished runs that were saved with the file when it was opened (none for a new project). */
    public List<SavedRun> savedRuns() { return savedRuns; }

    /** A run was kept (or dropped): the runs beside the file are out of date until the next save. */
    public void runsChanged() {
        runsRevision++;
        refreshDirty();
    }

    /** Which change of the runs a save is about to write (see {@link #runsSaved}). */
    public long runsRevision() { return runsRevision; }

    /** The runs as they were at {@code revision} were saved: unless one was kept since, they no longer make the document dirty. */
    public void runsSaved(long revision) {
        runsSavedAt = Math.max(runsSavedAt, revision);
        refreshDirty();
    }

    private void refreshDirty() {
        dirty.set(history.isDirty() || runsRevision != runsSavedAt);
    }

    /** "Add Dense" etc., empty when there is nothing to undo. */
    public ReadOnlyStringProperty undoLabelProperty() { return undoLabel.getReadOnlyProperty(); }
    public ReadOnlyStringProperty redoLabelProperty() { return redoLabel.getReadOnlyProperty(); }

    /** Ids of the selected nodes. */
    public ObservableSet<String> selection() { return selection; }
}
