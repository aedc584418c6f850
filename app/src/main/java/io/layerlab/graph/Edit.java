package io.layerlab.graph;

/**
 * One undoable change to a {@link Graph}. {@code apply} and {@code revert} must be exact
 * inverses; both leave listener notification to the caller ({@link EditHistory}).
 */
public interface Edit {
    void apply(Graph graph);

    void revert(Graph graph);

    /** What the person did, for the Edit menu: "Add Dense", "Set units of dense1". */
    String description();
}
