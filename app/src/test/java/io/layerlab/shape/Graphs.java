package io.layerlab.shape;

import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Terse graph building for tests: {@code Graphs.create().node("in", "Input", "shape", List.of(2)).wire("in", "out")}. */
final class Graphs {
    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();

    static Graphs create() { return new Graphs(); }

    /** A node with parameters given as name, value pairs. */
    Graphs node(String id, String type, Object... nameValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) params.put((String) nameValues[i], nameValues[i + 1]);
        nodes.add(Node.of(id, type, params));
        return this;
    }

    Graphs wire(String from, String to) { return wire(from, to, 0); }

    Graphs wire(String from, String to, int port) {
        edges.add(new Edge(from, to, port));
        return this;
    }

    /** Wires the ids in sequence: a → b → c. */
    Graphs chain(String... ids) {
        for (int i = 1; i < ids.length; i++) wire(ids[i - 1], ids[i]);
        return this;
    }

    Graph build() { return Graph.of(nodes, edges); }

    ShapeReport infer() { return ShapeInference.infer(build()); }
}
