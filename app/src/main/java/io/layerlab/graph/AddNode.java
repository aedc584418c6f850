package io.layerlab.graph;

/** Puts a new node on the graph. */
public record AddNode(Node node) implements Edit {
    @Override public void apply(Graph g) {
        if (g.contains(node.id())) throw new IllegalStateException("node id '" + node.id() + "' is already used");
        g.putNode(node);
    }

    @Override public void revert(Graph g) { g.removeNode(node.id()); }

    @Override public String description() { return "Add " + node.type(); }
}
