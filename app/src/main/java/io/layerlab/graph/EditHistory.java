package io.layerlab.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Undo and redo for one graph. Every change goes through {@link #execute}; the revision
 * counter and the saved mark give the unsaved-changes flag. Not thread-safe: use it from one
 * thread (the JavaFX thread in the designer).
 */
public final class EditHistory {
    /** Told after execute, undo, redo and markSaved. */
    @FunctionalInterface
    public interface Listener { void historyChanged(EditHistory history); }

    private final Graph graph;
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final int limit;
    /** Position in the history; execute and redo move it forward, undo back. */
    private long revision;
    private long savedRevision;
    private long nextRevision = 1;
    private final Deque<Long> undoRevisions = new ArrayDeque<>();
    private final Deque<Long> redoRevisions = new ArrayDeque<>();

    public EditHistory(Graph graph) { this(graph, 500); }

    public EditHistory(Graph graph, int limit) {
        this.graph = graph;
        this.limit = limit;
    }

    public Graph graph() { return graph; }

    /** Applies the edit and makes it undoable; if it throws, the graph is unchanged. */
    public void execute(Edit edit) {
        edit.apply(graph);
        undo.push(edit);
        undoRevisions.push(revision);
        redo.clear();
        redoRevisions.clear();
        revision = nextRevision++;
        if (undo.size() > limit) { undo.removeLast(); undoRevisions.removeLast(); }
        graph.fireChanged();
        fire();
    }

    public boolean canUndo() { return !undo.isEmpty(); }
    public boolean canRedo() { return !redo.isEmpty(); }

    public Optional<String> undoDescription() { return Optional.ofNullable(undo.peek()).map(Edit::description); }
    public Optional<String> redoDescription() { return Optional.ofNullable(redo.peek()).map(Edit::description); }

    public void undo() {
        if (undo.isEmpty()) return;
        Edit e = undo.pop();
        e.revert(graph);
        redo.push(e);
        redoRevisions.push(revision);
        revision = undoRevisions.pop();
        graph.fireChanged();
        fire();
    }

    public void redo() {
        if (redo.isEmpty()) return;
        Edit e = redo.pop();
        e.apply(graph);
        undo.push(e);
        undoRevisions.push(revision);
        revision = redoRevisions.pop();
        graph.fireChanged();
        fire();
    }

    /** Marks the current state as the one on disk. */
    public void markSaved() { savedRevision = revision; fire(); }

    /**
     * Marks the current state as differing from what is on disk, whatever is undone or redone
     * later: for work restored from a recovery copy, which no file holds.
     */
    public void markUnsaved() { savedRevision = -1; fire(); }

    /** True when the graph differs from the last saved state (undoing back to it clears this). */
    public boolean isDirty() { return revision != savedRevision; }

    public long revision() { return revision; }

    public void clear() {
        undo.clear(); redo.clear(); undoRevisions.clear(); redoRevisions.clear();
        fire();
    }

    public void addListener(Listener l) { listeners.add(l); }
    public void removeListener(Listener l) { listeners.remove(l); }

    private void fire() { for (Listener l : listeners) l.historyChanged(this); }
}
