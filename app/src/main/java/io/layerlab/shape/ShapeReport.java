package io.layerlab.shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of one shape-check pass over a graph: per-node {@link LayerInfo} (output shape,
 * parameters, multiply-adds) and every problem found. The checker reports and carries on, so a
 * report lists all problems at once.
 */
public final class ShapeReport {
    private final Map<String, LayerInfo> infos;
    private final List<String> order;
    private final List<Diagnostic> diagnostics;

    /**
     * @param infos       per node id, in topological order where there is one
     * @param order       node ids in topological order (nodes on a cycle are left out)
     * @param diagnostics every problem found
     */
    public ShapeReport(Map<String, LayerInfo> infos, List<String> order, List<Diagnostic> diagnostics) {
        this.infos = Collections.unmodifiableMap(new LinkedHashMap<>(infos));
        this.order = List.copyOf(order);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public Map<String, LayerInfo> infos() { return infos; }

    public Optional<LayerInfo> info(String nodeId) { return Optional.ofNullable(infos.get(nodeId)); }

    /** The node's output shape, or null when it could not be inferred. */
    public TensorShape outputShape(String nodeId) {
        LayerInfo i = infos.get(nodeId);
        return i == null ? null : i.output();
    }

    public List<String> order() { return order; }

    public List<Diagnostic> diagnostics() { return diagnostics; }

    public List<Diagnostic> errors() { return diagnostics.stream().filter(Diagnostic::isError).toList(); }

    public boolean hasErrors() { return diagnostics.stream().anyMatch(Diagnostic::isError); }

    public List<Diagnostic> diagnosticsFor(String nodeId) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) if (nodeId.equals(d.nodeId())) out.add(d);
        return out;
    }

    public long totalParams() {
        long s = 0;
        for (LayerInfo i : infos.values()) s += i.params();
        return s;
    }

    public long totalMultiplyAdds() {
        long s = 0;
        for (LayerInfo i : infos.values()) s += i.multiplyAdds();
        return s;
    }
}
