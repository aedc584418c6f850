package io.layerlab.graph;

/** Told after every change to a {@link Graph} (one call per applied edit, undo or redo). */
@FunctionalInterface
public interface GraphListener {
    void graphChanged(Graph graph);
}
