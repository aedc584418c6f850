package io.layerlab.ui;

import io.layerlab.data.DataSpec;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.project.Project;
import io.layerlab.shape.ShapeInference;
import io.layerlab.shape.ShapeReport;
import io.layerlab.train.TrainingSpec;
import io.layerlab.ui.model.DesignDocument;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Small projects for UI tests. */
public final class TestDocuments {
    private TestDocuments() { }

    /** The analyzer the designer runs after each edit. */
    public static Function<Graph, ShapeReport> analyzer() {
        return ShapeInference::infer;
    }

    /** in [2] -> dense1 (units 8) -> out (2 classes). */
    public static Project xorProject() {
        Graph g = Graph.of(List.of(
                new Node("in", "Input", 40, 120, Map.of("shape", List.of(2))),
                new Node("dense1", "Dense", 220, 120, Map.of("units", 8, "activation", "tanh")),
                new Node("out", "Output", 400, 120, Map.of("units", 2))),
                List.of(new Edge("in", "dense1"), new Edge("dense1", "out")));
        return new Project("XOR", "A hidden layer learns XOR.", g,
                new DataSpec("xor", Map.of("samples", 400, "noise", 0.1), 0.2, 7), TrainingSpec.defaults());
    }

    /** An image classifier missing its Flatten: Dense 'dense1' is fed the convolution's image. */
    public static Project cnnWithoutFlatten() {
        Graph g = Graph.of(List.of(
                new Node("in", "Input", 40, 120, Map.of("shape", List.of(28, 28, 1))),
                new Node("conv1", "Conv2D", 220, 120, Map.of("filters", 8)),
                new Node("dense1", "Dense", 400, 120, Map.of("units", 32)),
                new Node("out", "Output", 580, 120, Map.of("units", 10))),
                List.of(new Edge("in", "conv1"), new Edge("conv1", "dense1"), new Edge("dense1", "out")));
        return new Project("CNN", "", g, new DataSpec("xor", Map.of(), 0.2, 7), TrainingSpec.defaults());
    }

    public static DesignDocument document(Project project) {
        return new DesignDocument(project, null, analyzer());
    }
}
