package io.layerlab.ui.canvas;

import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.ColorConverter;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;

/**
 * The dotted background grid, in screen space, following the canvas's pan and zoom. It is one
 * image pattern (a tile of 5 × 5 grid cells with a stronger dot every fifth cell) filled over the
 * whole view, so panning costs a single fill. When zoomed out the dots thin out by fives. Dot
 * colours come from CSS ({@code -ll-grid-color}, {@code -ll-grid-major-color}).
 */
final class GridLayer extends Region {
    /** Closest two drawn dots may be on screen before the grid thins out. */
    private static final double MIN_SPACING = 12;

    private final Canvas canvas = new Canvas();
    private final StyleableObjectProperty<Color> dotColor =
            new SimpleStyleableObjectProperty<>(DOT_COLOR, this, "dotColor", Color.gray(0.5, 0.35)) {
                @Override protected void invalidated() { tile = null; requestLayout(); }
            };
    private final StyleableObjectProperty<Color> majorColor =
            new SimpleStyleableObjectProperty<>(MAJOR_COLOR, this, "majorColor", Color.gray(0.5, 0.6)) {
                @Override protected void invalidated() { tile = null; requestLayout(); }
            };
    private double gridSize = GraphCanvas.GRID;
    private double panX;
    private double panY;
    private double zoom = 1;
    private WritableImage tile;
    private double tileSpacing = -1;

    GridLayer() {
        getStyleClass().add("grid");
        setMouseTransparent(true);
        getChildren().add(canvas);
    }

    void setView(double panX, double panY, double zoom) {
        if (panX == this.panX && panY == this.panY && zoom == this.zoom) return;
        this.panX = panX;
        this.panY = panY;
        this.zoom = zoom;
        requestLayout();
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
        if (w <= 0 || h <= 0) return;
        double spacing = gridSize * zoom;
        while (spacing < MIN_SPACING) spacing *= 5;
        if (tile == null || spacing != tileSpacing) {
            tile = makeTile(spacing);
            tileSpacing = spacing;
        }
        double period = 5 * spacing;
        // The pattern repeats every five cells; anchor it so a major dot sits on world (0, 0).
        double ox = floorMod(panX, period) - period;
        double oy = floorMod(panY, period) - period;
        g.setFill(new ImagePattern(tile, ox, oy, period, period, false));
        g.fillRect(0, 0, w, h);
    }

    private WritableImage makeTile(double spacing) {
        int size = Math.max(1, (int) Math.round(5 * spacing));
        WritableImage img = new WritableImage(size, size);
        PixelWriter px = img.getPixelWriter();
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                boolean major = i == 0 && j == 0;
                int cx = (int) Math.round(i * size / 5.0);
                int cy = (int) Math.round(j * size / 5.0);
                dot(px, size, cx, cy, major ? 2 : 1, major ? majorColor.get() : dotColor.get());
            }
        }
        return img;
    }

    /** A small dot centred on a pixel corner, wrapping at the tile's edges so tiles join seamlessly. */
    private static void dot(PixelWriter px, int size, int cx, int cy, int radius, Color color) {
        for (int dx = -radius; dx < radius; dx++) {
            for (int dy = -radius; dy < radius; dy++) {
                // Soften the corners of the larger dot.
                boolean corner = radius > 1 && Math.abs(dx + 0.5) + Math.abs(dy + 0.5) > radius + 0.5;
                Color c = corner ? color.deriveColor(0, 1, 1, 0.4) : color;
                px.setColor(Math.floorMod(cx + dx, size), Math.floorMod(cy + dy, size), c);
            }
        }
    }

    private static double floorMod(double a, double m) {
        double r = a % m;
        return r < 0 ? r + m : r;
    }

    private static final CssMetaData<GridLayer, Color> DOT_COLOR =
            new CssMetaData<>("-ll-grid-color", ColorConverter.getInstance(), Color.gray(0.5, 0.35)) {
                @Override public boolean isSettable(GridLayer n) { return !n.dotColor.isBound(); }
                @Override public StyleableProperty<Color> getStyleableProperty(GridLayer n) { return n.dotColor; }
            };
    private static final CssMetaData<GridLayer, Color> MAJOR_COLOR =
            new CssMetaData<>("-ll-grid-major-color", ColorConverter.getInstance(), Color.gray(0.5, 0.6)) {
                @Override public boolean isSettable(GridLayer n) { return !n.majorColor.isBound(); }
                @Override public StyleableProperty<Color> getStyleableProperty(GridLayer n) { return n.majorColor; }
            };
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;

    static {
        var list = new java.util.ArrayList<>(Region.getClassCssMetaData());
        list.add(DOT_COLOR);
        list.add(MAJOR_COLOR);
        CSS = List.copyOf(list);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() { return CSS; }

    @Override public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() { return CSS; }
}
