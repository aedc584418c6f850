package io.layerlab.graph;

/** Adds a wire. Whether the wire makes sense is the shape check's business, not this edit's. */
public record Connect(Edge edge) implements Edit {
    @Override public void apply(Graph g) {
        if (!g.contains(edge.from())) throw new IllegalStateException("no node '" + edge.from() + "'");
        if (!g.contains(edge.to())) throw new IllegalStateException("no node '" + edge.to() + "'");
        if (g.edges().contains(edge)) throw new IllegalStateException("wire " + edge + " exists already");
        g.addEdge(g.edgeCount(), edge);
    }

    @Override public void revert(Graph g) { g.removeEdge(edge); }

    @Override public String description() { return "Connect " + edge.from() + " to " + edge.to(); }
}
