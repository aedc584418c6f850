package io.layerlab.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One parameter of a layer or activation: its name in the project file, type, default, valid
 * range or choices, and a one-line description for the inspector.
 *
 * @param min        smallest valid value (INT, DOUBLE, each INT_LIST element); null for none
 * @param max        largest valid value; null for none
 * @param minExclusive true when {@code min} itself is not valid (a learning rate &gt; 0)
 * @param maxExclusive true when {@code max} itself is not valid (a dropout rate &lt; 1)
 * @param lengths    valid lengths of an INT_LIST; empty for any
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, Double min, Double max,
                        boolean minExclusive, boolean maxExclusive, List<String> choices,
                        List<Integer> lengths, String description) {

    public ParamSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        choices = choices == null ? List.of() : List.copyOf(choices);
        lengths = lengths == null ? List.of() : List.copyOf(lengths);
    }

    public static ParamSpec integer(String name, int def, int min, int max, String description) {
        return new ParamSpec(name, ParamType.INT, def, (double) min, (double) max, false, false, null, null, description);
    }

    public static ParamSpec decimal(String name, double def, double min, double max, boolean minExcl, boolean maxExcl, String description) {
        return new ParamSpec(name, ParamType.DOUBLE, def, min, max, minExcl, maxExcl, null, null, description);
    }

    /** A number above 0 with no upper bound (a learning rate). */
    public static ParamSpec positive(String name, double def, String description) {
        return new ParamSpec(name, ParamType.DOUBLE, def, 0.0, null, true, false, null, null, description);
    }

    public static ParamSpec bool(String name, boolean def, String description) {
        return new ParamSpec(name, ParamType.BOOLEAN, def, null, null, false, false, null, null, description);
    }

    public static ParamSpec choice(String name, String def, List<String> choices, String description) {
        return new ParamSpec(name, ParamType.CHOICE, def, null, null, false, false, choices, null, description);
    }

    public static ParamSpec activationParam(String name, String def, String description) {
        return new ParamSpec(name, ParamType.ACTIVATION, def, null, null, false, false,
                Catalog.activationNames(), null, description);
    }

    public static ParamSpec intList(String name, List<Integer> def, List<Integer> lengths, int min, int max, String description) {
        return new ParamSpec(name, ParamType.INT_LIST, def, (double) min, (double) max, false, false, null, lengths, description);
    }

    /**
     * Converts a JSON-ish value to this parameter's Java type (Integer, Double, Boolean, String,
     * List&lt;Integer&gt;) or explains why it cannot be one.
     */
    public Result coerce(Object raw) {
        if (raw == null) return Result.error("is missing; " + validDescription());
        switch (type) {
            case INT: {
                if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
                    return checkRange(n.intValue(), n.intValue());
                }
                if (raw instanceof Number n && Math.abs(n.doubleValue()) > Integer.MAX_VALUE && n.doubleValue() == Math.rint(n.doubleValue())) {
                    return Result.error("is " + raw + ", which is far too large; " + validDescription());
                }
                return Result.error("must be a whole number, was " + describe(raw) + "; " + validDescription());
            }
            case DOUBLE: {
                if (raw instanceof Number n && Double.isFinite(n.doubleValue())) return checkRange(n.doubleValue(), n.doubleValue());
                return Result.error("must be a number, was " + describe(raw) + "; " + validDescription());
            }
            case BOOLEAN: {
                if (raw instanceof Boolean b) return Result.ok(b);
                return Result.error("must be true or false, was " + describe(raw));
            }
            case CHOICE:
            case ACTIVATION: {
                if (raw instanceof String s && choices.contains(s)) return Result.ok(s);
                return Result.error("is " + describe(raw) + "; " + validDescription());
            }
            case INT_LIST: {
                if (!(raw instanceof List<?> list)) return Result.error("must be a list like " + defaultValue + ", was " + describe(raw));
                if (!lengths.isEmpty() && !lengths.contains(list.size())) {
                    return Result.error("has " + list.size() + " values; " + validDescription());
                }
                List<Integer> out = new ArrayList<>();
                for (Object o : list) {
                    if (!(o instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                        return Result.error("must hold whole numbers, had " + describe(o) + "; " + validDescription());
                    }
                    double v = n.doubleValue();
                    if ((min != null && v < min) || (max != null && v > max)) {
                        return Result.error("holds " + (long) v + "; " + validDescription());
                    }
                    out.add(n.intValue());
                }
                return Result.ok(List.copyOf(out));
            }
            default: throw new IllegalStateException(type.toString());
        }
    }

    private Result checkRange(Object value, double v) {
        boolean low = min != null && (minExclusive ? v <= min : v < min);
        boolean high = max != null && (maxExclusive ? v >= max : v > max);
        if (low || high) return Result.error("is " + (value instanceof Double d ? fmt(d) : value) + "; " + validDescription());
        return Result.ok(value);
    }

    /** "must be a whole number from 1 to 100000", "must be one of: valid, same", ... */
    public String validDescription() {
        return switch (type) {
            case INT -> "must be a whole number " + range();
            case DOUBLE -> "must be a number " + range();
            case BOOLEAN -> "must be true or false";
            case CHOICE, ACTIVATION -> "must be one of: " + String.join(", ", choices);
            case INT_LIST -> "must be a list of " + (lengths.isEmpty() ? "" : lengths.stream().map(String::valueOf)
                    .reduce((a, b) -> a + " or " + b).orElse("") + " ") + "whole numbers " + range() + ", like " + defaultValue;
        };
    }

    private String range() {
        String lo = min == null ? null : fmt(min);
        String hi = max == null ? null : fmt(max);
        if (lo != null && hi != null) {
            if (!minExclusive && !maxExclusive) return "from " + lo + " to " + hi;
            return (minExclusive ? "above " : "at least ") + lo + " and " + (maxExclusive ? "below " : "at most ") + hi;
        }
        if (lo != null) return (minExclusive ? "above " : "at least ") + lo;
        if (hi != null) return (maxExclusive ? "below " : "at most ") + hi;
        return "";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String describe(Object o) {
        return o instanceof String s ? "\"" + s + "\"" : String.valueOf(o);
    }

    /** A coerced value, or the reason there is none. */
    public record Result(Object value, String error) {
        static Result ok(Object v) { return new Result(v, null); }
        static Result error(String e) { return new Result(null, e); }
        public boolean isOk() { return error == null; }
        public Optional<String> errorMessage() { return Optional.ofNullable(error); }
    }
}
