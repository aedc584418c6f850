package io.layerlab.ui.canvas;

import io.layerlab.graph.MoveNodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;

/**
 * Drags the selected nodes. Only the views (and the wires at them) move while dragging; the
 * release records one {@link MoveNodes}, so the whole drag is one undo step. With snapping on,
 * the grabbed node lands on the grid and the others keep their offsets to it.
 */
final class MoveGesture implements Gesture {
    private final GraphCanvas canvas;
    private final NodeView grabbed;
    private final List<NodeView> moving;
    private final Point2D startWorld;
    private final Point2D startScreen;
    private final Map<NodeView, Point2D> origins = new LinkedHashMap<>();
    /** Runs on a click without movement (a click on one of several selected nodes selects it alone). */
    private final Runnable onClick;
    private boolean started;
    private double dx;
    private double dy;

    MoveGesture(GraphCanvas canvas, NodeView grabbed, List<NodeView> moving, Point2D start, Runnable onClick) {
        this.canvas = canvas;
        this.grabbed = grabbed;
        this.moving = moving;
        this.startScreen = start;
        this.startWorld = canvas.toWorld(start);
        this.onClick = onClick;
        for (NodeView v : moving) origins.put(v, new Point2D(v.getLayoutX(), v.getLayoutY()));
    }

    @Override public void drag(Point2D point, MouseEvent event) {
        if (!started) {
            if (point.distance(startScreen) < GraphCanvas.DRAG_THRESHOLD) return;
            started = true;
            canvas.diagram().bringToFront(moving);
        }
        Point2D world = canvas.toWorld(point);
        Point2D grabbedOrigin = origins.get(grabbed);
        double x = canvas.snap(grabbedOrigin.getX() + world.getX() - startWorld.getX());
        double y = canvas.snap(grabbedOrigin.getY() + world.getY() - startWorld.getY());
        dx = x - grabbedOrigin.getX();
        dy = y - grabbedOrigin.getY();
        for (NodeView v : moving) {
            Point2D o = origins.get(v);
            v.relocate(o.getX() + dx, o.getY() + dy);
            canvas.diagram().reattachWires(v.nodeId());
        }
    }

    @Override public void release(Point2D point, MouseEvent event) {
        if (!started) {
            onClick.run();
            return;
        }
        if (dx == 0 && dy == 0) return;
        Map<String, double[]> targets = new LinkedHashMap<>();
        for (NodeView v : moving) {
            Point2D o = origins.get(v);
            targets.put(v.nodeId(), new double[] {o.getX() + dx, o.getY() + dy});
        }
        canvas.execute(new MoveNodes(targets));
    }

    @Override public void cancel() {
        for (NodeView v : moving) {
            Point2D o = origins.get(v);
            v.relocate(o.getX(), o.getY());
            canvas.diagram().reattachWires(v.nodeId());
        }
    }
}
