package io.layerlab.ui.canvas;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeType;

/**
 * Nodes drawn as plain boxes (a body and a band in the category colour, outlined when selected
 * or in trouble), in graph coordinates, where a card's bitmap is not worth drawing yet: while the
 * wheel zooms, and for the moment a card waits for its turn to be drawn in full after a view
 * change. Boxes cost the software renderer next to nothing at any scale, where a card is texts
 * and rounded borders. Only boxes on show are in the scene (JavaFX visits every scene node on
 * every frame, shown or not); each is its own shape, so a box that comes or goes repaints only
 * its own place. Colours are the far-out overview's (CSS).
 */
final class SketchLayer extends Group {
    /** The colours boxes are drawn in. */
    interface Palette {
        Color node();
        Color selected();
        Color error();
    }

    private final Supplier<Palette> palette;
    private final Map<NodeView, Box> shown = new HashMap<>();
    private final Deque<Box> spare = new ArrayDeque<>();

    SketchLayer(Supplier<Palette> palette) {
        this.palette = palette;
        getStyleClass().add("sketch-layer");
        setMouseTransparent(true);
    }

    /** Shows the node as a box where it is now, or hides its box. */
    void show(NodeView view, boolean sketched) {
        Box box = shown.get(view);
        if (!sketched) {
            if (box != null) {
                shown.remove(view);
                getChildren().removeAll(box.body, box.band);
                spare.push(box);
            }
            return;
        }
        if (box == null) {
            box = spare.isEmpty() ? new Box() : spare.pop();
            shown.put(view, box);
            getChildren().addAll(box.body, box.band);
        }
        box.place(view, palette.get());
    }

    /** Forgets the box of a node that left the graph. */
    void remove(NodeView view) { show(view, false); }

    void clear() {
        shown.clear();
        getChildren().clear();
    }

    /** How many nodes are drawn as boxes now. */
    int shownCount() { return shown.size(); }

    boolean isSketched(NodeView view) { return shown.containsKey(view); }

    private static final class Box {
        final Rectangle body = new Rectangle();
        final Rectangle band = new Rectangle();

        Box() {
            body.setStrokeWidth(2);
            body.setStrokeType(StrokeType.OUTSIDE);
        }

        void place(NodeView v, Palette p) {
            double w = Math.max(1, v.getWidth());
            double h = Math.max(1, v.getHeight());
            set(body, v.getLayoutX(), v.getLayoutY(), w, h);
            set(band, v.getLayoutX(), v.getLayoutY(), w, Math.min(h, Math.max(1, v.accentBand())));
            body.setFill(p.node());
            band.setFill(v.accent());
            body.setStroke(v.isSelected() ? p.selected() : v.hasError() ? p.error() : null);
        }

        private static void set(Rectangle r, double x, double y, double w, double h) {
            r.setX(x);
            r.setY(y);
            r.setWidth(w);
            r.setHeight(h);
        }
    }
}
