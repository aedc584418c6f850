package io.layerlab.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One layer on the canvas: an id unique in its graph, a catalog type name (Keras-style, e.g.
 * {@code "Dense"}), a position and its parameters. Immutable: edits replace nodes.
 *
 * <p>Parameter values are JSON-like: {@link Integer}, {@link Double}, {@link Boolean},
 * {@link String}, or {@code List<Integer>} for shapes, kernels and strides.
 */
public final class Node {
    private final String id;
    private final String type;
    private final double x;
    private final double y;
    private final Map<String, Object> params;

    public Node(String id, String type, double x, double y, Map<String, ?> params) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.x = x;
        this.y = y;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
    }

    public static Node of(String id, String type, Map<String, ?> params) {
        return new Node(id, type, 0, 0, params);
    }

    public String id() { return id; }
    public String type() { return type; }
    public double x() { return x; }
    public double y() { return y; }
    /** Parameters as set on this node; absent ones take the catalog default. */
    public Map<String, Object> params() { return params; }

    public Object param(String name) { return params.get(name); }

    public Node withPosition(double newX, double newY) {
        return new Node(id, type, newX, newY, params);
    }

    public Node withId(String newId) {
        return new Node(newId, type, x, y, params);
    }

    /** A copy with {@code name} set to {@code value}; a null value removes the parameter. */
    public Node withParam(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        if (value == null) copy.remove(name); else copy.put(name, value);
        return new Node(id, type, x, y, copy);
    }

    @Override public boolean equals(Object o) {
        return o instanceof Node n && id.equals(n.id) && type.equals(n.type)
                && x == n.x && y == n.y && params.equals(n.params);
    }

    @Override public int hashCode() { return Objects.hash(id, type, x, y, params); }

    @Override public String toString() { return type + "(" + id + ")" + params; }
}
