package io.layerlab.shape;

import io.layerlab.catalog.Arity;
import io.layerlab.catalog.Catalog;
import io.layerlab.catalog.LayerKind;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a wire may be drawn from one node's output into an input port of another node, and if
 * not, why. Only structurally impossible wires are refused: self-loops, loops, wires into an
 * Input, wires out of an Output, a second wire from the same source into the same node, ports a
 * layer does not have. A wire whose tensor shapes do not fit (an image into a Dense) is allowed:
 * the shape check then marks the node with its problem and what would be valid.
 *
 * <p>A wire dropped on a single-input port that is already wired replaces the old wire, as node
 * editors do (Blender): the verdict is allowed and names the wire it {@linkplain Verdict#replaces
 * replaces}.
 *
 * <p>Made once per source ({@link #from}) so a canvas can check every port of a large graph
 * while a wire is being dragged: the nodes upstream of the source are found once.
 */
public final class WireCheck {
    /**
     * The answer for one proposed wire.
     *
     * @param allowed  whether the wire may be made
     * @param message  why not, in plain words with what would be valid; or, when allowed, what
     *                 the wire does ("Connect conv1 to pool1", "Replaces the wire from ...")
     * @param replaces the wire already in that port, which the new one replaces; null if none
     */
    public record Verdict(boolean allowed, String message, Edge replaces) {
        static Verdict allow(String message) { return new Verdict(true, message, null); }

        static Verdict refuse(String message) { return new Verdict(false, message, null); }

        public Optional<Edge> replaced() { return Optional.ofNullable(replaces); }
    }

    private final Graph graph;
    private final String from;
    /** Nodes from which {@code from} can be reached (including itself): a wire into one closes a loop. */
    private final Set<String> upstream;

    private WireCheck(Graph graph, String from) {
        this.graph = graph;
        this.from = from;
        this.upstream = graph.contains(from) ? upstreamOf(graph, from) : Set.of();
    }

    /** A check for wires leaving {@code fromId}; valid until the graph changes. */
    public static WireCheck from(Graph graph, String fromId) {
        return new WireCheck(graph, fromId);
    }

    /** Checks one wire. */
    public static Verdict check(Graph graph, Edge wire) {
        return from(graph, wire.from()).to(wire.to(), wire.toPort());
    }

    /** Whether a wire from this check's source may go into port {@code toPort} of {@code toId}. */
    public Verdict to(String toId, int toPort) {
        Optional<Node> source = graph.node(from);
        Optional<Node> target = graph.node(toId);
        if (source.isEmpty()) return Verdict.refuse("There is no node '" + from + "' to wire from.");
        if (target.isEmpty()) return Verdict.refuse("There is no node '" + toId + "' to wire into.");
        String sourceName = describe(source.get());
        String targetName = describe(target.get());
        Optional<LayerKind> sourceKind = Catalog.layer(source.get().type());
        if (sourceKind.isPresent() && sourceKind.get().isOutput()) {
            return Verdict.refuse(sourceName + " ends the network: its result is the prediction and the loss, "
                    + "so nothing can be wired after it. Wire from the layer before it instead.");
        }
        if (from.equals(toId)) {
            return Verdict.refuse("A wire cannot run from " + sourceName + " back into itself.");
        }
        Arity arity = arityOf(target.get());
        if (arity == Arity.NONE) {
            return Verdict.refuse(targetName + " takes no wires: it is where data enters the network. "
                    + "Wire into a layer instead.");
        }
        if (toPort < 0 || (arity == Arity.ONE && toPort != 0)) {
            return Verdict.refuse(targetName + " has one input (port 0), not port " + toPort + ".");
        }
        List<Edge> inputs = graph.inputsOf(toId);
        for (Edge e : inputs) {
            if (e.from().equals(from)) {
                return Verdict.refuse(sourceName + " already feeds " + targetName
                        + "; a second wire between them would carry the same values twice.");
            }
        }
        if (upstream.contains(toId)) {
            return Verdict.refuse("That wire would close a loop (" + String.join(" → ", loopThrough(toId))
                    + "): data must flow one way, from the inputs to the outputs.");
        }
        for (Edge e : inputs) {
            if (e.toPort() == toPort) {
                return new Verdict(true, "Replaces the wire from " + e.from() + " into " + toId + ".", e);
            }
        }
        return Verdict.allow("Connect " + from + " to " + toId + ".");
    }

    /**
     * The port a wire dropped on the node itself should use: 0 for single-input layers, the next
     * free port of a merge, -1 for an Input (which takes no wires).
     */
    public static int freePort(Graph graph, String nodeId) {
        Optional<Node> node = graph.node(nodeId);
        if (node.isEmpty()) return -1;
        Arity arity = arityOf(node.get());
        if (arity == Arity.NONE) return -1;
        if (arity == Arity.ONE) return 0;
        int next = 0;
        for (Edge e : graph.inputsOf(nodeId)) next = Math.max(next, e.toPort() + 1);
        return next;
    }

    /** Single input, several, or none; unknown types are treated as single-input layers. */
    public static Arity arityOf(Node node) {
        return Catalog.layer(node.type()).map(LayerKind::arity).orElse(Arity.ONE);
    }

    /** Whether the node has an output port (everything but the network's outputs). */
    public static boolean hasOutput(Node node) {
        return Catalog.layer(node.type()).map(k -> !k.isOutput()).orElse(true);
    }

    private static String describe(Node n) { return n.type() + " '" + n.id() + "'"; }

    private static Set<String> upstreamOf(Graph graph, String start) {
        Map<String, List<String>> sourcesOf = new HashMap<>();
        for (Edge e : graph.edges()) sourcesOf.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(start);
        seen.add(start);
        while (!todo.isEmpty()) {
            for (String s : sourcesOf.getOrDefault(todo.poll(), List.of())) {
                if (seen.add(s)) todo.add(s);
            }
        }
        return seen;
    }

    /** The loop the new wire would close: from the target down to the source, then back. */
    private List<String> loopThrough(String toId) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(toId);
        cameFrom.put(toId, null);
        while (!todo.isEmpty()) {
            String at = todo.poll();
            if (at.equals(from)) break;
            for (Edge e : graph.outputsOf(at)) {
                if (!cameFrom.containsKey(e.to())) {
                    cameFrom.put(e.to(), at);
                    todo.add(e.to());
                }
            }
        }
        List<String> path = new ArrayList<>();
        for (String at = from; at != null; at = cameFrom.get(at)) path.add(at);
        Collections.reverse(path);
        path.add(toId);
        return path;
    }
}
