package io.layerlab.compile;

import io.layerlab.catalog.Catalog;
import io.layerlab.catalog.LayerKind;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.DiagnosticCode;
import io.layerlab.shape.ShapeInference;
import io.layerlab.shape.ShapeReport;
import io.layerlab.train.TrainingSpec;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles a graph into a DL4J {@link ComputationGraphConfiguration}.
 *
 * <p>Stages, stopping between them on errors: the shape check ({@link ShapeInference}, which
 * reports every problem at once, together with bad training settings), the translation of each
 * node into DL4J vertices, and DL4J's own {@code build()} as the last check. Whatever goes wrong
 * surfaces as a {@link CompileException} with diagnostics naming the node, never as a DL4J
 * exception.
 *
 * <p>Only nodes that lead to an output are built (the shape check warns about the others), so
 * an Input that feeds nothing is not among the network's inputs either.
 */
public final class GraphCompiler {
    private static final int MAX_BACKEND_MESSAGE = 400;

    private GraphCompiler() { }

    /** @throws CompileException listing every problem the shape check found, or the first one DL4J found */
    public static CompiledModel compile(Graph graph, TrainingSpec training) {
        ShapeReport report = ShapeInference.infer(graph);
        List<Diagnostic> errors = new ArrayList<>(report.errors());
        IUpdater updater = null;
        try {
            updater = Updaters.of(training);
        } catch (IllegalArgumentException e) {
            String param = e.getMessage().startsWith("learning rate") ? "training.learningRate" : "training.optimizer";
            errors.add(Diagnostic.error(DiagnosticCode.INVALID_PARAM, null, param, e.getMessage(), null));
        }
        if (!errors.isEmpty()) throw new CompileException(errors);
        return translate(graph, report, training.seed(), updater);
    }

    private static CompiledModel translate(Graph graph, ShapeReport report, long seed, IUpdater updater) {
        List<String> outputs = graph.nodes().stream()
                .filter(n -> Catalog.layer(n.type()).map(LayerKind::isOutput).orElse(false))
                .map(Node::id).toList();
        Set<String> needed = feeding(graph, outputs);

        var builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(updater)
                .weightInit(WeightInit.XAVIER)
                // DL4J's default is sigmoid; layers without an activation parameter (Dropout, pooling, batch norm) are linear.
                .activation(Activation.IDENTITY)
                .graphBuilder();
        NetworkAssembly net = new NetworkAssembly(builder, graph.nodes().stream().map(Node::id).toList());
        NodeTranslator translator = new NodeTranslator(net);
        Map<String, String> outputVertices = new LinkedHashMap<>();
        for (String id : report.order()) {
            if (!needed.contains(id)) continue;
            Node node = graph.node(id).orElseThrow();
            net.startNode(id);
            try {
                List<String> inputs = graph.inputsOf(id).stream().map(e -> vertexOf(outputVertices, e.from())).toList();
                outputVertices.put(id, translator.translate(node, inputs));
            } catch (CompileException e) {
                throw e;
            } catch (RuntimeException e) {
                // The shape check passed, so this is DL4J (or the compiler) disagreeing: say so, naming the node.
                throw new CompileException(List.of(Diagnostic.error(DiagnosticCode.NOT_COMPILABLE, id, null,
                        "DL4J cannot build " + node.type() + " '" + id + "': " + backendMessage(e), null)), e);
            }
        }

        ComputationGraphConfiguration configuration;
        try {
            configuration = net.build(outputs);
        } catch (RuntimeException e) {
            throw new CompileException(List.of(buildFailure(e, net, graph)), e);
        }
        return new CompiledModel(configuration, net.inputs(), outputs, outputVertices, net.nodeVertices(), report);
    }

    /** The outputs and every node with a path to one. */
    private static Set<String> feeding(Graph graph, List<String> outputs) {
        Set<String> needed = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(outputs);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (needed.add(id)) for (Edge e : graph.inputsOf(id)) todo.push(e.from());
        }
        return needed;
    }

    private static String vertexOf(Map<String, String> outputVertices, String nodeId) {
        String v = outputVertices.get(nodeId);
        if (v == null) throw new IllegalStateException("its input '" + nodeId + "' was not built before it");
        return v;
    }

    /** Names the node DL4J's message points at (DL4J quotes layer names), else the graph as a whole. */
    private static Diagnostic buildFailure(RuntimeException e, NetworkAssembly net, Graph graph) {
        String message = backendMessage(e);
        String nodeId = net.vertexNames().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .filter(v -> mentions(message, v))
                .map(net::nodeOf)
                .findFirst().orElse(null);
        String subject = nodeId == null ? "the network"
                : graph.node(nodeId).map(n -> n.type() + " '" + n.id() + "'").orElse("'" + nodeId + "'");
        return Diagnostic.error(DiagnosticCode.NOT_COMPILABLE, nodeId, null, "DL4J rejects " + subject + ": " + message, null);
    }

    private static boolean mentions(String message, String vertex) {
        return message.contains("\"" + vertex + "\"") || message.contains("'" + vertex + "'")
                || Pattern.compile("name[:=]\\s*" + Pattern.quote(vertex) + "\\b").matcher(message).find();
    }

    private static String backendMessage(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().replaceAll("\\s+", " ").trim();
        return m.length() <= MAX_BACKEND_MESSAGE ? m : m.substring(0, MAX_BACKEND_MESSAGE) + "…";
    }
}
