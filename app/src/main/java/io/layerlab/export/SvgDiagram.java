package io.layerlab.export;

import io.layerlab.export.DiagramLayout.Box;
import io.layerlab.export.DiagramLayout.Wire;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Point2D;
import java.util.Locale;

/** Writes a {@link DiagramLayout} as a standalone SVG document. */
final class SvgDiagram {
    private static final String FONTS = "'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif";

    private final StringBuilder out = new StringBuilder();

    private SvgDiagram() { }

    static String of(DiagramLayout layout) {
        return new SvgDiagram().write(layout);
    }

    private String write(DiagramLayout layout) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(layout.width())).append("\" height=\"")
                .append(n(layout.height())).append("\" viewBox=\"0 0 ").append(n(layout.width())).append(' ')
                .append(n(layout.height())).append("\" font-family=\"").append(FONTS).append("\">\n");
        out.append("  <title>").append(escape(layout.title())).append("</title>\n");
        out.append("  <rect width=\"100%\" height=\"100%\" fill=\"").append(hex(DiagramLayout.BACKGROUND)).append("\"/>\n");
        text(32, 40, DiagramLayout.TITLE_FONT, DiagramLayout.TEXT, layout.title(), "start", "title");
        text(32, 60, DiagramLayout.SUBTITLE_FONT, DiagramLayout.MUTED_TEXT, layout.subtitle(), "start", "subtitle");

        out.append("  <g class=\"wires\" fill=\"none\" stroke=\"").append(hex(DiagramLayout.WIRE)).append("\" stroke-width=\"1.5\">\n");
        for (Wire w : layout.wires()) {
            out.append("    <path d=\"M ").append(p(w.start())).append(" C ").append(p(w.control1())).append(", ")
                    .append(p(w.control2())).append(", ").append(p(w.end())).append("\"/>\n");
        }
        out.append("  </g>\n");

        for (Box b : layout.boxes()) box(b);

        out.append("  <g class=\"wire-labels\">\n");
        for (Wire w : layout.wires()) {
            Point2D.Double m = w.middle();
            out.append("    <rect x=\"").append(n(m.x - w.labelWidth() / 2)).append("\" y=\"").append(n(m.y - DiagramLayout.LABEL_HEIGHT / 2))
                    .append("\" width=\"").append(n(w.labelWidth())).append("\" height=\"").append(n(DiagramLayout.LABEL_HEIGHT))
                    .append("\" rx=\"8\" fill=\"").append(hex(DiagramLayout.LABEL_FILL)).append("\" stroke=\"")
                    .append(hex(DiagramLayout.BOX_BORDER)).append("\"/>\n  ");
            text(m.x, m.y + 3.5, DiagramLayout.LABEL_FONT, DiagramLayout.MUTED_TEXT, w.label(), "middle", "shape");
        }
        out.append("  </g>\n");
        out.append("</svg>\n");
        return out.toString();
    }

    private void box(Box b) {
        double x = b.x();
        double y = b.y();
        out.append("  <g class=\"node\" id=\"").append(escape("node-" + b.node().id())).append("\">\n");
        out.append("    <rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(b.width()))
                .append("\" height=\"").append(n(b.height())).append("\" rx=\"").append(n(DiagramLayout.CORNER))
                .append("\" fill=\"").append(hex(DiagramLayout.BOX_FILL)).append("\" stroke=\"").append(hex(DiagramLayout.BOX_BORDER))
                .append("\"/>\n");
        // The accent bar: rounded on top like the box, square where it meets the body.
        double r = DiagramLayout.CORNER;
        double a = DiagramLayout.ACCENT_HEIGHT;
        out.append("    <path d=\"M ").append(n(x)).append(' ').append(n(y + a)).append(" V ").append(n(y + r))
                .append(" A ").append(n(r)).append(' ').append(n(r)).append(" 0 0 1 ").append(n(x + r)).append(' ').append(n(y))
                .append(" H ").append(n(x + b.width() - r)).append(" A ").append(n(r)).append(' ').append(n(r)).append(" 0 0 1 ")
                .append(n(x + b.width())).append(' ').append(n(y + r)).append(" V ").append(n(y + a)).append(" Z\" fill=\"")
                .append(hex(b.accent())).append("\"/>\n  ");
        double pad = DiagramLayout.PADDING;
        text(x + pad, y + 24, DiagramLayout.ID_FONT, DiagramLayout.TEXT, b.node().id(), "start", "id");
        out.append("  ");
        text(x + b.width() - pad, y + 24, DiagramLayout.TYPE_FONT, b.accent(), b.type(), "end", "type");
        out.append("  ");
        text(x + pad, y + 43, DiagramLayout.BODY_FONT, DiagramLayout.MUTED_TEXT, b.settings(), "start", "settings");
        out.append("  ");
        text(x + pad, y + 60, DiagramLayout.BODY_FONT, DiagramLayout.TEXT, b.output(), "start", "output");
        out.append("  </g>\n");
    }

    private void text(double x, double y, Font font, Color color, String text, String anchor, String cssClass) {
        out.append("  <text class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" font-size=\"").append(font.getSize()).append('"');
        if (font.isBold()) out.append(" font-weight=\"bold\"");
        if (!anchor.equals("start")) out.append(" text-anchor=\"").append(anchor).append('"');
        out.append(" fill=\"").append(hex(color)).append("\">").append(escape(text)).append("</text>\n");
    }

    /** Text safe in XML content and attribute values; characters XML 1.0 cannot hold become U+FFFD. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    boolean valid = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                            || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
                    sb.append(valid ? c : '\uFFFD');
                }
            }
        }
        return sb.toString();
    }

    private static String p(Point2D.Double point) { return n(point.x) + " " + n(point.y); }

    private static String n(double v) {
        if (v == Math.rint(v)) return String.valueOf((long) v);
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
