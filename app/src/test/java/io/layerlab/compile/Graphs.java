package io.layerlab.compile;

import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small fluent way to write test graphs: {@code new Graphs().input("in", 4).add("d", "Dense", "units", 3)...}. */
final class Graphs {
    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private String last;

    Graphs input(String id, Integer... shape) {
        nodes.add(Node.of(id, "Input", Map.of("shape", List.of(shape))));
        last = id;
        return this;
    }

    /** Adds a node wired from the previously added one; params as name, value pairs. */
    Graphs then(String id, String type, Object... params) {
        String from = last;
        node(id, type, params);
        edges.add(new Edge(from, id));
        return this;
    }

    /** Adds a node fed by the given nodes, in port order. */
    Graphs merge(String id, String type, String... from) {
        node(id, type);
        for (int port = 0; port < from.length; port++) edges.add(new Edge(from[port], id, port));
        return this;
    }

    /** Adds a node without wiring it. */
    Graphs node(String id, String type, Object... params) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) p.put((String) params[i], params[i + 1]);
        nodes.add(Node.of(id, type, p));
        last = id;
        return this;
    }

    Graphs wire(String from, String to) {
        edges.add(new Edge(from, to));
        return this;
    }

    /** Continues the chain from an earlier node. */
    Graphs from(String id) {
        last = id;
        return this;
    }

    Graph build() { return Graph.of(nodes, edges); }
}
