package io.layerlab.graph;

import java.util.Objects;

/** Sets (or, with a null value, clears) one parameter of one node. */
public final class SetParam implements Edit {
    private final String nodeId;
    private final String name;
    private final Object value;
    private Object previous;

    public SetParam(String nodeId, String name, Object value) {
        this.nodeId = Objects.requireNonNull(nodeId);
        this.name = Objects.requireNonNull(name);
        this.value = value;
    }

    public String nodeId() { return nodeId; }
    public String name() { return name; }
    public Object value() { return value; }

    @Override public void apply(Graph g) {
        Node n = g.node(nodeId).orElseThrow(() -> new IllegalStateException("no node '" + nodeId + "'"));
        previous = n.param(name);
        g.replaceNode(n.withParam(name, value));
    }

    @Override public void revert(Graph g) {
        Node n = g.node(nodeId).orElseThrow();
        g.replaceNode(n.withParam(name, previous));
    }

    @Override public String description() { return "Set " + name + " of " + nodeId; }
}
