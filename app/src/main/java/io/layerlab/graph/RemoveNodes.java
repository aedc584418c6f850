package io.layerlab.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Removes nodes together with every wire touching them, as one undoable step. */
public final class RemoveNodes implements Edit {
    private final Set<String> ids;
    private final List<Node> removedNodes = new ArrayList<>();
    private final List<Integer> nodeIndexes = new ArrayList<>();
    private final List<Edge> removedEdges = new ArrayList<>();
    private final List<Integer> edgeIndexes = new ArrayList<>();

    public RemoveNodes(Set<String> ids) { this.ids = new LinkedHashSet<>(ids); }

    @Override public void apply(Graph g) {
        removedNodes.clear(); nodeIndexes.clear(); removedEdges.clear(); edgeIndexes.clear();
        for (Edge e : new ArrayList<>(g.edges())) {
            if (ids.contains(e.from()) || ids.contains(e.to())) {
                removedEdges.add(e);
                edgeIndexes.add(g.removeEdge(e));
            }
        }
        for (String id : ids) {
            Node n = g.node(id).orElseThrow(() -> new IllegalStateException("no node '" + id + "'"));
            nodeIndexes.add(g.indexOf(id));
            removedNodes.add(n);
            g.removeNode(id);
        }
    }

    @Override public void revert(Graph g) {
        for (int i = removedNodes.size() - 1; i >= 0; i--) g.putNodeAt(nodeIndexes.get(i), removedNodes.get(i));
        for (int i = removedEdges.size() - 1; i >= 0; i--) g.addEdge(edgeIndexes.get(i), removedEdges.get(i));
    }

    @Override public String description() {
        return ids.size() == 1 ? "Delete " + ids.iterator().next() : "Delete " + ids.size() + " nodes";
    }
}
