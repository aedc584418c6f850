package io.layerlab.ui.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.ColorConverter;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * An overview of the whole graph in a corner of the canvas, with the visible part outlined.
 * Clicking or dragging in it moves the view there. Two small canvases: the nodes, redrawn only
 * when the graph or the selection changes, and the outline of the view, redrawn when panning or
 * zooming. The rounded frame is a bitmap of its own: the software renderer would otherwise scale
 * its nine slices afresh on every frame that moves the view. Colours from CSS
 * ({@code -ll-node-color}, {@code -ll-selected-color}, {@code -ll-viewport-color}).
 */
final class Minimap extends Region {
    static final double WIDTH = 200;
    static final double HEIGHT = 130;

    /** What the minimap draws: node rectangles (world), which are selected, and the view (world). */
    interface Source {
        void forEachNode(NodeSink sink);
        Bounds visibleWorld();
    }

    @FunctionalInterface
    interface NodeSink { void node(double x, double y, double w, double h, boolean selected); }

    private final Region frame = new Region();
    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);
    private final Canvas viewCanvas = new Canvas(WIDTH, HEIGHT);
    private boolean nodesStale = true;
    private final Source source;
    private final Consumer<Point2D> centreOn;
    private final StyleableObjectProperty<Color> nodeColor = colour(NODE_COLOR, "nodeColor");
    private final StyleableObjectProperty<Color> selectedColor = colour(SELECTED_COLOR, "selectedColor");
    private final StyleableObjectProperty<Color> viewportColor = colour(VIEWPORT_COLOR, "viewportColor");
    private double scale;
    private double offsetX;
    private double offsetY;

    /** @param centreOn moves the view so this world point is in its middle */
    Minimap(Source source, Consumer<Point2D> centreOn) {
        this.source = source;
        this.centreOn = centreOn;
        getStyleClass().add("minimap");
        frame.getStyleClass().add("minimap-frame");
        frame.setManaged(false);
        frame.setCache(true);
        getChildren().addAll(frame, canvas, viewCanvas);
        setMinSize(WIDTH, HEIGHT);
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::steer);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::steer);
        addEventHandler(MouseEvent.ANY, MouseEvent::consume);
    }

    /** Draws the nodes again at the next layout pass (the graph or the selection changed). */
    void refreshNodes() {
        nodesStale = true;
        requestLayout();
    }

    /** Draws the view's outline again at the next layout pass (panned or zoomed). */
    void refreshView() { requestLayout(); }

    @Override protected void layoutChildren() {
        frame.resizeRelocate(0, 0, getWidth(), getHeight());
        Insets in = getInsets();
        double w = Math.max(1, getWidth() - in.getLeft() - in.getRight());
        double h = Math.max(1, getHeight() - in.getTop() - in.getBottom());
        for (Canvas c : List.of(canvas, viewCanvas)) {
            c.relocate(in.getLeft(), in.getTop());
            if (c.getWidth() != w || c.getHeight() != h) {
                c.setWidth(w);
                c.setHeight(h);
                nodesStale = true;
            }
        }
        if (nodesStale) drawNodes();
        drawView();
    }

    /** The nodes, scaled so the whole graph fits. */
    private void drawNodes() {
        nodesStale = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        List<double[]> rects = new ArrayList<>();
        double[] extent = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        source.forEachNode((x, y, nw, nh, sel) -> {
            rects.add(new double[] {x, y, nw, nh, sel ? 1 : 0});
            grow(extent, x, y, x + nw, y + nh);
        });
        double ew = extent[2] - extent[0];
        double eh = extent[3] - extent[1];
        if (!(ew > 0 && eh > 0)) return;
        scale = Math.min(w / ew, h / eh) * 0.94;
        offsetX = (w - ew * scale) / 2 - extent[0] * scale;
        offsetY = (h - eh * scale) / 2 - extent[1] * scale;
        for (double[] r : rects) {
            g.setFill(r[4] > 0 ? selectedColor.get() : nodeColor.get());
            g.fillRect(offsetX + r[0] * scale, offsetY + r[1] * scale, Math.max(1.5, r[2] * scale), Math.max(1.5, r[3] * scale));
        }
    }

    /** The outline of what the canvas shows. */
    private void drawView() {
        GraphicsContext g = viewCanvas.getGraphicsContext2D();
        g.clearRect(0, 0, viewCanvas.getWidth(), viewCanvas.getHeight());
        if (scale <= 0) return;
        Bounds view = source.visibleWorld();
        g.setStroke(viewportColor.get());
        g.setLineWidth(1.5);
        g.strokeRect(offsetX + view.getMinX() * scale, offsetY + view.getMinY() * scale, view.getWidth() * scale, view.getHeight() * scale);
    }

    private static void grow(double[] e, double x0, double y0, double x1, double y1) {
        e[0] = Math.min(e[0], x0);
        e[1] = Math.min(e[1], y0);
        e[2] = Math.max(e[2], x1);
        e[3] = Math.max(e[3], y1);
    }

    private void steer(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || scale <= 0) return;
        Point2D p = canvas.parentToLocal(e.getX(), e.getY());
        centreOn.accept(new Point2D((p.getX() - offsetX) / scale, (p.getY() - offsetY) / scale));
    }

    /** The world rectangle the minimap currently covers (for tests and for clicking). */
    Bounds mappedWorld() {
        return new BoundingBox(-offsetX / scale, -offsetY / scale, canvas.getWidth() / scale, canvas.getHeight() / scale);
    }

    private StyleableObjectProperty<Color> colour(CssMetaData<Minimap, Color> meta, String name) {
        return new SimpleStyleableObjectProperty<>(meta, this, name, meta.getInitialValue(this)) {
            @Override protected void invalidated() { refreshNodes(); }
        };
    }

    private static CssMetaData<Minimap, Color> meta(String property, Color initial, java.util.function.Function<Minimap, StyleableObjectProperty<Color>> prop) {
        return new CssMetaData<>(property, ColorConverter.getInstance(), initial) {
            @Override public boolean isSettable(Minimap n) { return !prop.apply(n).isBound(); }
            @Override public StyleableProperty<Color> getStyleableProperty(Minimap n) { return prop.apply(n); }
        };
    }

    private static final CssMetaData<Minimap, Color> NODE_COLOR = meta("-ll-node-color", Color.gray(0.5, 0.7), n -> n.nodeColor);
    private static final CssMetaData<Minimap, Color> SELECTED_COLOR = meta("-ll-selected-color", Color.DODGERBLUE, n -> n.selectedColor);
    private static final CssMetaData<Minimap, Color> VIEWPORT_COLOR = meta("-ll-viewport-color", Color.DODGERBLUE, n -> n.viewportColor);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;

    static {
        List<CssMetaData<? extends Styleable, ?>> list = new ArrayList<>(Region.getClassCssMetaData());
        list.add(NODE_COLOR);
        list.add(SELECTED_COLOR);
        list.add(VIEWPORT_COLOR);
        CSS = List.copyOf(list);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() { return CSS; }

    @Override public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() { return CSS; }
}
