package io.layerlab.ui.canvas;

import io.layerlab.graph.Edge;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;

/**
 * One wire: a cubic curve from an output port to an input port, a wider invisible curve that
 * makes it easy to click, and a label with the tensor shape it carries. The curves live in the
 * wire layer, the label in the label layer above them (below the nodes).
 */
final class WireView {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass UNKNOWN = PseudoClass.getPseudoClass("unknown");
    /** Horizontal pull of the control points: at least this much, so short wires still curve. */
    private static final double MIN_PULL = 40;

    private final Edge edge;
    private final CubicCurve curve = new CubicCurve();
    private final CubicCurve hitArea = new CubicCurve();
    private final Label label = new Label();

    WireView(Edge edge) {
        this.edge = edge;
        curve.getStyleClass().add("wire");
        curve.setFill(null);
        curve.setMouseTransparent(true);
        hitArea.getStyleClass().add("wire-hit");
        hitArea.setFill(null);
        hitArea.setPickOnBounds(false);
        hitArea.getProperties().put(WireView.class, this);
        label.getStyleClass().add("wire-label");
        label.setMouseTransparent(true);
        label.translateXProperty().bind(label.widthProperty().divide(-2));
        label.translateYProperty().bind(label.heightProperty().divide(-2));
    }

    /** A wire not (yet) in the graph: the one following the mouse while wiring. */
    static WireView ghost() {
        WireView w = new WireView(new Edge("", "", 0));
        w.curve.getStyleClass().add("wire-ghost");
        w.hitArea.setMouseTransparent(true);
        return w;
    }

    Edge edge() { return edge; }
    CubicCurve curve() { return curve; }
    CubicCurve hitArea() { return hitArea; }
    Label label() { return label; }

    void setShape(String text, boolean known) {
        if (!text.equals(label.getText())) label.setText(text);
        label.pseudoClassStateChanged(UNKNOWN, !known);
        curve.pseudoClassStateChanged(UNKNOWN, !known);
    }

    void setSelected(boolean selected) {
        curve.pseudoClassStateChanged(SELECTED, selected);
        label.pseudoClassStateChanged(SELECTED, selected);
    }

    void connect(Point2D from, Point2D to) {
        double pull = Math.max(MIN_PULL, Math.abs(to.getX() - from.getX()) * 0.5);
        set(curve, from, to, pull);
        set(hitArea, from, to, pull);
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
