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
}
