package io.layerlab.ui.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.ColorConverter;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The graph drawn as simple shapes when zoomed far out, instead of the node and wire views: at
 * that size no text is readable, and a few hundred cards cost far more to draw than plain
 * rectangles. Nodes are boxes with a band in their category colour, outlined when selected or
 * in trouble; wires are one path of curves. Screen space; redrawn at most once per pulse.
 * Colours from CSS ({@code -ll-node-color}, {@code -ll-wire-color}, {@code -ll-selected-color},
 * {@code -ll-error-color}).
 */
final class OverviewLayer extends Region {
    /** What to draw, in canvas (screen) coordinates. */
    interface Source {
        void forEachNode(NodeSink sink);
        void forEachWire(WireSink sink);
    }

    @FunctionalInterface
    interface NodeSink { void node(double x, double y, double w, double h, double band, Color accent, boolean selected, boolean error); }

    @FunctionalInterface
    interface WireSink { void wire(double x0, double y0, double c1x, double c1y, double c2x, double c2y, double x1, double y1); }

    private final Canvas canvas = new Canvas();
    private final Source source;
    private final StyleableObjectProperty<Color> nodeColor = colour(NODE_COLOR, "nodeColor");
    private final StyleableObjectProperty<Color> wireColor = colour(WIRE_COLOR, "wireColor");
    private final StyleableObjectProperty<Color> selectedColor = colour(SELECTED_COLOR, "selectedColor");
    private final StyleableObjectProperty<Color> errorColor = colour(ERROR_COLOR, "errorColor");

    OverviewLayer(Source source) {
        this.source = source;
        getStyleClass().add("overview");
        setMouseTransparent(true);
        getChildren().add(canvas);
    }

    /** Draws again at the next layout pass. */
    void refresh() {
        if (isVisible()) requestLayout();
    }

    @Override protected void layoutChildren() {
        double w = Math.ceil(getWidth());
        double h = Math.ceil(getHeight());
        if (canvas.getWidth() != w) canvas.setWidth(w);
        if (canvas.getHeight() != h) canvas.setHeight(h);
        draw(w, h);
    }

    private void draw(double w, double h) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (!isVisible()) return;
        g.beginPath();
        source.forEachWire((x0, y0, c1x, c1y, c2x, c2y, x1, y1) -> {
            if (Math.max(Math.max(x0, x1), c1x) < 0 || Math.min(Math.min(x0, x1), c2x) > w
                    || Math.max(y0, y1) < 0 || Math.min(y0, y1) > h) return;
            g.moveTo(x0, y0);
            g.bezierCurveTo(c1x, c1y, c2x, c2y, x1, y1);
        });
        g.setStroke(wireColor.get());
        g.setLineWidth(1);
        g.stroke();
        List<double[]> outlines = new ArrayList<>();
        List<Color> outlineColors = new ArrayList<>();
        source.forEachNode((x, y, nw, nh, band, accent, selected, error) -> {
            if (x + nw < 0 || y + nh < 0 || x > w || y > h) return;
            g.setFill(nodeColor.get());
            g.fillRect(x, y, nw, nh);
            g.setFill(accent);
            g.fillRect(x, y, nw, Math.min(nh, Math.max(1, band)));
            if (selected || error) {
                outlines.add(new double[] {x, y, nw, nh});
                outlineColors.add(selected ? selectedColor.get() : errorColor.get());
            }
        });
        g.setLineWidth(2);
        for (int i = 0; i < outlines.size(); i++) {
            double[] r = outlines.get(i);
            g.setStroke(outlineColors.get(i));
            g.strokeRect(r[0] - 1, r[1] - 1, r[2] + 2, r[3] + 2);
        }
    }

    private StyleableObjectProperty<Color> colour(CssMetaData<OverviewLayer, Color> meta, String name) {
        return new SimpleStyleableObjectProperty<>(meta, this, name, meta.getInitialValue(this)) {
            @Override protected void invalidated() { refresh(); }
        };
    }

    private static CssMetaData<OverviewLayer, Color> meta(String property, Color initial,
                                                          Function<OverviewLayer, StyleableObjectProperty<Color>> prop) {
        return new CssMetaData<>(property, ColorConverter.getInstance(), initial) {
            @Override public boolean isSettable(OverviewLayer n) { return !prop.apply(n).isBound(); }
            @Override public StyleableProperty<Color> getStyleableProperty(OverviewLayer n) { return prop.apply(n); }
        };
    }

    private static final CssMetaData<OverviewLayer, Color> NODE_COLOR = meta("-ll-node-color", Color.WHITE, n -> n.nodeColor);
    private static final CssMetaData<OverviewLayer, Color> WIRE_COLOR = meta("-ll-wire-color", Color.GRAY, n -> n.wireColor);
    private static final CssMetaData<OverviewLayer, Color> SELECTED_COLOR = meta("-ll-selected-color", Color.DODGERBLUE, n -> n.selectedColor);
    private static final CssMetaData<OverviewLayer, Color> ERROR_COLOR = meta("-ll-error-color", Color.CRIMSON, n -> n.errorColor);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;

    static {
        List<CssMetaData<? extends Styleable, ?>> list = new ArrayList<>(Region.getClassCssMetaData());
        list.add(NODE_COLOR);
        list.add(WIRE_COLOR);
        list.add(SELECTED_COLOR);
        list.add(ERROR_COLOR);
        CSS = List.copyOf(list);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() { return CSS; }

    @Override public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() { return CSS; }
}
