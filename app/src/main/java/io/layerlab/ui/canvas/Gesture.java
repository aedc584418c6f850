package io.layerlab.ui.canvas;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;

/** One mouse drag on the canvas, from press to release. Points are in canvas coordinates. */
interface Gesture {
    void drag(Point2D point, MouseEvent event);

    void release(Point2D point, MouseEvent event);

    /** Abandons the gesture (Escape, or the document changed underneath), leaving the graph as it was. */
    void cancel();
}
