package io.layerlab.ui.canvas;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * Nodes drawn as plain boxes (a body and a band in the category colour, outlined when selected
 * or in trouble), in graph coordinates, where a card's bitmap is not worth drawing yet: while the
 * wheel zooms, and for the moment a card waits for its turn to be drawn in full after a view
 * change. Two rectangles cost the software renderer next to nothing at any scale, where a card
 * is texts and rounded borders. Colours are the far-out overview's (CSS).
 */
final class SketchLayer extends Group {
    /** The colours boxes are drawn in. */
    interface Palette {
        Color node();
        Color selected();
        Color error();
    }

    private final Map<NodeView, Sketch> sketches = new HashMap<>();
    private final Supplier<Palette> palette;
    private int shown;

    SketchLayer(Supplier<Palette> palette) {
        this.palette = palette;
        getStyleClass().add("sketch-layer");
        setMouseTransparent(true);
    }

    /** Shows the node as a box where it is now, or hides its box. */
    void show(NodeView view, boolean sketched) {
        Sketch s = sketches.get(view);
        if (!sketched) {
            if (s != null && s.body.isVisible()) {
                s.setVisible(false);
                shown--;
            }
            return;
        }
        if (s == null) {
            s = new Sketch();
            sketches.put(view, s);
            getChildren().addAll(s.body, s.band);
        }
        s.place(view, palette.get());
        if (!s.body.isVisible()) {
            s.setVisible(true);
            shown++;
        }
    }

    /** Forgets the box of a node that left the graph. */
    void remove(NodeView view) {
        Sketch s = sketches.remove(view);
        if (s == null) return;
        if (s.body.isVisible()) shown--;
        getChildren().removeAll(s.body, s.band);
    }

    void clear() {
        sketches.clear();
        getChildren().clear();
        shown = 0;
    }

    /** How many nodes are drawn as boxes now. */
    int shownCount() { return shown; }

    boolean isSketched(NodeView view) {
        Sketch s = sketches.get(view);
        return s != null && s.body.isVisible();
    }

    private static final class Sketch {
        final Rectangle body = new Rectangle();
        final Rectangle band = new Rectangle();

        Sketch() {
            body.setStrokeWidth(2);
            body.setStrokeType(javafx.scene.shape.StrokeType.OUTSIDE);
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

        void setVisible(boolean visible) {
            body.setVisible(visible);
            band.setVisible(visible);
        }

        private static void set(Rectangle r, double x, double y, double w, double h) {
            r.setX(x);
            r.setY(y);
            r.setWidth(w);
            r.setHeight(h);
        }
    }
}
