package io.layerlab.export;

/** Markdown text for the model card: table cells, code spans and prose that cannot break the layout. */
final class Markdown {
    private Markdown() { }

    /** One line of text for a heading or a list: no line breaks, no raw HTML, no leading heading marks. */
    static String inline(String text) {
        return escapeHtml(text.replaceAll("\\s+", " ").strip());
    }

    /** Prose kept as the person wrote it (Markdown allowed), but with no raw HTML. */
    static String paragraph(String text) {
        return escapeHtml(text.strip());
    }

    /** A table cell: one line, pipes escaped. */
    static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    /** A code span that holds any text, backticks and pipes included. */
    static String code(String text) {
        String s = text.replaceAll("\\s+", " ").replace("|", "\\|");
        String fence = s.contains("`") ? "``" : "`";
        String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
        return fence + pad + s + pad + fence;
    }

    /** A link target: spaces and brackets percent-encoded. */
    static String link(String path) {
        return path.replace("%", "%25").replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                .replace("<", "%3C").replace(">", "%3E");
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
