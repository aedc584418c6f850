package io.layerlab.graph;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves nodes to new positions. The canvas moves only the views while dragging and records
 * one MoveNodes on release, so a drag is one undo step.
 */
public final class MoveNodes implements Edit {
    private final Map<String, double[]> targets;
    private final Map<String, double[]> previous = new LinkedHashMap<>();

    /** @param targets node id to {x, y} */
    public MoveNodes(Map<String, double[]> targets) { this.targets = new LinkedHashMap<>(targets); }

    @Override public void apply(Graph g) {
        previous.clear();
        targets.forEach((id, xy) -> {
            Node n = g.node(id).orElseThrow(() -> new IllegalStateException("no node '" + id + "'"));
            previous.put(id, new double[] {n.x(), n.y()});
            g.replaceNode(n.withPosition(xy[0], xy[1]));
        });
    }

    @Override public void revert(Graph g) {
        previous.forEach((id, xy) -> g.replaceNode(g.node(id).orElseThrow().withPosition(xy[0], xy[1])));
    }

    @Override public String description() { return targets.size() == 1 ? "Move " + targets.keySet().iterator().next() : "Move " + targets.size() + " nodes"; }
}
