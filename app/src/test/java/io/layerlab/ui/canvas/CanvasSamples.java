package io.layerlab.ui.canvas;

import io.layerlab.data.DataSpec;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.project.Project;
import io.layerlab.shape.ShapeInference;
import io.layerlab.train.TrainingSpec;
import io.layerlab.ui.model.DesignDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Graphs and documents for the canvas tests, demo and benchmark. */
final class CanvasSamples {
    private CanvasSamples() { }

    static DesignDocument document(Graph graph) {
        Project project = new Project("Canvas test", "", graph, new DataSpec("xor", Map.of(), 0.2, 7), TrainingSpec.defaults());
        return new DesignDocument(project, null, ShapeInference::infer);
    }

    /** A small CNN for MNIST-sized images, laid out left to right. */
    static Graph cnn() {
        List<Node> nodes = List.of(
                new Node("in", "Input", 40, 160, Map.of("shape", List.of(28, 28, 1))),
                new Node("conv1", "Conv2D", 280, 160, Map.of("filters", 16, "kernel", List.of(3, 3), "padding", "same", "activation", "relu")),
                new Node("pool1", "MaxPooling2D", 540, 160, Map.of()),
                new Node("conv2", "Conv2D", 780, 160, Map.of("filters", 32, "kernel", List.of(3, 3), "padding", "same", "activation", "relu")),
                new Node("pool2", "MaxPooling2D", 1040, 160, Map.of()),
                new Node("flatten1", "Flatten", 1280, 160, Map.of()),
                new Node("dense1", "Dense", 1500, 160, Map.of("units", 64, "activation", "linear")),
                new Node("relu1", "Activation", 1760, 160, Map.of("function", "relu")),
                new Node("dropout1", "Dropout", 1940, 160, Map.of("rate", 0.5)),
                new Node("out", "Output", 2180, 160, Map.of("units", 10, "activation", "softmax", "loss", "mcxent")));
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) edges.add(new Edge(nodes.get(i - 1).id(), nodes.get(i).id()));
        return Graph.of(nodes, edges);
    }

    /**
     * A layered graph of {@code nodes} Dense layers and about {@code wires} wires: a chain plus
     * skip wires into Add merges, placed on a grid, as a large design would be.
     */
    static Graph large(int nodes, int wires) {
        List<Node> ns = new ArrayList<>();
        List<Edge> es = new ArrayList<>();
        int rows = 10;
        ns.add(new Node("in", "Input", 0, 0, Map.of("shape", List.of(32))));
        java.util.Random random = new java.util.Random(42);
        for (int i = 1; i < nodes; i++) {
            boolean merge = i % 6 == 0;
            String id = (merge ? "add" : "dense") + i;
            double x = (i / rows) * 260.0;
            double y = (i % rows) * 140.0;
            ns.add(new Node(id, merge ? "Add" : "Dense", x, y, merge ? Map.of() : Map.of("units", 32)));
        }
        for (int i = 1; i < nodes; i++) es.add(new Edge(ns.get(i - 1).id(), ns.get(i).id(), 0));
        int[] nextPort = new int[nodes];
        java.util.Arrays.fill(nextPort, 1);
        int extra = wires - es.size();
        for (int tries = 0; extra > 0 && tries < 100_000; tries++) {
            int to = 6 * (1 + random.nextInt((nodes - 1) / 6));
            if (to >= nodes) continue;
            int from = Math.max(0, to - 2 - random.nextInt(20));
            String f = ns.get(from).id();
            String t = ns.get(to).id();
            if (es.stream().anyMatch(e -> e.from().equals(f) && e.to().equals(t))) continue;
            es.add(new Edge(f, t, nextPort[to]++));
            extra--;
        }
        return Graph.of(ns, es);
    }
}
