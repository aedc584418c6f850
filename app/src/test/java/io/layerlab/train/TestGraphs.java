package io.layerlab.train;

import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chains of layers as project graphs: {@code TestGraphs.chain(2).dense("h1", 8, "relu").output(2)}. */
final class TestGraphs {
    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private String last;

    private TestGraphs() {
    }

    static TestGraphs chain(int inputs) {
        TestGraphs g = new TestGraphs();
        g.nodes.add(Node.of("in", "Input", Map.of("shape", List.of(inputs))));
        g.last = "in";
        return g;
    }

    TestGraphs dense(String id, int units, String activation) {
        return then(id, "Dense", "units", units, "activation", activation);
    }

    TestGraphs then(String id, String type, Object... params) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put((String) params[i], params[i + 1]);
        }
        nodes.add(Node.of(id, type, p));
        edges.add(new Edge(last, id));
        last = id;
        return this;
    }

    /** A softmax classifier over {@code classes} classes, as the graph's end. */
    Graph output(int classes) {
        then("out", "Output", "units", classes, "activation", "softmax", "loss", "mcxent");
        return Graph.of(nodes, edges);
    }
}
