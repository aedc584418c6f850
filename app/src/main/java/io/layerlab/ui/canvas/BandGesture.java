package io.layerlab.ui.canvas;

import java.util.LinkedHashSet;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Rectangle;

/**
 * Rubber-band selection from a press on empty space: every node the rectangle touches is
 * selected on release (added to the selection with Shift). A click without dragging clears the
 * selection.
 */
final class BandGesture implements Gesture {
    private final GraphCanvas canvas;
    private final Rectangle band;
    private final Point2D start;
    private final boolean extend;
    private boolean started;

    BandGesture(GraphCanvas canvas, Rectangle band, Point2D start, boolean extend) {
        this.canvas = canvas;
        this.band = band;
        this.start = start;
        this.extend = extend;
    }

    @Override public void drag(Point2D point, MouseEvent event) {
        if (!started) {
            if (point.distance(start) < GraphCanvas.DRAG_THRESHOLD) return;
            started = true;
            band.setVisible(true);
        }
        band.setX(Math.min(start.getX(), point.getX()));
        band.setY(Math.min(start.getY(), point.getY()));
        band.setWidth(Math.abs(point.getX() - start.getX()));
        band.setHeight(Math.abs(point.getY() - start.getY()));
    }

    @Override public void release(Point2D point, MouseEvent event) {
        band.setVisible(false);
        if (!started) {
            if (!extend) canvas.selectOnly(Set.of());
            return;
        }
        Point2D a = canvas.toWorld(new Point2D(Math.min(start.getX(), point.getX()), Math.min(start.getY(), point.getY())));
        Point2D b = canvas.toWorld(new Point2D(Math.max(start.getX(), point.getX()), Math.max(start.getY(), point.getY())));
        Set<String> hit = new LinkedHashSet<>();
        if (extend) hit.addAll(canvas.document().selection());
        for (NodeView v : canvas.diagram().views()) {
            boolean touches = v.getLayoutX() <= b.getX() && v.getLayoutX() + v.getWidth() >= a.getX()
                    && v.getLayoutY() <= b.getY() && v.getLayoutY() + v.getHeight() >= a.getY();
            if (touches) hit.add(v.nodeId());
        }
        canvas.selectOnly(hit);
    }

    @Override public void cancel() { band.setVisible(false); }
}
