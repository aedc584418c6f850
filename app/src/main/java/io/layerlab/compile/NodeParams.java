package io.layerlab.compile;

import io.layerlab.catalog.Catalog;
import io.layerlab.catalog.ParamSpec;
import io.layerlab.graph.Node;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.DiagnosticCode;

import java.util.List;
import java.util.Optional;

/**
 * A node's parameters as the compiler reads them: the node's value or the catalog default,
 * coerced to its Java type. A value the catalog rejects raises a {@link CompileException}
 * naming the node and parameter (the shape check reports these first; this is the safety net).
 */
final class NodeParams {
    private final Node node;

    NodeParams(Node node) { this.node = node; }

    int integer(String name) { return (Integer) value(name); }

    double decimal(String name) { return ((Number) value(name)).doubleValue(); }

    boolean bool(String name) { return (Boolean) value(name); }

    String string(String name) { return (String) value(name); }

    @SuppressWarnings("unchecked")
    int[] ints(String name) {
        return ((List<Integer>) value(name)).stream().mapToInt(Integer::intValue).toArray();
    }

    /** True if this kind of layer has the parameter at all (e.g. "frozen" on weighted layers). */
    boolean has(String name) {
        return Catalog.layer(node.type()).flatMap(k -> k.param(name)).isPresent();
    }

    private Object value(String name) {
        Object raw = Catalog.effectiveParam(node.type(), node.params(), name);
        ParamSpec.Result r = spec(name).coerce(raw);
        if (!r.isOk()) {
            throw new CompileException(Diagnostic.error(DiagnosticCode.INVALID_PARAM, node.id(), name,
                    node.type() + " '" + node.id() + "': " + name + " " + r.error(), null));
        }
        return r.value();
    }

    private ParamSpec spec(String name) {
        Optional<ParamSpec> own = Catalog.layer(node.type()).flatMap(k -> k.param(name));
        return own.orElseThrow(() -> new IllegalStateException(node.type() + " has no parameter '" + name + "' in the catalog"));
    }
}
