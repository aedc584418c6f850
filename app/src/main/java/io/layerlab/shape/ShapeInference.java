package io.layerlab.shape;

import io.layerlab.catalog.Arity;
import io.layerlab.catalog.Catalog;
import io.layerlab.catalog.LayerKind;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.shape.LayerRule.Inferred;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape check: one pass over a graph giving every node's output shape, learned parameters
 * and multiply-adds per example, and every problem found (it reports and carries on). Pure and
 * cheap enough to run after every edit.
 *
 * <p>A node whose shape cannot be known (unknown type, invalid shape parameter, a wrong input)
 * gets a null output; nodes downstream of it are then left unchecked rather than reported again.
 * An invalid parameter that does not decide the shape (activation, rate, loss) is reported and
 * its default used.
 *
 * <p>Parameters are counted as DL4J counts them (see the rule classes). A layer whose
 * {@code activation} is prelu also learns one alpha per output value. Multiply-adds per example
 * count weight products: Dense n_in*units, Conv2D out_h*out_w*filters*kh*kw*c_in, recurrent
 * layers their per-step products times the steps; BatchNormalization and prelu one per value;
 * pooling, activations, dropout, merges and Flatten none.
 *
 * <p>A network whose weights with Adam's state and one example's activations would need more than
 * {@link #MEMORY_LIMIT_BYTES} is refused (TOO_LARGE) with its estimate, before anything is built.
 */
public final class ShapeInference {
    /** 4 GB: more than a desktop JVM can give one model, and far beyond any teaching network. */
    public static final long MEMORY_LIMIT_BYTES = 4_000_000_000L;

    private static final Map<String, LayerRule> RULES = rules();

    private final GraphIndex index;
    private final Topology topology;
    private final Diagnostics diagnostics = new Diagnostics();
    private final LayerKind[] kinds;
    private final LayerInfo[] infos;

    private ShapeInference(Graph graph) {
        index = new GraphIndex(graph);
        topology = new Topology(index);
        kinds = new LayerKind[index.size()];
        infos = new LayerInfo[index.size()];
    }

    /** Checks {@code graph} and returns what was inferred and found; never throws on a bad graph. */
    public static ShapeReport infer(Graph graph) {
        return new ShapeInference(graph).run();
    }

    /** True if the shape check knows how to infer {@code type}. */
    static boolean hasRule(String type) { return RULES.containsKey(type); }

    private ShapeReport run() {
        reportBrokenWires();
        reportCycles();
        for (int i : topology.order) analyse(i);
        for (Topology.Cycle c : topology.cycles) for (int i : c.members()) analyse(i);
        GraphChecks.check(index, kinds, topology.onCycle, diagnostics);
        SizeGuard.check(index, infos, diagnostics);

        Map<String, LayerInfo> byId = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(topology.order.length);
        for (int i : topology.order) {
            byId.put(infos[i].nodeId(), infos[i]);
            order.add(infos[i].nodeId());
        }
        for (int i = 0; i < infos.length; i++) if (topology.onCycle[i]) byId.put(infos[i].nodeId(), infos[i]);
        return new ShapeReport(byId, order, diagnostics.all());
    }

    private void analyse(int i) {
        Node node = index.nodes[i];
        LayerKind kind = Catalog.layer(node.type()).orElse(null);
        kinds[i] = kind;
        if (kind == null || !RULES.containsKey(kind.type())) {
            diagnostics.error(DiagnosticCode.UNKNOWN_TYPE, node.id(), null,
                    "'" + node.id() + "' has the unknown layer type '" + node.type() + "'",
                    "use one of: " + String.join(", ", Catalog.layerTypes()));
            infos[i] = new LayerInfo(node.id(), node.type(), null, 0, 0);
            return;
        }
        NodeParams params = NodeParams.read(node, kind, diagnostics);
        List<Node> sources = new ArrayList<>(index.inputs[i].length);
        List<TensorShape> shapes = inputShapes(i, kind, sources);
        Inferred result = null;
        if (shapes != null && params.shapeKnown()) {
            NodeContext context = new NodeContext(node, params, shapes, sources, diagnostics);
            result = RULES.get(kind.type()).apply(context);
            if (result != null && usesMaxout(params)) result = MaxoutRule.fitsLayer(context)
                    ? MaxoutRule.layer(result, params.integer("pieces")) : null;
        }
        if (result != null) result = withLearnedActivation(result, kind, params);
        infos[i] = result == null
                ? new LayerInfo(node.id(), node.type(), null, 0, 0)
                : new LayerInfo(node.id(), node.type(), result.output(), result.params(), result.multiplyAdds());
    }

    /**
     * Checks the number of wires in and collects the shapes they carry, in port order. Null when
     * the rule cannot run: a wrong number of wires (reported) or an input whose shape is unknown
     * (already reported upstream).
     */
    private List<TensorShape> inputShapes(int i, LayerKind kind, List<Node> sources) {
        Node node = index.nodes[i];
        int[] in = index.inputs[i];
        if (!arityOk(node, kind, in)) return null;
        if (kind.arity() == Arity.NONE) return List.of();
        List<TensorShape> shapes = new ArrayList<>(in.length);
        for (int src : in) {
            if (topology.onCycle[src] || infos[src] == null || infos[src].output() == null) return null;
            shapes.add(infos[src].output());
            sources.add(index.nodes[src]);
        }
        return shapes;
    }

    /** Reports a wrong number of wires in; false when the layer cannot be inferred with them. */
    private boolean arityOk(Node node, LayerKind kind, int[] in) {
        Arity arity = kind.arity();
        boolean expected = arity == Arity.NONE ? in.length == 0 : arity == Arity.ONE ? in.length == 1 : in.length >= 2;
        if (expected) return true;
        String label = Words.layer(node.type(), node.id());
        if (kind.arity() == Arity.NONE) {
            diagnostics.error(DiagnosticCode.BAD_WIRE, node.id(), null,
                    label + " has a wire in from " + names(in) + ", but an Input takes no wires in",
                    "remove the wire; data enters the network at an Input");
        } else if (kind.arity() == Arity.ONE && in.length == 0) {
            diagnostics.error(DiagnosticCode.MISSING_INPUT, node.id(), null, label + " has no input wire",
                    "wire the output of an Input or another layer into it");
            return false;
        } else if (kind.arity() == Arity.ONE && in.length > 1) {
            diagnostics.error(DiagnosticCode.TOO_MANY_INPUTS, node.id(), null,
                    label + " has " + in.length + " wires in (from " + names(in) + "), but it takes one",
                    "join them first with Add (same shapes) or Concatenate, or remove all but one");
            return false;
        } else if (kind.arity() == Arity.MANY && in.length == 0) {
            diagnostics.error(DiagnosticCode.MISSING_INPUT, node.id(), null,
                    label + " has no input wires; it joins two or more", "wire two or more layers into it");
            return false;
        } else {
            diagnostics.error(DiagnosticCode.MISSING_INPUT, node.id(), null,
                    label + " has only one input (from " + names(in) + "); it joins two or more",
                    "wire a second layer into it, or remove it");
        }
        return true;
    }

    /** A layer (not an Activation node) whose activation is maxout. */
    private static boolean usesMaxout(NodeParams params) {
        return params.has("activation") && params.string("activation").equals(MaxoutRule.MAXOUT);
    }

    /** prelu learns one alpha per output value: as a layer's activation or as an Activation node. */
    private static Inferred withLearnedActivation(Inferred r, LayerKind kind, NodeParams params) {
        long values = r.output().size();
        if (kind.type().equals("Activation")) {
            return params.string("function").equals("prelu") ? new Inferred(r.output(), values, values) : r;
        }
        if (params.has("activation") && params.string("activation").equals("prelu")) {
            return new Inferred(r.output(), Sizes.add(r.params(), values), Sizes.add(r.multiplyAdds(), values));
        }
        return r;
    }

    private void reportBrokenWires() {
        for (Edge e : index.brokenWires) {
            boolean fromKnown = index.indexOf(e.from()) >= 0;
            String missing = fromKnown ? e.to() : e.from();
            String at = fromKnown ? e.from() : index.indexOf(e.to()) >= 0 ? e.to() : null;
            diagnostics.error(DiagnosticCode.BAD_WIRE, at, null,
                    "the wire " + e.from() + " → " + e.to() + " names '" + missing + "', which is not in the graph",
                    "remove the wire or add a layer with the id '" + missing + "'");
        }
    }

    private void reportCycles() {
        for (Topology.Cycle c : topology.cycles) {
            StringBuilder loop = new StringBuilder();
            for (int i : c.loop()) loop.append('\'').append(index.nodes[i].id()).append("' → ");
            loop.append('\'').append(index.nodes[c.loop()[0]].id()).append('\'');
            String more = "";
            if (c.members().length > c.loop().length) more = "; caught in loops with them: " + names(c.members());
            int first = c.loop()[0];
            int last = c.loop()[c.loop().length - 1];
            diagnostics.error(DiagnosticCode.CYCLE, index.nodes[first].id(), null,
                    "layers form a loop, " + loop + more + ", so data would flow in a circle",
                    "remove a wire on the loop, for example " + index.nodes[last].id() + " → " + index.nodes[first].id());
        }
    }

    /** "'a', 'b'". */
    private String names(int[] nodes) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < nodes.length; k++) {
            if (k > 0) sb.append(", ");
            sb.append('\'').append(index.nodes[nodes[k]].id()).append('\'');
        }
        return sb.toString();
    }

    private static Map<String, LayerRule> rules() {
        Map<String, LayerRule> rules = new HashMap<>();
        CoreRules.register(rules);
        ConvolutionRules.register(rules);
        RecurrentRules.register(rules);
        MergeRules.register(rules);
        return Collections.unmodifiableMap(rules);
    }
}
