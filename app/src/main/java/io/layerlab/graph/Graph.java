package io.layerlab.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The network as drawn: nodes and wires. The single source of truth for the designer, the
 * shape check and the compiler. Outside this package it is changed only through {@link Edit}s
 * (usually via {@link EditHistory}), so every change can be undone.
 */
public final class Graph {
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<GraphListener> listeners = new CopyOnWriteArrayList<>();
    private long version;

    public Graph() { }

    /** A graph holding these nodes and edges (used when reading a file and in tests). */
    public static Graph of(Collection<Node> nodes, Collection<Edge> edges) {
        Graph g = new Graph();
        for (Node n : nodes) {
            if (g.nodes.containsKey(n.id())) throw new IllegalArgumentException("duplicate node id '" + n.id() + "'");
            g.nodes.put(n.id(), n);
        }
        g.edges.addAll(edges);
        return g;
    }

    public Collection<Node> nodes() { return Collections.unmodifiableCollection(nodes.values()); }
    public List<Edge> edges() { return Collections.unmodifiableList(edges); }
    public Optional<Node> node(String id) { return Optional.ofNullable(nodes.get(id)); }
    public boolean contains(String id) { return nodes.containsKey(id); }
    public int size() { return nodes.size(); }

    /** Increases on every change; lets observers and the run history tell graph versions apart. */
    public long version() { return version; }

    /** Wires into {@code nodeId}, ordered by input port. */
    public List<Edge> inputsOf(String nodeId) {
        List<Edge> in = new ArrayList<>();
        for (Edge e : edges) if (e.to().equals(nodeId)) in.add(e);
        in.sort((a, b) -> Integer.compare(a.toPort(), b.toPort()));
        return in;
    }

    /** Wires out of {@code nodeId}. */
    public List<Edge> outputsOf(String nodeId) {
        List<Edge> out = new ArrayList<>();
        for (Edge e : edges) if (e.from().equals(nodeId)) out.add(e);
        return out;
    }

    /** An id not yet used, built from {@code prefix} ("dense" gives dense1, dense2, ...). */
    public String freshId(String prefix) {
        String base = prefix.isBlank() ? "node" : prefix.toLowerCase().replaceAll("[^a-z0-9_]", "");
        for (int i = 1; ; i++) {
            String candidate = base + i;
            if (!nodes.containsKey(candidate)) return candidate;
        }
    }

    /** A deep copy without listeners. */
    public Graph copy() {
        return of(nodes.values(), edges);
    }

    public void addListener(GraphListener l) { listeners.add(l); }
    public void removeListener(GraphListener l) { listeners.remove(l); }

    // --- mutations, for edits only ---

    void putNode(Node n) { nodes.put(n.id(), n); }

    /** Inserts at a position in iteration order, so undoing a removal restores the order. */
    void putNodeAt(int index, Node n) {
        if (index >= nodes.size()) { nodes.put(n.id(), n); return; }
        List<Node> ordered = new ArrayList<>(nodes.values());
        ordered.add(index, n);
        nodes.clear();
        for (Node o : ordered) nodes.put(o.id(), o);
    }

    int indexOf(String id) {
        int i = 0;
        for (String k : nodes.keySet()) { if (k.equals(id)) return i; i++; }
        return -1;
    }

    void replaceNode(Node n) {
        if (!nodes.containsKey(n.id())) throw new IllegalStateException("no node '" + n.id() + "'");
        nodes.put(n.id(), n);
    }

    void removeNode(String id) { nodes.remove(id); }

    void addEdge(int index, Edge e) { edges.add(Math.min(index, edges.size()), e); }

    int removeEdge(Edge e) {
        int i = edges.indexOf(e);
        if (i >= 0) edges.remove(i);
        return i;
    }

    int edgeCount() { return edges.size(); }

    void fireChanged() {
        version++;
        for (GraphListener l : listeners) l.graphChanged(this);
    }
}
