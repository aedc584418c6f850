package io.layerlab.ui.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.VLineTo;

/**
 * Nodes drawn as plain boxes (a body and a band in the category colour, outlined when selected
 * or in trouble), in graph coordinates, where a card's bitmap is not worth drawing yet: while the
 * wheel zooms, and for the moment a card waits for its turn to be drawn in full after a view
 * change. Boxes cost the software renderer next to nothing at any scale, where a card is texts
 * and rounded borders. All boxes of one colour are one {@link Path}, rebuilt once per layout pass
 * when boxes came or went: a shape per box would add hundreds of scene nodes, and JavaFX visits
 * every scene node, shown or not, on every frame. Colours are the far-out overview's (CSS).
 */
final class SketchLayer extends Group {
    /** The colours boxes are drawn in. */
    interface Palette {
        Color node();
        Color selected();
        Color error();
    }

    private record Box(double x, double y, double w, double h, double band, Color accent, boolean selected, boolean error) { }

    private final Supplier<Palette> palette;
    private final Map<NodeView, Box> boxes = new LinkedHashMap<>();
    private final Path bodies = new Path();
    private final Path selectedOutlines = new Path();
    private final Path errorOutlines = new Path();
    private final Map<Color, Path> bands = new HashMap<>();
    private boolean stale;

    SketchLayer(Supplier<Palette> palette) {
        this.palette = palette;
        getStyleClass().add("sketch-layer");
        setMouseTransparent(true);
        bodies.setStroke(null);
        for (Path p : List.of(selectedOutlines, errorOutlines)) {
            p.setFill(null);
            p.setStrokeWidth(2);
        }
        getChildren().addAll(bodies, selectedOutlines, errorOutlines);
    }

    /** Shows the node as a box where it is now, or hides its box. */
    void show(NodeView view, boolean sketched) {
        if (!sketched) {
            if (boxes.remove(view) != null) changed();
            return;
        }
        Box box = new Box(view.getLayoutX(), view.getLayoutY(), Math.max(1, view.getWidth()), Math.max(1, view.getHeight()),
                Math.max(1, view.accentBand()), view.accent(), view.isSelected(), view.hasError());
        if (!box.equals(boxes.put(view, box))) changed();
    }

    /** Forgets the box of a node that left the graph. */
    void remove(NodeView view) { show(view, false); }

    void clear() {
        if (boxes.isEmpty()) return;
        boxes.clear();
        changed();
    }

    /** How many nodes are drawn as boxes now. */
    int shownCount() { return boxes.size(); }

    boolean isSketched(NodeView view) { return boxes.containsKey(view); }

    private void changed() {
        if (!stale) {
            stale = true;
            requestLayout();
        }
    }

    @Override protected void layoutChildren() {
        super.layoutChildren();
        if (stale) redraw();
    }

    private void redraw() {
        stale = false;
        Palette p = palette.get();
        List<PathElement> body = new ArrayList<>();
        List<PathElement> selected = new ArrayList<>();
        List<PathElement> error = new ArrayList<>();
        Map<Color, List<PathElement>> byAccent = new HashMap<>();
        for (Box b : boxes.values()) {
            rectangle(body, b.x, b.y, b.w, b.h);
            rectangle(byAccent.computeIfAbsent(b.accent, c -> new ArrayList<>()), b.x, b.y, b.w, Math.min(b.h, b.band));
            if (b.selected) rectangle(selected, b.x - 1, b.y - 1, b.w + 2, b.h + 2);
            else if (b.error) rectangle(error, b.x - 1, b.y - 1, b.w + 2, b.h + 2);
        }
        bodies.setFill(p.node());
        bodies.getElements().setAll(body);
        selectedOutlines.setStroke(p.selected());
        selectedOutlines.getElements().setAll(selected);
        errorOutlines.setStroke(p.error());
        errorOutlines.getElements().setAll(error);
        bands.entrySet().removeIf(e -> {
            if (byAccent.containsKey(e.getKey())) return false;
            getChildren().remove(e.getValue());
            return true;
        });
        byAccent.forEach((colour, elements) -> bands.computeIfAbsent(colour, c -> {
            Path band = new Path();
            band.setFill(c);
            band.setStroke(null);
            // Bands above the bodies, outlines above everything.
            getChildren().add(getChildren().indexOf(selectedOutlines), band);
            return band;
        }).getElements().setAll(elements));
    }

    private static void rectangle(List<PathElement> into, double x, double y, double w, double h) {
        into.add(new MoveTo(x, y));
        into.add(new HLineTo(x + w));
        into.add(new VLineTo(y + h));
        into.add(new HLineTo(x));
        into.add(new ClosePath());
    }
}
