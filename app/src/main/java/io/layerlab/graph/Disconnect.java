package io.layerlab.graph;

/** Removes a wire, remembering its place so undo restores the same order. */
public final class Disconnect implements Edit {
    private final Edge edge;
    private int index = -1;

    public Disconnect(Edge edge) { this.edge = edge; }

    public Edge edge() { return edge; }

    @Override public void apply(Graph g) {
        index = g.removeEdge(edge);
        if (index < 0) throw new IllegalStateException("no wire " + edge);
    }

    @Override public void revert(Graph g) { g.addEdge(index, edge); }

    @Override public String description() { return "Disconnect " + edge.from() + " from " + edge.to(); }
}
