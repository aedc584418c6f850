package io.layerlab.project;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree the way project files look: two-space indent, fields in the tree's order,
 * the top-level sections spread over lines, a list of objects (nodes, wires) one element per
 * line, and any object that fits within {@link #WIDTH} characters on one line (so a node or a
 * wire is usually one line, and a diff shows what changed). Lists of plain values, such as
 * shapes and kernels, are always on one line.
 */
final class JsonFormatter {
    static final int WIDTH = 140;
    private static final String INDENT = "  ";

    private JsonFormatter() { }

    static String format(JsonNode root) {
        StringBuilder out = new StringBuilder();
        writeBlock(root, 0, out);
        return out.append('\n').toString();
    }

    /** Writes {@code node} starting at the current position, whose line already has {@code used} characters. */
    private static void write(JsonNode node, int depth, int used, StringBuilder out) {
        if (!node.isContainerNode()) { out.append(scalar(node)); return; }
        if (node.isArray()) {
            if (allScalars(node)) out.append(inline(node)); else writeBlock(node, depth, out);
            return;
        }
        String inline = inline(node);
        if (used + inline.length() + 1 <= WIDTH) out.append(inline); else writeBlock(node, depth, out);
    }

    private static void writeBlock(JsonNode node, int depth, StringBuilder out) {
        if (!node.isContainerNode() || node.isEmpty()) { out.append(inline(node)); return; }
        String pad = INDENT.repeat(depth + 1);
        out.append(node.isObject() ? "{\n" : "[\n");
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = quote(e.getKey()) + ": ";
                out.append(pad).append(key);
                if (depth == 0 && !(e.getValue().isArray() && allScalars(e.getValue()))) {
                    writeBlock(e.getValue(), depth + 1, out);
                } else {
                    write(e.getValue(), depth + 1, pad.length() + key.length(), out);
                }
                out.append(it.hasNext() ? ",\n" : "\n");
            }
        } else {
            for (int i = 0; i < node.size(); i++) {
                out.append(pad);
                write(node.get(i), depth + 1, pad.length(), out);
                out.append(i < node.size() - 1 ? ",\n" : "\n");
            }
        }
        out.append(INDENT.repeat(depth)).append(node.isObject() ? '}' : ']');
    }

    private static String inline(JsonNode node) {
        if (!node.isContainerNode()) return scalar(node);
        StringBuilder sb = new StringBuilder();
        if (node.isObject()) {
            sb.append('{');
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(quote(e.getKey())).append(": ").append(inline(e.getValue()));
                if (it.hasNext()) sb.append(", ");
            }
            return sb.append('}').toString();
        }
        sb.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(inline(node.get(i)));
        }
        return sb.append(']').toString();
    }

    private static boolean allScalars(JsonNode node) {
        for (JsonNode child : node) if (child.isContainerNode()) return false;
        return true;
    }

    private static String scalar(JsonNode node) {
        if (node.isTextual()) return quote(node.textValue());
        if (node.isFloatingPointNumber()) return decimal(node.doubleValue());
        return node.asText();
    }

    /** A double as people write it (0.0001, not 1.0E-4), always with a fraction so it reads back as a double. */
    static String decimal(double d) {
        double abs = Math.abs(d);
        if (d != 0 && (abs < 1e-7 || abs >= 1e15)) return Double.toString(d);
        String plain = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static String quote(String s) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
    }
}
