package io.layerlab.project;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * A place in a JSON document, shown to people as {@code graph.nodes[3].params.units} and
 * converted to a {@link JsonPointer} to find its line and column in the source text.
 */
final class JsonPath {
    static final JsonPath ROOT = new JsonPath(null, null, -1);

    private final JsonPath parent;
    private final String field;
    private final int index;

    private JsonPath(JsonPath parent, String field, int index) {
        this.parent = parent;
        this.field = field;
        this.index = index;
    }

    JsonPath field(String name) { return new JsonPath(this, name, -1); }

    JsonPath index(int i) { return new JsonPath(this, null, i); }

    boolean isRoot() { return parent == null; }

    JsonPath parent() { return parent; }

    JsonPointer toPointer() {
        if (isRoot()) return JsonPointer.empty();
        JsonPointer up = parent.toPointer();
        return field != null ? up.appendProperty(field) : up.appendIndex(index);
    }

    @Override public String toString() {
        if (isRoot()) return "";
        String up = parent.toString();
        if (field == null) return up + "[" + index + "]";
        if (!field.matches("[A-Za-z_][A-Za-z0-9_]*")) return up + "[\"" + field.replace("\"", "\\\"") + "\"]";
        return up.isEmpty() ? field : up + "." + field;
    }
}
