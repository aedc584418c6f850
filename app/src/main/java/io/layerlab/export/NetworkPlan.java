package io.layerlab.export;

import io.layerlab.catalog.Catalog;
import io.layerlab.catalog.LayerKind;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.project.Project;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.DiagnosticCode;
import io.layerlab.shape.LayerInfo;
import io.layerlab.shape.ShapeInference;
import io.layerlab.shape.ShapeReport;
import io.layerlab.shape.TensorShape;
import io.layerlab.train.TrainingSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A checked network ready to be written out: the shape check passed, and the nodes that make up
 * the network are listed in the order the compiler builds them (every node after its inputs).
 * Like the compiler, it leaves out nodes that feed no output.
 */
final class NetworkPlan {
    private final Project project;
    private final ShapeReport report;
    private final List<Node> order;
    private final List<Node> inputs;
    private final List<Node> outputs;

    private NetworkPlan(Project project, ShapeReport report, List<Node> order, List<Node> outputs) {
        this.project = project;
        this.report = report;
        this.order = List.copyOf(order);
        this.inputs = order.stream().filter(n -> kind(n).isInput()).toList();
        this.outputs = List.copyOf(outputs);
    }

    /**
     * @throws ExportException listing every error of the shape check (an unknown layer, a wrong
     *         shape, a missing wire, a layer that cannot be built yet, ...)
     */
    static NetworkPlan of(Project project) {
        Graph graph = project.graph();
        ShapeReport report = ShapeInference.infer(graph);
        if (report.hasErrors()) throw new ExportException(project.name(), report.errors());
        List<Node> outputs = graph.nodes().stream().filter(n -> kind(n).isOutput()).toList();
        if (outputs.isEmpty()) {
            throw new ExportException(project.name(), List.of(Diagnostic.error(DiagnosticCode.NO_OUTPUT, null, null,
                    "the network has no Output or SequenceOutput layer", "add an Output layer at the end of the network")));
        }
        return new NetworkPlan(project, report, buildOrder(graph, report, outputs), outputs);
    }

    /**
     * Checks the training section the exported code configures.
     *
     * @throws ExportException for an unknown optimizer or a learning rate that is not a positive number
     */
    NetworkPlan requireTraining() {
        TrainingSpec t = project.training();
        if (!TrainingSpec.OPTIMIZERS.contains(t.optimizer())) {
            throw new ExportException(project.name(), List.of(Diagnostic.error(DiagnosticCode.INVALID_PARAM, null,
                    "training.optimizer", "unknown optimizer \"" + t.optimizer() + "\"",
                    "use one of: " + String.join(", ", TrainingSpec.OPTIMIZERS))));
        }
        if (!(t.learningRate() > 0) || Double.isInfinite(t.learningRate())) {
            throw new ExportException(project.name(), List.of(Diagnostic.error(DiagnosticCode.INVALID_PARAM, null,
                    "training.learningRate", "the learning rate is " + t.learningRate(), "use a positive number such as 0.01")));
        }
        return this;
    }

    Project project() { return project; }

    Graph graph() { return project.graph(); }

    ShapeReport report() { return report; }

    /** The network's nodes, each after its inputs. */
    List<Node> order() { return order; }

    /** Input nodes that feed an output, in build order: the order of the network's input arrays. */
    List<Node> inputs() { return inputs; }

    /** Output and SequenceOutput nodes in graph order: the order of the network's output arrays. */
    List<Node> outputs() { return outputs; }

    /** The nodes wired into {@code node}, in port order. */
    List<Node> inputsOf(Node node) {
        return graph().inputsOf(node.id()).stream().map(e -> graph().node(e.from()).orElseThrow()).toList();
    }

    TensorShape shape(Node node) { return report.outputShape(node.id()); }

    LayerInfo info(Node node) { return report.info(node.id()).orElseThrow(); }

    /** Learned parameters of the network as the shape check counts them (nodes that feed no output left out). */
    long totalParams() {
        long sum = 0;
        for (Node n : order) sum += info(n).params();
        return sum;
    }

    /** The node's parameter with the catalog default filled in. */
    static Object param(Node node, String name) {
        return Catalog.effectiveParam(node.type(), node.params(), name);
    }

    static LayerKind kind(Node node) {
        return Catalog.layer(node.type()).orElseThrow(() -> new IllegalStateException("unknown layer type " + node.type()));
    }

    /**
     * The compiler's order: the shape check's topological order, keeping the nodes with a path
     * to an output (an Input that feeds nothing is left out, as the compiler leaves it out).
     */
    private static List<Node> buildOrder(Graph graph, ShapeReport report, List<Node> outputs) {
        Set<String> needed = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (Node n : outputs) todo.push(n.id());
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (needed.add(id)) for (Edge e : graph.inputsOf(id)) todo.push(e.from());
        }
        List<Node> order = new ArrayList<>();
        for (String id : report.order()) if (needed.contains(id)) order.add(graph.node(id).orElseThrow());
        return order;
    }
}
