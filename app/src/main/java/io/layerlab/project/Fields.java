package io.layerlab.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to the fields of one JSON object of a project file. Each getter either returns
 * the field's value (or the default when it is absent) or throws a {@link JsonProblem} naming
 * the field's path, what it holds and what would be valid.
 */
final class Fields {
    private final ObjectNode object;
    private final JsonPath path;

    Fields(ObjectNode object, JsonPath path) {
        this.object = object;
        this.path = path;
    }

    JsonPath path() { return path; }

    /** Text, or {@code fallback} when absent. */
    String string(String name, String fallback) {
        JsonNode v = object.get(name);
        if (v == null) return fallback;
        if (!v.isTextual()) throw new JsonProblem(path.field(name), "must be text in double quotes, was " + describe(v));
        return v.textValue();
    }

    /** Non-blank text that must be present; {@code what} says what it is, for the message. */
    String requiredName(String name, String what) {
        JsonNode v = object.get(name);
        if (v == null) throw new JsonProblem(path.field(name), "is missing; " + what);
        if (!v.isTextual()) throw new JsonProblem(path.field(name), "must be text in double quotes, was " + describe(v) + "; " + what);
        if (v.textValue().isBlank()) throw new JsonProblem(path.field(name), "is empty; " + what);
        return v.textValue();
    }

    /** A finite number, or {@code fallback} when absent. */
    double number(String name, double fallback) {
        JsonNode v = object.get(name);
        if (v == null) return fallback;
        if (!v.isNumber()) throw new JsonProblem(path.field(name), "must be a number, was " + describe(v));
        double d = v.doubleValue();
        if (!Double.isFinite(d)) throw new JsonProblem(path.field(name), "is " + v.asText() + ", a number too large to represent");
        return d;
    }

    /** A whole number in [min, max] (1.0 counts as 1), or {@code fallback} when absent; {@code valid} describes it. */
    int integer(String name, int fallback, int min, int max, String valid) {
        JsonNode v = object.get(name);
        if (v == null) return fallback;
        if (!isWhole(v)) throw new JsonProblem(path.field(name), "must be " + valid + ", was " + describe(v));
        double d = v.doubleValue();
        if (d < min || d > max) throw new JsonProblem(path.field(name), "is " + v.asText() + "; it must be " + valid);
        return (int) d;
    }

    /** A whole number in the range of a Java long (a seed), or {@code fallback} when absent. */
    long longInteger(String name, long fallback) {
        JsonNode v = object.get(name);
        if (v == null) return fallback;
        boolean fits = v.isIntegralNumber() ? v.canConvertToLong() : isWhole(v) && Math.abs(v.doubleValue()) < 0x1p63;
        if (!fits) throw new JsonProblem(path.field(name), "must be a whole number such as 42, was " + describe(v));
        return v.isIntegralNumber() ? v.longValue() : (long) v.doubleValue();
    }

    /** true or false, or {@code fallback} when absent. */
    boolean bool(String name, boolean fallback) {
        JsonNode v = object.get(name);
        if (v == null) return fallback;
        if (!v.isBoolean()) throw new JsonProblem(path.field(name), "must be true or false, was " + describe(v));
        return v.booleanValue();
    }

    /** The nested object {@code name}, empty when absent. */
    Optional<Fields> object(String name) {
        JsonNode v = object.get(name);
        if (v == null) return Optional.empty();
        if (!v.isObject()) throw new JsonProblem(path.field(name), "must be an object { ... }, was " + describe(v));
        return Optional.of(new Fields((ObjectNode) v, path.field(name)));
    }

    /** The list {@code name} of objects (empty when absent); {@code example} shows one element. */
    List<Fields> objects(String name, String example) {
        JsonNode v = object.get(name);
        if (v == null) return List.of();
        JsonPath at = path.field(name);
        if (!v.isArray()) throw new JsonProblem(at, "must be a list [ ... ] of objects like " + example + ", was " + describe(v));
        List<Fields> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isObject()) throw new JsonProblem(at.index(i), "must be an object like " + example + ", was " + describe(e));
            out.add(new Fields((ObjectNode) e, at.index(i)));
        }
        return out;
    }

    /** Every field except {@code known}, as plain Java values, in file order. */
    Map<String, Object> unknown(List<String> known) {
        return JsonValues.toJavaMap(object, path, known);
    }

    private static boolean isWhole(JsonNode v) {
        return v.isIntegralNumber() || (v.isFloatingPointNumber() && v.doubleValue() == Math.rint(v.doubleValue())
                && Double.isFinite(v.doubleValue()));
    }

    /** "the text \"abc\"", "the number 1.5", "a list", ... for messages. */
    static String describe(JsonNode v) {
        if (v.isTextual()) return "the text \"" + v.textValue() + "\"";
        if (v.isNumber()) return "the number " + v.asText();
        if (v.isBoolean()) return v.asText();
        if (v.isNull()) return "null";
        if (v.isArray()) return "a list";
        if (v.isObject()) return "an object";
        return v.getNodeType().toString().toLowerCase();
    }
}
