package io.layerlab.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between Jackson trees and the plain Java values the model holds: whole numbers as
 * {@link Integer} (or {@link Long} / {@link BigInteger} when they do not fit), fractions as
 * {@link Double}, {@link Boolean}, {@link String}, {@code null}, lists as unmodifiable
 * {@link List}s and objects as unmodifiable insertion-ordered {@link Map}s.
 */
final class JsonValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() { }

    /** The Java value of {@code node}; non-finite numbers are refused with their path. */
    static Object toJava(JsonNode node, JsonPath path) {
        switch (node.getNodeType()) {
            case NULL, MISSING: return null;
            case BOOLEAN: return node.booleanValue();
            case STRING: return node.textValue();
            case NUMBER: return number(node, path);
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                for (int i = 0; i < node.size(); i++) list.add(toJava(node.get(i), path.index(i)));
                return Collections.unmodifiableList(list);
            }
            case OBJECT: return toJavaMap((ObjectNode) node, path, List.of());
            default: throw new JsonProblem(path, "holds a value JSON does not allow here (" + node.getNodeType() + ")");
        }
    }

    /** The fields of {@code object} except {@code known}, as Java values in file order. */
    static Map<String, Object> toJavaMap(ObjectNode object, JsonPath path, List<String> known) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known.contains(e.getKey())) map.put(e.getKey(), toJava(e.getValue(), path.field(e.getKey())));
        }
        return Collections.unmodifiableMap(map);
    }

    private static Object number(JsonNode node, JsonPath path) {
        if (node.isInt() || node.isShort()) return node.intValue();
        if (node.isLong()) return node.longValue();
        if (node.isBigInteger()) return node.bigIntegerValue();
        double d = node.doubleValue();
        if (!Double.isFinite(d)) throw new JsonProblem(path, "is " + node.asText() + ", a number too large to represent");
        return d;
    }

    /**
     * The JSON form of a model value. Throws {@link IllegalArgumentException} (naming
     * {@code where}) for values a project file cannot hold, before anything is written.
     */
    static JsonNode toJson(Object value, String where) {
        if (value == null) return NODES.nullNode();
        if (value instanceof String s) return NODES.textNode(s);
        if (value instanceof Boolean b) return NODES.booleanNode(b);
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) return NODES.numberNode(((Number) value).intValue());
        if (value instanceof Long l) {
            return l == l.intValue() ? NODES.numberNode(l.intValue()) : NODES.numberNode(l);
        }
        if (value instanceof BigInteger b) return NODES.numberNode(b);
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) throw new IllegalArgumentException(where + " is " + d + ", which a project file cannot hold");
            return NODES.numberNode(d);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            for (int i = 0; i < list.size(); i++) array.add(toJson(list.get(i), where + "[" + i + "]"));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            putAll(object, map, where);
            return object;
        }
        throw new IllegalArgumentException(where + " holds a " + value.getClass().getSimpleName()
                + ", which a project file cannot hold (numbers, text, true/false, lists and objects only)");
    }

    /** Adds each entry of {@code map} to {@code object}, keeping fields already present. */
    static void putAll(ObjectNode object, Map<?, ?> map, String where) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!object.has(key)) object.set(key, toJson(e.getValue(), where + "." + key));
        }
    }
}
