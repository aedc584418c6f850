package io.layerlab.ui.inspector;

import io.layerlab.catalog.ParamType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Text as typed in the inspector to parameter values and back. Parsing only recognises the
 * shape of the text (a number, a list); ranges and kinds are judged by ParamSpec.coerce, so
 * the messages are the catalog's.
 */
final class ValueText {
    private ValueText() { }

    /** How a value appears in a text field: 3, 0.01, "3, 3". */
    static String format(Object value) {
        if (value == null) return "";
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) return d.toString();
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof List<?> list) return list.stream().map(ValueText::format).collect(Collectors.joining(", "));
        return String.valueOf(value);
    }

    /**
     * The raw value the text stands for: a number for INT and DOUBLE, a list of numbers for
     * INT_LIST ("3, 3", "[3 3]", "3x3"), null for blank text. What is not a number stays
     * a string, so that coerce can say what was wrong with it.
     */
    static Object parse(ParamType type, String text) {
        String t = text == null ? "" : text.trim();
        return switch (type) {
            case INT, DOUBLE -> t.isEmpty() ? null : number(t);
            case INT_LIST -> list(t);
            case BOOLEAN -> t.equalsIgnoreCase("true") ? Boolean.TRUE : t.equalsIgnoreCase("false") ? Boolean.FALSE : t;
            case CHOICE, ACTIVATION -> t.isEmpty() ? null : t;
        };
    }

    private static Object number(String t) {
        try {
            if (t.matches("[+-]?\\d{1,18}")) return Long.parseLong(t);
            double d = Double.parseDouble(t);
            // "NaN" and "Infinity" parse, but are not numbers anyone means to type.
            return Double.isFinite(d) && !t.matches("(?i).*[a-z&&[^e]].*") ? d : t;
        } catch (NumberFormatException notANumber) {
            return t;
        }
    }

    private static List<Object> list(String t) {
        String inner = t;
        if (inner.startsWith("[") || inner.startsWith("(")) inner = inner.substring(1);
        if (inner.endsWith("]") || inner.endsWith(")")) inner = inner.substring(0, inner.length() - 1);
        List<Object> out = new ArrayList<>();
        for (String part : inner.trim().split("\\s*[,;×xX]\\s*|\\s+")) {
            if (!part.isEmpty()) out.add(number(part));
        }
        return out;
    }
}
