package io.layerlab.ui.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.ColorConverter;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * The graph drawn as simple shapes when zoomed far out, instead of the node and wire views: at
 * that size no text is readable, and a few hundred cards cost far more to draw than plain
 * rectangles. Nodes are boxes with a band in their category colour, outlined when selected or
 * in trouble, and named by their id in small type where the box has room for it (so that a
 * graph fitted to a wide window, a CNN in the dashboard's strip, still says which box is which);
 * wires are one path of curves. Once the zoom settles, the whole graph is drawn once
 * (and again per change of graph or selection) on a canvas the size of the zoomed graph, and
 * panning only moves that canvas by whole pixels. A graph too large for one such picture is
 * drawn in screen space instead, only what is in view, again on every pan. While the wheel zooms
 * the same shapes are scene shapes in graph coordinates ({@link QuickSketch}) that only change
 * scale: drawing a canvas afresh at every step would cost the software renderer a clear and a
 * copy of a view-sized bitmap per frame, more than the shapes themselves. Colours from CSS
 * ({@code -ll-node-color}, {@code -ll-wire-color}, {@code -ll-selected-color},
 * {@code -ll-error-color}).
 */
final class OverviewLayer extends Region implements SketchLayer.Palette {
    /** What to draw, in graph coordinates. */
    interface Source {
        void forEachNode(NodeSink sink);
        void forEachWire(WireSink sink);
    }

    @FunctionalInterface
    interface NodeSink {
        /**
         * @param gauges the node's training gauges, or null
         * @param caption what the box is called where there is room (the node's id)
         */
        void node(double x, double y, double w, double h, double band, Color accent, boolean selected, boolean error, LayerGauges gauges,
                  String caption);
    }

    @FunctionalInterface
    interface WireSink { void wire(double x0, double y0, double c1x, double c1y, double c2x, double c2y, double x1, double y1); }

    /** Largest picture of the whole graph, per side and in pixels; beyond it, only the view is drawn. */
    private static final double MAX_SIDE = 4096;
    private static final double MAX_PIXELS = 6_000_000;
    /** Room around the picture for the selection outlines. */
    private static final double PAD = 4;
    private static final Duration SKETCH_AHEAD = Duration.millis(400);
    /** Pixels between a node's gauge bars. */
    private static final double GAUGE_GAP = 2;
    /** The captions' type, in screen pixels whatever the zoom. */
    private static final Font CAPTION_FONT = Font.font(10);
    /** A generous width of one of the captions' characters, to cut a caption to its box without measuring it. */
    private static final double CAPTION_CHAR_WIDTH = 6.2;
    /** Boxes smaller than this (screen pixels) go without a caption: a few letters would say nothing. */
    private static final double CAPTION_LEAST_WIDTH = 30;
    private static final double CAPTION_LEAST_HEIGHT = 16;

    private final Canvas canvas = new Canvas();
    private final QuickSketch sketch = new QuickSketch();
    /** Builds the quick sketch a moment after the graph last changed, so a wheel zoom starts without building it. */
    private final PauseTransition sketchAhead = new PauseTransition(SKETCH_AHEAD);
    private final Source source;
    private final StyleableObjectProperty<Color> nodeColor = colour(NODE_COLOR, "nodeColor");
    private final StyleableObjectProperty<Color> wireColor = colour(WIRE_COLOR, "wireColor");
    private final StyleableObjectProperty<Color> selectedColor = colour(SELECTED_COLOR, "selectedColor");
    private final StyleableObjectProperty<Color> errorColor = colour(ERROR_COLOR, "errorColor");
    private final StyleableObjectProperty<Color> captionColor = colour(CAPTION_COLOR, "captionColor");
    private final StyleableObjectProperty<Color> gaugeTrackColor = colour(GAUGE_TRACK_COLOR, "gaugeTrackColor");
    private final StyleableObjectProperty<Color> gaugeHealthyColor = colour(GAUGE_HEALTHY_COLOR, "gaugeHealthyColor");
    private final StyleableObjectProperty<Color> gaugeCautionColor = colour(GAUGE_CAUTION_COLOR, "gaugeCautionColor");
    private final StyleableObjectProperty<Color> gaugeWarningColor = colour(GAUGE_WARNING_COLOR, "gaugeWarningColor");
    private double panX;
    private double panY;
    private double zoom = 1;
    private boolean stale = true;
    private boolean quickZoom;
    /** The canvas zoom the picture was last drawn for. */
    private double settledZoom = -1;
    /** Whether the canvas holds the whole graph (moved when panning) rather than just the view. */
    private boolean whole;
    /** The graph's bounds as last measured (empty: nothing to draw); null when stale. */
    private double[] extent;
    /** Graph point drawn at the canvas's top-left corner (plus {@link #PAD}), for a whole picture. */
    private double originX;
    private double originY;

    OverviewLayer(Source source) {
        this.source = source;
        getStyleClass().add("overview");
        setMouseTransparent(true);
        sketch.setVisible(false);
        getChildren().addAll(canvas, sketch);
        sketchAhead.setOnFinished(e -> {
            if (!quickZoom) sketch.update(source, this, wireColor.get());
        });
    }

    /** The graph or the selection changed: draws again at the next layout pass. */
    void refresh() {
        stale = true;
        extent = null;
        sketch.invalidate();
        sketchAhead.playFromStart();
        if (isVisible()) requestLayout();
    }

    /**
     * Follows the canvas's pan and zoom; a pan alone only moves a picture of the whole graph.
     * While zooming quickly (the wheel) the quick sketch only changes scale: a new picture per
     * step would cost a new bitmap each time, and scaling one is slower still in the software
     * renderer. The picture returns when {@link #setQuickZoom quick zooming} ends.
     */
    void setView(double panX, double panY, double zoom) {
        if (panX == this.panX && panY == this.panY && zoom == this.zoom) return;
        if (!whole || zoom != settledZoom) stale = true;
        this.panX = panX;
        this.panY = panY;
        this.zoom = zoom;
        if (quickZoom && sketch.isVisible()) {
            sketch.setView(panX, panY, zoom);
        } else if (stale) {
            if (isVisible()) requestLayout();
        } else {
            place();
        }
    }

    /**
     * The nodes' gauges changed (a new statistics sample while a run trains): only the picture is
     * drawn again, at the next layout pass and only while the overview shows. The graph's bounds
     * and the quick sketch, which show no gauges, stay.
     */
    void gaugesChanged() {
        stale = true;
        if (isVisible()) requestLayout();
    }

    /** On while the wheel zooms; off draws the whole picture again at the zoom reached. */
    void setQuickZoom(boolean quick) {
        if (quickZoom == quick) return;
        quickZoom = quick;
        // Either way the picture no longer matches; the graph (and so the sketch) has not changed.
        stale = true;
        if (isVisible()) requestLayout();
    }

    @Override public Color node() { return nodeColor.get(); }

    @Override public Color selected() { return selectedColor.get(); }

    @Override public Color error() { return errorColor.get(); }

    /** The colour a gauge bar at this level is filled with. */
    Color gaugeColour(LayerGauges.Level level) {
        return switch (level) {
            case HEALTHY -> gaugeHealthyColor.get();
            case CAUTION -> gaugeCautionColor.get();
            case WARNING -> gaugeWarningColor.get();
        };
    }

    /** The shapes shown while the wheel zooms far out (for tests). */
    QuickSketch quickSketch() { return sketch; }

    /** Whether the settled picture (a canvas) is on show, rather than the quick sketch. */
    boolean showsPicture() { return canvas.isVisible(); }

    /** Whether the last picture holds the whole graph (and panning only moves it). */
    boolean drawsWholeGraph() { return whole; }

    @Override protected void layoutChildren() {
        if (!isVisible()) return;
        if (quickZoom) {
            if (canvas.isVisible()) canvas.setVisible(false);
            if (!sketch.isVisible()) sketch.setVisible(true);
            sketch.update(source, this, wireColor.get());
            sketch.setView(panX, panY, zoom);
            return;
        }
        if (sketch.isVisible()) sketch.setVisible(false);
        if (!canvas.isVisible()) canvas.setVisible(true);
        if (!whole && (canvas.getWidth() != Math.ceil(getWidth()) || canvas.getHeight() != Math.ceil(getHeight()))) stale = true;
        if (stale) draw();
        place();
    }

    private void place() {
        if (whole) {
            canvas.relocate(Math.round(panX + originX * zoom - PAD), Math.round(panY + originY * zoom - PAD));
        } else {
            canvas.relocate(0, 0);
        }
    }

    private void draw() {
        stale = false;
        settledZoom = zoom;
        double[] extent = extent();
        double gw = extent == null ? 0 : extent[2] - extent[0];
        double gh = extent == null ? 0 : extent[3] - extent[1];
        double pw = Math.ceil(gw * zoom + 2 * PAD);
        double ph = Math.ceil(gh * zoom + 2 * PAD);
        whole = extent != null && pw <= MAX_SIDE && ph <= MAX_SIDE && pw * ph <= MAX_PIXELS;
        double w;
        double h;
        double ox;
        double oy;
        if (whole) {
            originX = extent[0];
            originY = extent[1];
            w = pw;
            h = ph;
            ox = PAD - originX * zoom;
            oy = PAD - originY * zoom;
        } else {
            w = Math.ceil(getWidth());
            h = Math.ceil(getHeight());
            ox = panX;
            oy = panY;
        }
        if (canvas.getWidth() != w) canvas.setWidth(w);
        if (canvas.getHeight() != h) canvas.setHeight(h);
        paint(w, h, ox, oy, zoom);
    }

    /** The graph's bounds (nodes and wires), or null when there is nothing to draw. */
    private double[] extent() {
        // Kept between zoom steps: only a change of the graph (refresh) moves its bounds.
        if (extent == null) extent = measureExtent();
        return extent.length == 0 ? null : extent;
    }

    private double[] measureExtent() {
        double[] e = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        source.forEachNode((x, y, nw, nh, band, accent, selected, error, gauges, caption) -> grow(e, x, y, x + nw, y + nh));
        source.forEachWire((x0, y0, c1x, c1y, c2x, c2y, x1, y1) -> {
            grow(e, Math.min(x0, c2x), Math.min(y0, y1), Math.max(x1, c1x), Math.max(y0, y1));
        });
        return e[0] <= e[2] ? e : new double[0];
    }

    private static void grow(double[] e, double x0, double y0, double x1, double y1) {
        e[0] = Math.min(e[0], x0);
        e[1] = Math.min(e[1], y0);
        e[2] = Math.max(e[2], x1);
        e[3] = Math.max(e[3], y1);
    }

    /** Draws what meets a w × h canvas, where graph point (x, y) lands at (ox + x z, oy + y z). */
    private void paint(double w, double h, double ox, double oy, double z) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.beginPath();
        source.forEachWire((wx0, wy0, wc1x, wc1y, wc2x, wc2y, wx1, wy1) -> {
            double x0 = ox + wx0 * z, y0 = oy + wy0 * z, x1 = ox + wx1 * z, y1 = oy + wy1 * z;
            double c1x = ox + wc1x * z, c2x = ox + wc2x * z;
            if (Math.max(Math.max(x0, x1), c1x) < 0 || Math.min(Math.min(x0, x1), c2x) > w
                    || Math.max(y0, y1) < 0 || Math.min(y0, y1) > h) return;
            g.moveTo(x0, y0);
            g.bezierCurveTo(c1x, oy + wc1y * z, c2x, oy + wc2y * z, x1, y1);
        });
        g.setStroke(wireColor.get());
        g.setLineWidth(1);
        g.stroke();
        List<double[]> outlines = new ArrayList<>();
        List<Color> outlineColors = new ArrayList<>();
        g.setFont(CAPTION_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        source.forEachNode((wx, wy, ww, wh, band, accent, selected, error, gauges, caption) -> {
            double x = ox + wx * z, y = oy + wy * z, nw = ww * z, nh = wh * z;
            if (x + nw < 0 || y + nh < 0 || x > w || y > h) return;
            g.setFill(nodeColor.get());
            g.fillRect(x, y, nw, nh);
            double bandHeight = Math.min(nh, Math.max(1, band * z));
            g.setFill(accent);
            g.fillRect(x, y, nw, bandHeight);
            if (gauges != null) paintGauges(g, gauges, x, y, nw, nh);
            String shown = fitted(caption, nw, nh);
            if (shown != null) {
                g.setFill(captionColor.get());
                // Between the band and where the gauges' row is (or would be): a row of boxes reads level.
                g.fillText(shown, x + nw / 2, (y + bandHeight + gaugeTop(y, nh)) / 2);
            }
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

    /** {@code caption} cut to a box this size (with an ellipsis), or null where the box has no room for a caption. */
    static String fitted(String caption, double boxWidth, double boxHeight) {
        if (caption == null || caption.isEmpty() || boxWidth < CAPTION_LEAST_WIDTH || boxHeight < CAPTION_LEAST_HEIGHT) return null;
        int room = (int) ((boxWidth - 4) / CAPTION_CHAR_WIDTH);
        if (caption.length() <= room) return caption;
        return room < 3 ? null : caption.substring(0, room - 1) + "…";
    }

    /** The node's gauges as a row of bars along its bottom: a track each, filled in its level's colour. */
    private void paintGauges(GraphicsContext g, LayerGauges gauges, double x, double y, double nw, double nh) {
        int count = gauges.gauges().size();
        if (count == 0) return;
        double pad = Math.max(2, nw * 0.08);
        double bar = gaugeBar(nh);
        double segment = (nw - 2 * pad - (count - 1) * GAUGE_GAP) / count;
        if (segment < 4 || nh < 12) return; // too small to tell a bar from a speck
        double top = gaugeTop(y, nh);
        for (int i = 0; i < count; i++) {
            LayerGauges.Gauge gauge = gauges.gauges().get(i);
            double left = x + pad + i * (segment + GAUGE_GAP);
            g.setFill(gaugeTrackColor.get());
            g.fillRect(left, top, segment, bar);
            g.setFill(gaugeColour(gauge.level()));
            g.fillRect(left, top, segment * Math.max(0.08, Math.min(1, gauge.fill())), bar);
        }
    }

    /** The height of a box's gauge bars. */
    private static double gaugeBar(double nh) {
        return Math.max(2, Math.min(4, nh * 0.12));
    }

    /** Where the gauges' row starts in a box at {@code y}, {@code nh} high. */
    private static double gaugeTop(double y, double nh) {
        return y + nh - gaugeBar(nh) - Math.max(2, nh * 0.1);
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
    private static final CssMetaData<OverviewLayer, Color> CAPTION_COLOR = meta("-ll-caption-color", Color.gray(0.3), n -> n.captionColor);
    private static final CssMetaData<OverviewLayer, Color> GAUGE_TRACK_COLOR = meta("-ll-gauge-track-color", Color.LIGHTGRAY, n -> n.gaugeTrackColor);
    private static final CssMetaData<OverviewLayer, Color> GAUGE_HEALTHY_COLOR = meta("-ll-gauge-healthy-color", Color.SEAGREEN, n -> n.gaugeHealthyColor);
    private static final CssMetaData<OverviewLayer, Color> GAUGE_CAUTION_COLOR = meta("-ll-gauge-caution-color", Color.ORANGE, n -> n.gaugeCautionColor);
    private static final CssMetaData<OverviewLayer, Color> GAUGE_WARNING_COLOR = meta("-ll-gauge-warning-color", Color.CRIMSON, n -> n.gaugeWarningColor);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;

    static {
        List<CssMetaData<? extends Styleable, ?>> list = new ArrayList<>(Region.getClassCssMetaData());
        list.add(NODE_COLOR);
        list.add(WIRE_COLOR);
        list.add(SELECTED_COLOR);
        list.add(ERROR_COLOR);
        list.add(CAPTION_COLOR);
        list.add(GAUGE_TRACK_COLOR);
        list.add(GAUGE_HEALTHY_COLOR);
        list.add(GAUGE_CAUTION_COLOR);
        list.add(GAUGE_WARNING_COLOR);
        CSS = List.copyOf(list);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() { return CSS; }

    @Override public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() { return CSS; }
}
