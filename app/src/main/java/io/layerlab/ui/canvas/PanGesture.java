package io.layerlab.ui.canvas;

import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.input.MouseEvent;

/** Drags the view: middle or right button, or the left button with the space bar held. */
final class PanGesture implements Gesture {
    private final GraphCanvas canvas;
    private final Point2D start;
    private final double panX;
    private final double panY;

    PanGesture(GraphCanvas canvas, Point2D start) {
        this.canvas = canvas;
        this.start = start;
        this.panX = canvas.panX();
        this.panY = canvas.panY();
        canvas.setCursor(Cursor.CLOSED_HAND);
    }

    @Override public void drag(Point2D point, MouseEvent event) {
        canvas.setPan(panX + point.getX() - start.getX(), panY + point.getY() - start.getY());
    }

    @Override public void release(Point2D point, MouseEvent event) { canvas.restoreCursor(); }

    @Override public void cancel() {
        canvas.setPan(panX, panY);
        canvas.restoreCursor();
    }
}
