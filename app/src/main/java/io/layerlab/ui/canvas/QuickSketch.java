package io.layerlab.ui.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The far-out overview while the wheel zooms, in graph coordinates under the view's pan and
 * zoom: the wires as one path, each node as two rectangles (body and category band), outlines of
 * selected nodes and nodes in trouble as a path per colour. Built once per change of the graph;
 * a zoom step only changes the transform and the line widths (kept constant on screen), so the
 * JavaFX thread does next to nothing and the renderer draws the shapes straight onto the frame.
 * Rectangles rather than one path of boxes: the software renderer fills a rectangle directly,
 * where a path is rasterised across its whole width on every row it spans.
 */
final class QuickSketch extends Group {
    private final Translate pan = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final SVGPath wires = new SVGPath();
    private final Group boxes = new Group();
    private final SVGPath selectedOutlines = new SVGPath();
    private final SVGPath errorOutlines = new SVGPath();
    private boolean stale = true;

    QuickSketch() {
        setManaged(false);
        setMouseTransparent(true);
        getTransforms().setAll(pan, scale);
        wires.setFill(null);
        selectedOutlines.setFill(null);
        errorOutlines.setFill(null);
        getChildren().addAll(wires, boxes, selectedOutlines, errorOutlines);
    }

    /** The graph or its look changed: the shapes are built again when next shown. */
    void invalidate() { stale = true; }

    /** Builds the shapes from the graph if it changed since they were last built. */
    void update(OverviewLayer.Source source, SketchLayer.Palette palette, Color wireColour) {
        if (!stale) return;
        stale = false;

        // Path data as text: parsed straight into one shape, where path elements would be
        // hundreds of observable objects made afresh at every change.
        StringBuilder curves = new StringBuilder();
        source.forEachWire((x0, y0, c1x, c1y, c2x, c2y, x1, y1) ->
                curves.append('M').append(x0).append(' ').append(y0).append('C').append(c1x).append(' ').append(c1y)
                        .append(' ').append(c2x).append(' ').append(c2y).append(' ').append(x1).append(' ').append(y1));
        wires.setContent(curves.toString());
        wires.setStroke(wireColour);

        // Rectangles are reused: after an edit nearly all of them are still there.
        ObservableList<Node> shown = boxes.getChildren();
        List<Node> kept = new ArrayList<>(shown);
        List<Node> next = new ArrayList<>(kept.size());
        StringBuilder selected = new StringBuilder();
        StringBuilder error = new StringBuilder();
        source.forEachNode((x, y, w, h, bandHeight, accent, isSelected, hasError, gauges, caption) -> {
            next.add(box(kept, next.size(), x, y, w, h, palette.node()));
            next.add(box(kept, next.size(), x, y, w, Math.min(h, Math.max(1, bandHeight)), accent));
            if (isSelected) outline(selected, x, y, w, h);
            else if (hasError) outline(error, x, y, w, h);
        });
        if (!next.equals(kept)) shown.setAll(next);
        selectedOutlines.setContent(selected.toString());
        selectedOutlines.setStroke(palette.selected());
        errorOutlines.setContent(error.toString());
        errorOutlines.setStroke(palette.error());
    }

    /** The wires' shape, in graph coordinates (for tests). */
    SVGPath wires() { return wires; }

    /** Follows the canvas's view: wires one screen pixel wide, outlines two, whatever the zoom. */
    void setView(double panX, double panY, double zoom) {
        pan.setX(Math.round(panX));
        pan.setY(Math.round(panY));
        scale.setX(zoom);
        scale.setY(zoom);
        wires.setStrokeWidth(1 / zoom);
        selectedOutlines.setStrokeWidth(2 / zoom);
        errorOutlines.setStrokeWidth(2 / zoom);
    }

    /** The index-th rectangle, reused from the last build when there was one. */
    private static Rectangle box(List<Node> kept, int index, double x, double y, double w, double h, Color fill) {
        Rectangle r = index < kept.size() ? (Rectangle) kept.get(index) : new Rectangle();
        // Only what changed: each change of a shape invalidates its bounds and its parent's.
        if (r.getX() != x) r.setX(x);
        if (r.getY() != y) r.setY(y);
        if (r.getWidth() != w) r.setWidth(w);
        if (r.getHeight() != h) r.setHeight(h);
        if (!fill.equals(r.getFill())) r.setFill(fill);
        return r;
    }

    private static void outline(StringBuilder into, double x, double y, double w, double h) {
        into.append('M').append(x).append(' ').append(y).append('h').append(w).append('v').append(h).append('h').append(-w).append('z');
    }
}
