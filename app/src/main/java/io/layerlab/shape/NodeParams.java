package io.layerlab.shape;

import io.layerlab.catalog.ActivationKind;
import io.layerlab.catalog.Catalog;
import io.layerlab.catalog.LayerKind;
import io.layerlab.catalog.ParamSpec;
import io.layerlab.graph.Node;
import java.util.List;
import java.util.Set;

/**
 * A node's parameters checked against the catalog: each value coerced to its Java type, or the
 * default in its place after reporting what was wrong. An invalid value of a parameter that
 * decides the output shape marks the node's shape as unknown, because a default there would
 * describe a network the person did not draw.
 */
final class NodeParams {
    /** Parameters that never change a layer's output shape: a default stands in safely. */
    private static final Set<String> SHAPE_NEUTRAL = Set.of("activation", "function", "alpha",
            "rate", "frozen", "loss");

    /** The kind's parameters, and their values at the same positions (a layer has a handful). */
    private final List<ParamSpec> specs;
    private final Object[] values;
    private final boolean shapeKnown;

    private NodeParams(List<ParamSpec> specs, Object[] values, boolean shapeKnown) {
        this.specs = specs;
        this.values = values;
        this.shapeKnown = shapeKnown;
    }

    static NodeParams read(Node node, LayerKind kind, Diagnostics out) {
        List<ParamSpec> specs = kind.params();
        Object[] values = new Object[specs.size()];
        boolean shapeKnown = true;
        ActivationKind function = kind.type().equals("Activation") ? activationOf(node) : null;
        for (int i = 0; i < values.length; i++) {
            ParamSpec declared = specs.get(i);
            ParamSpec spec = function == null ? declared : specificSpec(function, declared);
            Object raw = node.param(spec.name());
            if (raw == null) {
                values[i] = spec.defaultValue();
                continue;
            }
            ParamSpec.Result result = spec.coerce(raw);
            if (result.isOk()) {
                values[i] = result.value();
                continue;
            }
            String owner = function != null && spec != declared ? " (for " + function.name() + ")" : "";
            out.error(DiagnosticCode.INVALID_PARAM, node.id(), spec.name(),
                    Words.layer(kind.type(), node.id()) + ": " + spec.name() + owner + " " + result.error(),
                    spec.name() + " " + spec.validDescription() + " (default " + spec.defaultValue() + ")");
            values[i] = spec.defaultValue();
            if (!SHAPE_NEUTRAL.contains(spec.name())) shapeKnown = false;
        }
        for (String name : node.params().keySet()) {
            if (indexOf(specs, name) < 0) {
                out.warning(DiagnosticCode.INVALID_PARAM, node.id(), name,
                        Words.layer(kind.type(), node.id()) + " has no parameter '" + name + "'; it is ignored",
                        kind.params().isEmpty() ? kind.type() + " takes no parameters"
                                : kind.type() + " takes: " + String.join(", ", kind.params().stream().map(ParamSpec::name).toList()));
            }
        }
        return new NodeParams(specs, values, shapeKnown);
    }

    private static int indexOf(List<ParamSpec> specs, String name) {
        for (int i = 0; i < specs.size(); i++) if (specs.get(i).name().equals(name)) return i;
        return -1;
    }

    private Object value(String name) {
        int i = indexOf(specs, name);
        if (i < 0) throw new IllegalArgumentException("no parameter '" + name + "'");
        return values[i];
    }

    /** True if this kind of layer has the parameter. */
    boolean has(String name) { return indexOf(specs, name) >= 0; }

    /** False when a shape-deciding parameter was invalid. */
    boolean shapeKnown() { return shapeKnown; }

    int integer(String name) { return (Integer) value(name); }

    boolean bool(String name) { return (Boolean) value(name); }

    String string(String name) { return (String) value(name); }

    @SuppressWarnings("unchecked")
    List<Integer> ints(String name) { return (List<Integer>) value(name); }

    /** An Activation node's function, when it names a known one. */
    private static ActivationKind activationOf(Node node) {
        Object fn = node.param("function");
        return Catalog.activation(fn == null ? "relu" : String.valueOf(fn)).orElse(null);
    }

    /** An Activation node's alpha or pieces is checked against the chosen function's own range. */
    private static ParamSpec specificSpec(ActivationKind function, ParamSpec declared) {
        for (ParamSpec p : function.params()) if (p.name().equals(declared.name())) return p;
        return declared;
    }
}
