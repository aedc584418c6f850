package io.layerlab.export;

import io.layerlab.export.DiagramLayout.Box;
import io.layerlab.export.DiagramLayout.Wire;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/** Paints a {@link DiagramLayout} with Java2D (headless), at a scale for crisp text. */
final class PngDiagram {
    private PngDiagram() { }

    static BufferedImage paint(DiagramLayout layout, double scale) {
        int w = (int) Math.ceil(layout.width() * scale);
        int h = (int) Math.ceil(layout.height() * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(scale, scale);
            g.setColor(DiagramLayout.BACKGROUND);
            g.fill(new Rectangle2D.Double(0, 0, layout.width(), layout.height()));
            text(g, 32, 40, DiagramLayout.TITLE_FONT, DiagramLayout.TEXT, layout.title(), false);
            text(g, 32, 60, DiagramLayout.SUBTITLE_FONT, DiagramLayout.MUTED_TEXT, layout.subtitle(), false);

            g.setStroke(new BasicStroke(1.5f));
            g.setColor(DiagramLayout.WIRE);
            for (Wire wire : layout.wires()) {
                g.draw(new CubicCurve2D.Double(wire.start().x, wire.start().y, wire.control1().x, wire.control1().y,
                        wire.control2().x, wire.control2().y, wire.end().x, wire.end().y));
            }
            for (Box b : layout.boxes()) box(g, b);
            g.setStroke(new BasicStroke(1f));
            for (Wire wire : layout.wires()) label(g, wire);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void box(Graphics2D g, Box b) {
        double r = DiagramLayout.CORNER * 2;
        RoundRectangle2D.Double shape = new RoundRectangle2D.Double(b.x(), b.y(), b.width(), b.height(), r, r);
        g.setColor(DiagramLayout.BOX_FILL);
        g.fill(shape);
        Area accent = new Area(shape);
        accent.intersect(new Area(new Rectangle2D.Double(b.x(), b.y(), b.width(), DiagramLayout.ACCENT_HEIGHT)));
        g.setColor(b.accent());
        g.fill(accent);
        g.setColor(DiagramLayout.BOX_BORDER);
        g.setStroke(new BasicStroke(1f));
        g.draw(shape);
        double pad = DiagramLayout.PADDING;
        text(g, b.x() + pad, b.y() + 24, DiagramLayout.ID_FONT, DiagramLayout.TEXT, b.node().id(), false);
        text(g, b.x() + b.width() - pad, b.y() + 24, DiagramLayout.TYPE_FONT, b.accent(), b.type(), true);
        text(g, b.x() + pad, b.y() + 43, DiagramLayout.BODY_FONT, DiagramLayout.MUTED_TEXT, b.settings(), false);
        text(g, b.x() + pad, b.y() + 60, DiagramLayout.BODY_FONT, DiagramLayout.TEXT, b.output(), false);
    }

    private static void label(Graphics2D g, Wire wire) {
        Point2D.Double m = wire.middle();
        Shape pill = new RoundRectangle2D.Double(m.x - wire.labelWidth() / 2, m.y - DiagramLayout.LABEL_HEIGHT / 2,
                wire.labelWidth(), DiagramLayout.LABEL_HEIGHT, 16, 16);
        g.setColor(DiagramLayout.LABEL_FILL);
        g.fill(pill);
        g.setColor(DiagramLayout.BOX_BORDER);
        g.draw(pill);
        double w = DiagramLayout.width(DiagramLayout.LABEL_FONT, wire.label());
        text(g, m.x - w / 2, m.y + 3.5, DiagramLayout.LABEL_FONT, DiagramLayout.MUTED_TEXT, wire.label(), false);
    }

    private static void text(Graphics2D g, double x, double y, Font font, Color color, String text, boolean alignRight) {
        g.setFont(font);
        g.setColor(color);
        double left = alignRight ? x - DiagramLayout.width(font, text) : x;
        g.drawString(text, (float) left, (float) y);
    }
}
