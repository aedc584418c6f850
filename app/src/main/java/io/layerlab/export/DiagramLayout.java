package io.layerlab.export;

import io.layerlab.catalog.Category;
import io.layerlab.catalog.LayerKind;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.shape.ShapeReport;
import io.layerlab.shape.TensorShape;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where everything of a network diagram goes, in drawing units (1 unit = 1 SVG pixel; the PNG
 * draws at twice that). Nodes keep the designer's arrangement: their x/y positions, spread out
 * just enough that no two boxes overlap. The SVG and the PNG are drawn from the same layout.
 */
final class DiagramLayout {
    static final String FONT_FAMILY = "SansSerif";
    static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 16);
    static final Font SUBTITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    static final Font ID_FONT = new Font(FONT_FAMILY, Font.BOLD, 13);
    static final Font TYPE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 11);
    static final Font BODY_FONT = new Font(FONT_FAMILY, Font.PLAIN, 11);
    static final Font LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 10);

    static final Color BACKGROUND = new Color(0xF8FAFC);
    static final Color BOX_FILL = Color.WHITE;
    static final Color BOX_BORDER = new Color(0xCBD5E1);
    static final Color TEXT = new Color(0x0F172A);
    static final Color MUTED_TEXT = new Color(0x475569);
    static final Color WIRE = new Color(0x94A3B8);
    static final Color LABEL_FILL = new Color(0xF1F5F9);

    static final double BOX_HEIGHT = 70;
    static final double ACCENT_HEIGHT = 4;
    static final double CORNER = 8;
    static final double PADDING = 12;
    static final double MIN_BOX_WIDTH = 150;
    static final double LABEL_HEIGHT = 16;
    private static final double GAP_X = 70;
    private static final double GAP_Y = 26;
    private static final double MARGIN = 32;
    private static final double HEADER = 56;
    /** Beyond this a designer's spacing is taken as it is, even if boxes then overlap. */
    private static final double MAX_STRETCH = 8;

    private static final FontRenderContext TEXT_CONTEXT = new FontRenderContext(new AffineTransform(), true, true);

    /** One node's box: top-left corner, size, and the text it shows. */
    record Box(Node node, double x, double y, double width, String type, String settings, String output, Color accent) {
        double height() { return BOX_HEIGHT; }

        Point2D.Double outputPort() { return new Point2D.Double(x + width, y + BOX_HEIGHT / 2); }

        Point2D.Double inputPort(int index, int count) {
            return new Point2D.Double(x, y + ACCENT_HEIGHT + (BOX_HEIGHT - ACCENT_HEIGHT) * (index + 1) / (count + 1));
        }
    }

    /** A wire as a cubic curve from one box's output to another's input, labelled with the tensor shape it carries. */
    record Wire(Edge edge, Point2D.Double start, Point2D.Double control1, Point2D.Double control2, Point2D.Double end,
                String label, double labelWidth) {
        /** The curve's midpoint, where the label sits. */
        Point2D.Double middle() {
            return new Point2D.Double((start.x + 3 * control1.x + 3 * control2.x + end.x) / 8,
                    (start.y + 3 * control1.y + 3 * control2.y + end.y) / 8);
        }
    }

    private final String title;
    private final String subtitle;
    private final List<Box> boxes;
    private final List<Wire> wires;
    private final double width;
    private final double height;

    private DiagramLayout(String title, String subtitle, List<Box> boxes, List<Wire> wires, double width, double height) {
        this.title = title;
        this.subtitle = subtitle;
        this.boxes = List.copyOf(boxes);
        this.wires = List.copyOf(wires);
        this.width = width;
        this.height = height;
    }

    String title() { return title; }
    String subtitle() { return subtitle; }
    List<Box> boxes() { return boxes; }
    List<Wire> wires() { return wires; }
    double width() { return width; }
    double height() { return height; }

    static DiagramLayout of(NetworkPlan plan) {
        Graph graph = plan.graph();
        ShapeReport report = plan.report();
        List<Node> nodes = List.copyOf(graph.nodes());
        double[] widths = new double[nodes.size()];
        List<String[]> texts = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            String[] text = {n.type(), DiagramText.settings(n), DiagramText.output(n, report)};
            texts.add(text);
            double header = width(ID_FONT, n.id()) + 12 + width(TYPE_FONT, text[0]);
            widths[i] = Math.ceil(Math.max(MIN_BOX_WIDTH, 2 * PADDING + Math.max(header,
                    Math.max(width(BODY_FONT, text[1]), width(BODY_FONT, text[2])))));
        }
        double[] stretch = stretch(nodes, widths);
        double minX = nodes.stream().mapToDouble(Node::x).min().orElse(0);
        double minY = nodes.stream().mapToDouble(Node::y).min().orElse(0);

        List<Box> boxes = new ArrayList<>();
        Map<String, Box> byId = new HashMap<>();
        double right = 0;
        double bottom = 0;
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            double x = MARGIN + Math.round((n.x() - minX) * stretch[0]);
            double y = MARGIN + HEADER + Math.round((n.y() - minY) * stretch[1]);
            Box box = new Box(n, x, y, widths[i], texts.get(i)[0], texts.get(i)[1], texts.get(i)[2], accent(n));
            boxes.add(box);
            byId.put(n.id(), box);
            right = Math.max(right, x + widths[i]);
            bottom = Math.max(bottom, y + BOX_HEIGHT);
        }

        List<Wire> wires = new ArrayList<>();
        for (Node n : nodes) {
            List<Edge> in = graph.inputsOf(n.id());
            for (int k = 0; k < in.size(); k++) {
                Edge e = in.get(k);
                Box from = byId.get(e.from());
                Box to = byId.get(e.to());
                Point2D.Double start = from.outputPort();
                Point2D.Double end = to.inputPort(k, in.size());
                double pull = Math.max(40, Math.abs(end.x - start.x) / 2);
                TensorShape shape = report.outputShape(e.from());
                String label = shape == null ? "?" : shape.label();
                wires.add(new Wire(e, start, new Point2D.Double(start.x + pull, start.y), new Point2D.Double(end.x - pull, end.y),
                        end, label, Math.ceil(width(LABEL_FONT, label)) + 12));
            }
        }
        String subtitle = Text.count(plan.totalParams(), "parameter") + " · " + Text.count(nodes.size(), "layer");
        double titleWidth = Math.max(width(TITLE_FONT, plan.project().name()), width(SUBTITLE_FONT, subtitle));
        double totalWidth = Math.ceil(Math.max(right, MARGIN + titleWidth) + MARGIN);
        return new DiagramLayout(plan.project().name(), subtitle, boxes, wires, totalWidth, Math.ceil(bottom + MARGIN));
    }

    /**
     * How much to spread the designer's x and y positions so that no two boxes overlap: first
     * horizontally for boxes side by side in a row, then vertically for those still above one another.
     */
    private static double[] stretch(List<Node> nodes, double[] widths) {
        double sx = 1;
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                double dx = Math.abs(nodes.get(i).x() - nodes.get(j).x());
                double dy = Math.abs(nodes.get(i).y() - nodes.get(j).y());
                if (dx > 0 && dy < BOX_HEIGHT + GAP_Y) sx = Math.max(sx, (leftWidth(nodes, widths, i, j) + GAP_X) / dx);
            }
        }
        sx = Math.min(sx, MAX_STRETCH);
        double sy = 1;
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                double dx = Math.abs(nodes.get(i).x() - nodes.get(j).x()) * sx;
                double dy = Math.abs(nodes.get(i).y() - nodes.get(j).y());
                if (dy > 0 && dx < leftWidth(nodes, widths, i, j) + GAP_X / 2) sy = Math.max(sy, (BOX_HEIGHT + GAP_Y) / dy);
            }
        }
        return new double[] {sx, Math.min(sy, MAX_STRETCH)};
    }

    /** The width of whichever of the two boxes starts further left: the one the other must clear. */
    private static double leftWidth(List<Node> nodes, double[] widths, int i, int j) {
        return nodes.get(i).x() <= nodes.get(j).x() ? widths[i] : widths[j];
    }

    /** The palette group's colour: the thin bar on top of each box. */
    static Color accent(Node node) {
        LayerKind kind = NetworkPlan.kind(node);
        if (kind.isInput()) return new Color(0x64748B);
        if (kind.isOutput()) return new Color(0xE11D48);
        Category c = kind.category();
        return switch (c) {
            case CORE -> new Color(0x2563EB);
            case CONVOLUTION -> new Color(0x0D9488);
            case RECURRENT -> new Color(0x7C3AED);
            case ATTENTION -> new Color(0xC026D3);
            case MERGE -> new Color(0xEA580C);
            case ACTIVATIONS -> new Color(0x16A34A);
        };
    }

    static double width(Font font, String text) {
        return font.getStringBounds(text, TEXT_CONTEXT).getWidth();
    }
}
