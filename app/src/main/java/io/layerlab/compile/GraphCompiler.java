package io.layerlab.compile;

import io.layerlab.catalog.ActivationKind;
import io.layerlab.catalog.Arity;
import io.layerlab.catalog.Catalog;
import io.layerlab.catalog.LayerKind;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.DiagnosticCode;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles a graph into a DL4J {@link ComputationGraphConfiguration}.
 *
 * <p>Stages, stopping between them on errors: the shape check (which reports every problem at
 * once), the translation of each node into DL4J vertices, and DL4J's own {@code build()} as the
 * last check. Whatever goes wrong surfaces as a {@link CompileException} with diagnostics naming
 * the node, never as a DL4J exception.
 *
 * <p>Only nodes that feed an output are built; Input nodes always are, so the network's inputs
 * match the graph's.
 */
public final class GraphCompiler {
    private static final int MAX_BACKEND_MESSAGE = 400;

    private GraphCompiler() { }

    public static CompiledModel compile(Graph graph, TrainingSpec training) {
        return compile(graph, null, training);
    }

    static CompiledModel compile(Graph graph, ShapeReport report, TrainingSpec training) {
        IUpdater updater = updater(training);
        List<String> outputs = outputNodes(graph);
        List<String> order = buildOrder(graph, outputs);

        var builder = new NeuralNetConfiguration.Builder()
                .seed(training.seed())
                .updater(updater)
                .weightInit(WeightInit.XAVIER)
                // DL4J's default is sigmoid; layers without an activation parameter (Dropout, pooling, batch norm) are linear.
                .activation(Activation.IDENTITY)
                .graphBuilder()
                .allowDisconnected(true);
        List<String> ids = graph.nodes().stream().map(Node::id).toList();
        NetworkAssembly net = new NetworkAssembly(builder, ids);
        NodeTranslator translator = new NodeTranslator(net);
        Map<String, String> outputVertices = new LinkedHashMap<>();
        for (String id : order) {
            Node node = graph.node(id).orElseThrow();
            checkSupported(node);
            List<String> inputs = inputVertices(graph, node, outputVertices);
            net.startNode(id);
            try {
                outputVertices.put(id, translator.translate(node, inputs));
            } catch (CompileException e) {
                throw e;
            } catch (RuntimeException e) {
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
        List<String> inputs = net.inputs();
        return new CompiledModel(configuration, inputs, outputs, outputVertices, net.nodeVertices(), report);
    }

    private static IUpdater updater(TrainingSpec training) {
        try {
            return Updaters.of(training);
        } catch (IllegalArgumentException e) {
            String param = e.getMessage().startsWith("learning rate") ? "training.learningRate" : "training.optimizer";
            throw new CompileException(Diagnostic.error(DiagnosticCode.INVALID_PARAM, null, param, e.getMessage(), null));
        }
    }

    private static List<String> outputNodes(Graph graph) {
        List<String> outputs = graph.nodes().stream()
                .filter(n -> Catalog.layer(n.type()).map(LayerKind::isOutput).orElse(false))
                .map(Node::id).toList();
        if (outputs.isEmpty()) {
            throw new CompileException(Diagnostic.error(DiagnosticCode.NO_OUTPUT, null, null,
                    "the network has no Output or SequenceOutput layer", "add an Output layer at the end of the network"));
        }
        return outputs;
    }

    /** Inputs and every node that feeds an output, in an order where each node follows its inputs. */
    private static List<String> buildOrder(Graph graph, List<String> outputs) {
        Set<String> needed = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(outputs);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!needed.add(id)) continue;
            for (Edge e : graph.inputsOf(id)) {
                if (!graph.contains(e.from())) {
                    throw new CompileException(Diagnostic.error(DiagnosticCode.BAD_WIRE, id, null,
                            "a wire into '" + id + "' comes from '" + e.from() + "', which is not in the graph", "remove the wire"));
                }
                todo.push(e.from());
            }
        }
        for (Node n : graph.nodes()) if (Catalog.layer(n.type()).map(LayerKind::isInput).orElse(false)) needed.add(n.id());

        Map<String, Integer> pending = new HashMap<>();
        for (String id : needed) pending.put(id, graph.inputsOf(id).size());
        List<String> order = new ArrayList<>();
        Deque<String> ready = new ArrayDeque<>();
        for (Node n : graph.nodes()) if (needed.contains(n.id()) && pending.get(n.id()) == 0) ready.add(n.id());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (Edge e : graph.outputsOf(id)) {
                if (!needed.contains(e.to())) continue;
                if (pending.merge(e.to(), -1, Integer::sum) == 0) ready.add(e.to());
            }
        }
        if (order.size() < needed.size()) {
            String onCycle = needed.stream().filter(id -> !order.contains(id)).findFirst().orElseThrow();
            throw new CompileException(Diagnostic.error(DiagnosticCode.CYCLE, onCycle, null,
                    "'" + onCycle + "' is on a cycle: its output flows back into its own input", "remove one wire of the loop"));
        }
        return order;
    }

    private static void checkSupported(Node node) {
        Optional<LayerKind> kind = Catalog.layer(node.type());
        if (kind.isEmpty()) {
            throw new CompileException(Diagnostic.error(DiagnosticCode.UNKNOWN_TYPE, node.id(), null,
                    "unknown layer type \"" + node.type() + "\"", "use one of: " + String.join(", ", Catalog.layerTypes())));
        }
        if (!kind.get().compilable()) {
            throw new CompileException(Diagnostic.error(DiagnosticCode.NOT_COMPILABLE, node.id(), null,
                    node.type() + " '" + node.id() + "' cannot be compiled to DL4J yet", "replace it with a compilable layer"));
        }
        String param = node.type().equals("Activation") ? "function" : "activation";
        if (kind.get().param(param).isPresent()) {
            Object fn = Catalog.effectiveParam(node.type(), node.params(), param);
            boolean compilable = Catalog.activation(String.valueOf(fn)).map(ActivationKind::compilable).orElse(true);
            if (!compilable) {
                throw new CompileException(Diagnostic.error(DiagnosticCode.NOT_COMPILABLE, node.id(), param,
                        "the " + fn + " activation of '" + node.id() + "' cannot be compiled to DL4J yet",
                        "use one of: " + String.join(", ", Activations.compilableNames())));
            }
        }
    }

    private static List<String> inputVertices(Graph graph, Node node, Map<String, String> outputVertices) {
        LayerKind kind = Catalog.layer(node.type()).orElseThrow();
        List<Edge> in = graph.inputsOf(node.id());
        if (kind.arity() == Arity.NONE) return List.of();
        if (in.isEmpty()) {
            throw new CompileException(Diagnostic.error(DiagnosticCode.MISSING_INPUT, node.id(), null,
                    node.type() + " '" + node.id() + "' has no input", "wire a layer into it"));
        }
        if (kind.arity() == Arity.ONE && in.size() > 1) {
            throw new CompileException(Diagnostic.error(DiagnosticCode.TOO_MANY_INPUTS, node.id(), null,
                    node.type() + " '" + node.id() + "' takes one input but has " + in.size(), "merge them with Add or Concatenate first"));
        }
        return in.stream().map(e -> outputVertices.get(e.from())).toList();
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
                || message.matches("(?s).*name[:=]\\s*" + java.util.regex.Pattern.quote(vertex) + "\\b.*");
    }

    private static String backendMessage(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().replaceAll("\\s+", " ").trim();
        return m.length() <= MAX_BACKEND_MESSAGE ? m : m.substring(0, MAX_BACKEND_MESSAGE) + "…";
    }
}
