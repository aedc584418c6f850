package io.layerlab.export;

import java.util.List;
import java.util.Locale;

/** Java source text for the generated class: literals, names and comments, all plain ASCII. */
final class JavaText {
    private JavaText() { }

    /** A string literal; anything outside printable ASCII is written as a \\u escape. */
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
                    if (c < 0x20 || c >= 0x7f) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A double literal that reads back as exactly the same double. */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) throw new IllegalArgumentException("no Java literal for " + d);
        return Double.toString(d);
    }

    /**
     * Text safe inside a comment: line breaks and other control characters become spaces,
     * backslashes are doubled (so no \\u sequence can turn into a character, let alone a line
     * break), non-ASCII characters become \\u escapes, and a comment can never be closed early.
     */
    static String commentText(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') sb.append("\\\\");
            else if (c < 0x20 || c == 0x7f) sb.append(' ');
            else if (c >= 0x80) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString().replace("*/", "*\\/");
    }

    /** Text safe inside a Javadoc comment: as {@link #commentText}, and HTML-escaped. */
    static String javadocText(String s) {
        String html = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;");
        return commentText(html).replace("*\\/", "*&#47;");
    }

    /** Line comments holding {@code text} wrapped to fit {@code width} columns after {@code indent}. */
    static List<String> lineComment(String indent, String text, int width) {
        return Text.wrap(commentText(text), width - indent.length() - 3).stream().map(l -> indent + "// " + l).toList();
    }

    /** "XOR with one hidden layer" gives "XorWithOneHiddenLayerNetwork". */
    static String className(String projectName) {
        StringBuilder sb = new StringBuilder();
        for (String word : projectName.split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) continue;
            sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        String name = sb.isEmpty() ? "LayerLab" : sb.toString();
        if (Character.isDigit(name.charAt(0))) name = "Net" + name;
        return name + "Network";
    }

    /** True for a name javac accepts as a class name. */
    static boolean isClassName(String name) {
        return javax.lang.model.SourceVersion.isName(name) && !name.contains(".");
    }

    /** A local variable name from a node id: "out" gives "outLoss" for role "Loss". */
    static String variable(String id, String role) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = sb.length() > 0;
            }
        }
        String base = sb.isEmpty() || Character.isDigit(sb.charAt(0)) ? "layer" + sb : sb.toString();
        return Character.toLowerCase(base.charAt(0)) + base.substring(1) + role;
    }
}
