package io.layerlab.export;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Python source text: literals, identifiers and comments for the generated Keras script. */
final class Python {
    /** A Python expression written as it is (a function name, an initializer call). */
    record Code(String text) {
        @Override public String toString() { return text; }
    }

    /** Words a variable may not be: Python keywords, and the names the script itself uses. */
    private static final Set<String> TAKEN = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
            "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
            "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match", "case", "type",
            "input", "print", "len", "list", "dict", "set", "id", "max", "min", "sum", "range", "object",
            "tf", "keras", "layers", "model", "step", "leaky_relu", "x", "y");

    private Python() { }

    /** A value as a Python literal: numbers, True/False, quoted strings, tuples for integer lists. */
    static String literal(Object value) {
        if (value == null) return "None";
        if (value instanceof Code c) return c.text();
        if (value instanceof Boolean b) return b ? "True" : "False";
        if (value instanceof Integer || value instanceof Long) return value.toString();
        if (value instanceof Number n) return number(n.doubleValue());
        if (value instanceof String s) return string(s);
        if (value instanceof Collection<?> list) {
            String items = list.stream().map(Python::literal).collect(Collectors.joining(", "));
            return list.size() == 1 ? "(" + items + ",)" : "(" + items + ")";
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> literal(e.getKey()) + ": " + literal(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        throw new IllegalArgumentException("no Python literal for " + value.getClass().getSimpleName());
    }

    /** A list literal, {@code [a, b]}. */
    static String list(List<?> items) {
        return items.stream().map(Python::literal).collect(Collectors.joining(", ", "[", "]"));
    }

    /** The shortest decimal that reads back as the same double: 0.01, 1e-05, 3.0. */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) throw new IllegalArgumentException("no Python literal for " + d);
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return (long) d + ".0";
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) return s;
        String mantissa = new BigDecimal(s.substring(0, e)).stripTrailingZeros().toPlainString();
        int exponent = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    /** A double-quoted string literal. */
    static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * A variable name for a node id: letters, digits and underscores, not starting with a digit,
     * and none of Python's keywords or the script's own names ("in" becomes "in_").
     */
    static String identifier(String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        String id = sb.isEmpty() ? "layer" : sb.toString();
        if (Character.isDigit(id.charAt(0))) id = "n" + id;
        return TAKEN.contains(id) ? id + "_" : id;
    }

    /** Comment lines ("# ...") holding {@code text} wrapped at {@code width} characters. */
    static List<String> comment(String text, int width) {
        return Text.wrap(text, width - 2).stream().map(l -> l.isEmpty() ? "#" : "# " + l).toList();
    }
}
