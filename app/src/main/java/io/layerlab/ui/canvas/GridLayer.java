package io.layerlab.ui.canvas;

import java.util.List;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.ColorConverter;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.shape.Rectangle;

/**
 * The dotted background grid, in screen space, following the canvas's pan and zoom, with a
 * stronger dot every fifth cell. Each row of dots is one thin rectangle filled with a repeating
 * image (one period of five dots), laid out once per zoom level over the view plus one period
 * (five cells); panning only shifts the rows by whole pixels, so a pan frame lays out nothing.
 * Rows are scene shapes rather than a canvas: the software renderer would clear and copy a
 * view-sized canvas bitmap on every frame that moves the view, which cost it more than the
 * dots themselves; a strip filled with a pattern is drawn straight onto the frame. Filling the
 * whole view with one pattern, or each dot separately, is slower still. When zoomed out the
 * dots thin out by fives. Colours come from CSS ({@code -ll-grid-color}, {@code -ll-grid-major-color}).
 */
final class GridLayer extends Region {
    /** Closest two drawn dots may be on screen before the grid thins out. */
    private static final double MIN_SPACING = 14;
    private static final int DOT = 2;
    /** The widest five cells can be on screen: spacing stays below five times the minimum. */
    private static final double MAX_PERIOD = 5 * 5 * MIN_SPACING;

    /** The rows of dots, top-left on a major dot; moved as one with the pan. */
    private final Group rows = new Group();
    private final StyleableObjectProperty<Color> dotColor =
            new SimpleStyleableObjectProperty<>(DOT_COLOR, this, "dotColor", Color.gray(0.5, 0.35)) {
                @Override protected void invalidated() { redraw(); }
            };
    private final StyleableObjectProperty<Color> majorColor =
            new SimpleStyleableObjectProperty<>(MAJOR_COLOR, this, "majorColor", Color.gray(0.5, 0.6)) {
                @Override protected void invalidated() { redraw(); }
            };
    private double panX;
    private double panY;
    private double zoom = 1;
    private boolean quickZoom;
    /** One period (five dots) of an ordinary row and of a row through major dots. */
    private WritableImage rowTile;
    private WritableImage majorRowTile;
    /** One period of a major row with only its major dot (while quick zooming). */
    private WritableImage majorsOnlyTile;
    private double tileSpacing = -1;
    /** What the rows hold: dots at this spacing over an area of this size; -1 when stale. */
    private double drawnSpacing = -1;
    private boolean drawnQuick;
    private double drawnWidth = -1;
    private double drawnHeight = -1;

    GridLayer() {
        getStyleClass().add("grid");
        setMouseTransparent(true);
        rows.setManaged(false);
        getChildren().add(rows);
    }

    void setView(double panX, double panY, double zoom) {
        if (panX == this.panX && panY == this.panY && zoom == this.zoom) return;
        boolean zoomed = zoom != this.zoom;
        this.panX = panX;
        this.panY = panY;
        this.zoom = zoom;
        if (zoomed) requestLayout();
        else shift();
    }

    /**
     * On while the wheel zooms: only the major dots are drawn (every fifth row, every fifth dot).
     * Drawing all the dots afresh at every step of a zoom costs the software renderer a quarter
     * of the frame; a fifth of the rows costs a fifth of that. Off draws them all again.
     */
    void setQuickZoom(boolean quick) {
        if (quickZoom == quick) return;
        quickZoom = quick;
        requestLayout();
    }

    private void redraw() {
        tileSpacing = -1;
        drawnSpacing = -1;
        requestLayout();
    }

    /** Dots per cell on screen: the grid's cell at this zoom, times five until they are far enough apart. */
    private double spacing() {
        double spacing = GraphCanvas.GRID * zoom;
        while (spacing < MIN_SPACING) spacing *= 5;
        return spacing;
    }

    @Override protected void layoutChildren() {
        double spacing = spacing();
        // One largest period beyond the view whatever the zoom, so a pan never uncovers an edge.
        double w = Math.ceil(getWidth() + MAX_PERIOD);
        double h = Math.ceil(getHeight() + MAX_PERIOD);
        if (spacing != drawnSpacing || quickZoom != drawnQuick || w != drawnWidth || h != drawnHeight) {
            draw(spacing, w, h);
            drawnSpacing = spacing;
            drawnQuick = quickZoom;
            drawnWidth = w;
            drawnHeight = h;
        }
        shift();
    }

    /** Moves the drawn dots with the pan: a major dot on the graph's origin, whole pixels only. */
    private void shift() {
        if (drawnSpacing <= 0) return;
        double period = 5 * drawnSpacing;
        rows.relocate(Math.round(floorMod(panX, period) - period), Math.round(floorMod(panY, period) - period));
    }

    /** Rows of dots from the top-left corner, which holds a major dot. */
    private void draw(double spacing, double w, double h) {
        if (getWidth() <= 0 || getHeight() <= 0) {
            rows.getChildren().clear();
            return;
        }
        if (spacing != tileSpacing) {
            rowTile = makeRow(spacing, false, true);
            majorRowTile = makeRow(spacing, true, true);
            majorsOnlyTile = makeRow(spacing, true, false);
            tileSpacing = spacing;
        }
        double period = 5 * spacing;
        ObservableList<Node> strips = rows.getChildren();
        int used = 0;
        for (long i = 0; ; i += quickZoom ? 5 : 1) {
            double y = Math.round(i * spacing) - DOT / 2.0;
            if (y > h) break;
            boolean major = i % 5 == 0;
            WritableImage tile = quickZoom ? majorsOnlyTile : major ? majorRowTile : rowTile;
            Rectangle strip;
            if (used < strips.size()) {
                strip = (Rectangle) strips.get(used);
            } else {
                strip = new Rectangle();
                strips.add(strip);
            }
            used++;
            strip.setX(0);
            strip.setY(y);
            strip.setWidth(w);
            strip.setHeight(DOT);
            // The pattern is anchored in the strip's coordinates: each strip starts the tile afresh.
            strip.setFill(new ImagePattern(tile, -DOT / 2.0, y, period, DOT, false));
        }
        if (used < strips.size()) strips.remove(used, strips.size());
    }

    /** One period of a row: five dots (or only the first), the first a major one in a major row. */
    private WritableImage makeRow(double spacing, boolean major, boolean minorDots) {
        int width = Math.max(5 * DOT, (int) Math.round(5 * spacing));
        WritableImage img = new WritableImage(width, DOT);
        PixelWriter px = img.getPixelWriter();
        for (int i = 0; i < (minorDots ? 5 : 1); i++) {
            Color c = major && i == 0 ? majorColor.get() : dotColor.get();
            int x = (int) Math.round(i * width / 5.0);
            for (int dx = 0; dx < DOT; dx++) for (int dy = 0; dy < DOT; dy++) px.setColor(Math.min(width - 1, x + dx), dy, c);
        }
        return img;
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
