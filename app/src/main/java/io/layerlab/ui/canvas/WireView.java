package io.layerlab.ui.canvas;

import io.layerlab.graph.Edge;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;

/**
 * One wire: a cubic curve from an output port to an input port and a label with the tensor shape
 * it carries. The curve lives in the wire layer, the label in the label layer above it (below the
 * nodes). Clicks are matched to wires by distance ({@link #distanceTo}), which is kinder to the
 * mouse than a 2-pixel line and needs no extra scene nodes.
 */
final class WireView {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass UNKNOWN = PseudoClass.getPseudoClass("unknown");
    /** Horizontal pull of the control points: at least this much, so short wires still curve. */
    private static final double MIN_PULL = 40;

    private final Edge edge;
    private final CubicCurve curve = new CubicCurve();
    private final Label label = new Label();
    /** The zoom the label's bitmap was last drawn at; NaN when it must be drawn afresh. */
    private double labelZoom = Double.NaN;

    WireView(Edge edge) {
        this.edge = edge;
        curve.getStyleClass().add("wire");
        curve.setFill(null);
        curve.setMouseTransparent(true);
        label.getStyleClass().add("wire-label");
        label.setMouseTransparent(true);
        label.setCache(true); // a bitmap, like the node cards: cheap to move while panning
        label.translateXProperty().bind(label.widthProperty().divide(-2));
        label.translateYProperty().bind(label.heightProperty().divide(-2));
    }

    /** A wire not (yet) in the graph: the one following the mouse while wiring. */
    static WireView ghost() {
        WireView w = new WireView(new Edge("", "", 0));
        w.curve.getStyleClass().add("wire-ghost");
        return w;
    }

    Edge edge() { return edge; }
    CubicCurve curve() { return curve; }
    Label label() { return label; }

    void setShape(String text, boolean known) {
        boolean changed = !text.equals(label.getText()) || known == label.getPseudoClassStates().contains(UNKNOWN);
        if (!text.equals(label.getText())) label.setText(text);
        label.pseudoClassStateChanged(UNKNOWN, !known);
        curve.pseudoClassStateChanged(UNKNOWN, !known);
        if (changed) labelLookChanged();
    }

    /** The zoom the label's cached bitmap was drawn at, or NaN when it must be drawn afresh. */
    double labelZoom() { return labelZoom; }

    void setLabelZoom(double zoom) { labelZoom = zoom; }

    /** A label not on screen when it changes is drawn afresh when it next shows. */
    private void labelLookChanged() {
        if (!label.isVisible()) labelZoom = Double.NaN;
    }

    /** Whether the wire's hull (it never leaves its control points' box) meets the rectangle. */
    boolean intersects(double minX, double minY, double maxX, double maxY) {
        double x0 = Math.min(Math.min(curve.getStartX(), curve.getEndX()), Math.min(curve.getControlX1(), curve.getControlX2()));
        double x1 = Math.max(Math.max(curve.getStartX(), curve.getEndX()), Math.max(curve.getControlX1(), curve.getControlX2()));
        double y0 = Math.min(curve.getStartY(), curve.getEndY());
        double y1 = Math.max(curve.getStartY(), curve.getEndY());
        return x1 >= minX && x0 <= maxX && y1 >= minY && y0 <= maxY;
    }

    /** Distance from a point (graph coordinates) to the curve, measured along 32 straight pieces. */
    double distanceTo(double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        double px = curve.getStartX();
        double py = curve.getStartY();
        for (int i = 1; i <= 32; i++) {
            double t = i / 32.0;
            double u = 1 - t;
            double qx = u * u * u * curve.getStartX() + 3 * u * u * t * curve.getControlX1() + 3 * u * t * t * curve.getControlX2() + t * t * t * curve.getEndX();
            double qy = u * u * u * curve.getStartY() + 3 * u * u * t * curve.getControlY1() + 3 * u * t * t * curve.getControlY2() + t * t * t * curve.getEndY();
            best = Math.min(best, segmentDistance(x, y, px, py, qx, qy));
            px = qx;
            py = qy;
        }
        return best;
    }

    private static double segmentDistance(double x, double y, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
        return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
    }

    /** Shows or hides the curve and the label. */
    void setShown(boolean curveShown, boolean labelShown) {
        if (curve.isVisible() != curveShown) curve.setVisible(curveShown);
        if (label.isVisible() != labelShown) label.setVisible(labelShown);
    }

    /** The label's middle, where it sits (graph coordinates). */
    double labelX() { return label.getLayoutX(); }

    double labelY() { return label.getLayoutY(); }

    void setSelected(boolean selected) {
        curve.pseudoClassStateChanged(SELECTED, selected);
        label.pseudoClassStateChanged(SELECTED, selected);
        labelLookChanged();
    }

    void connect(Point2D from, Point2D to) {
        double pull = Math.max(MIN_PULL, Math.abs(to.getX() - from.getX()) * 0.5);
        set(curve, from, to, pull);
        // The curve's midpoint: (p0 + 3 p1 + 3 p2 + p3) / 8, which for these control points is the chord's middle.
        label.relocate((from.getX() + to.getX()) / 2, (from.getY() + to.getY()) / 2);
    }

    private static void set(CubicCurve c, Point2D from, Point2D to, double pull) {
        c.setStartX(from.getX());
        c.setStartY(from.getY());
        c.setControlX1(from.getX() + pull);
        c.setControlY1(from.getY());
        c.setControlX2(to.getX() - pull);
        c.setControlY2(to.getY());
        c.setEndX(to.getX());
        c.setEndY(to.getY());
    }
}
