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
 *
 * <p>{@code extras} holds fields of the node's JSON object that this version does not know
 * (written by a newer LayerLab or by hand). They travel with the node through moves, renames
 * and parameter edits so that re-saving a file loses nothing; they take part in equality
 * because they are part of what the file says about the node.
 */
public final class Node {
    private final String id;
    private final String type;
    private final double x;
    private final double y;
    private final Map<String, Object> params;
    private final Map<String, Object> extras;

    public Node(String id, String type, double x, double y, Map<String, ?> params) {
        this(id, type, x, y, params, Map.of());
    }

    public Node(String id, String type, double x, double y, Map<String, ?> params, Map<String, ?> extras) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.x = x;
        this.y = y;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
        this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras == null ? Map.of() : extras));
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

    /** Fields of this node's JSON object that LayerLab does not know; kept for re-saving. */
    public Map<String, Object> extras() { return extras; }

    public Node withPosition(double newX, double newY) {
        return new Node(id, type, newX, newY, params, extras);
    }

    public Node withId(String newId) {
        return new Node(newId, type, x, y, params, extras);
    }

    /** A copy with {@code name} set to {@code value}; a null value removes the parameter. */
    public Node withParam(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        if (value == null) copy.remove(name); else copy.put(name, value);
        return new Node(id, type, x, y, copy, extras);
    }

    @Override public boolean equals(Object o) {
        return o instanceof Node n && id.equals(n.id) && type.equals(n.type)
                && x == n.x && y == n.y && params.equals(n.params) && extras.equals(n.extras);
    }

    @Override public int hashCode() { return Objects.hash(id, type, x, y, params, extras); }

    @Override public String toString() { return type + "(" + id + ")" + params; }
}
