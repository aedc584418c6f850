package io.layerlab.ui.training;

import io.layerlab.ui.support.AxisTicks;
import io.layerlab.ui.support.ChartPalette;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A line chart drawn on a {@link Canvas}: any number of curves, each decimated to the pixels it
 * covers (see {@link Decimator}), so 100,000 points per curve and ten curves redraw in a few
 * milliseconds. Zoom with the mouse wheel (shift: x only, ctrl: y only), pan by dragging, double-click
 * to fit the data again. A logarithmic y axis on request.
 *
 * <p>The chart paints only when what it shows changed: {@link #setSeries} compares the curves with
 * those painted, and {@link #redraw()} (data arrived, zoom, pan, theme) marks the chart dirty and
 * paints once at a coming pulse, however many requests came in between, taking turns with the
 * charts shown beside it (see {@link PaintTurns}); a resize paints at once, in the layout pass. Decimated curves are kept per curve and extended as points arrive.
 *
 * <p>A canvas keeps what was drawn on it, so when curves only grew inside the window drawn last
 * (same axes, size and colours), a paint repaints just the strip from the last point drawn (or the
 * leftmost mark that came or went) to the right edge: its background, grid lines, the curves' new
 * segments and the marks there. While a run trains the axes end on round values ahead of the data (see {@link #setGrowing}),
 * so most paints during a run are such strips and only a change of axes repaints the whole chart.
 *
 * <p>Two layers, one above the other: a canvas with the settled curves, the background, grid and
 * frame, and above it the live curves (a training run's, see {@link Series#live}) and the marks, on a
 * transparent row of narrow canvases ({@link CanvasTiles}) that covers only the plot (and what marks
 * reach beyond it). Each layer is painted whole or in strips on its own, so a run's growth, start and
 * end repaint the live layer and leave the other curves as they are (ten overlaid runs to the right of
 * the live curve made every strip as dear as a whole paint); only a change of axes, size or look paints
 * both whole. On the live layer a strip, or a whole paint, draws only the tiles it reaches: JavaFX
 * repaints the whole of a canvas drawn on, and all under it.
 */
final class ChartView extends Region {
    /**
     * One curve. {@code autoRangeBefore}: points at or beyond this x do not widen the y range (a
     * diverged tail). {@code smooth}: the curve has no spikes to keep (a moving average), so a point
     * per two pixels draws it as well as one per pixel, at half the segments to stroke (ten overlaid
     * runs' smoothed losses were the dearest whole repaint of the dashboard). {@code live}: the curve
     * changes while the others stay (a training run's), and is drawn on a layer of its own above them.
     */
    record Series(String key, SeriesData data, Color colour, double width, double opacity, boolean dashed,
                  double autoRangeBefore, boolean smooth, boolean live) {
        Series(String key, SeriesData data, Color colour, double width, double opacity, boolean dashed) {
            this(key, data, colour, width, opacity, dashed, Double.POSITIVE_INFINITY, false, false);
        }

        Series(String key, SeriesData data, Color colour, double width, double opacity, boolean dashed, double autoRangeBefore) {
            this(key, data, colour, width, opacity, dashed, autoRangeBefore, false, false);
        }

        /** This curve, drawn as a smooth one (see the class comment). */
        Series asSmooth() {
            return new Series(key, data, colour, width, opacity, dashed, autoRangeBefore, true, live);
        }

        /** This curve, drawn on the live layer (see the class comment). */
        Series asLive() {
            return new Series(key, data, colour, width, opacity, dashed, autoRangeBefore, smooth, true);
        }
    }

    /** Something pointed out on the chart. */
    sealed interface Mark permits VerticalLine, Dot {
    }

    /**
     * A vertical line across the plot at {@code x}, labelled at its top (or its foot, where curves run
     * high), beside the line where the label fits; {@code shortLabel} where neither side has room for
     * {@code label} (a small chart).
     */
    record VerticalLine(double x, String label, String shortLabel, Color colour, boolean dashed, boolean labelAtFoot) implements Mark {
        VerticalLine(double x, String label, Color colour, boolean dashed) {
            this(x, label, label, colour, dashed, false);
        }
    }

    /** Where a vertical line's label goes: its text, on which side of the line, how wide. */
    private record LabelPlace(String text, boolean leftOfLine, double width) {
    }

    /** A round marker at a point; drawn at the plot's edge, pointing out, when the point lies beyond it. */
    record Dot(double x, double y, Color colour, boolean hollow) implements Mark {
    }

    private static final double LEFT = 58;
    /** Between a vertical line and its label. */
    private static final double LABEL_GAP = 4;
    private static final double RIGHT = 16;
    private static final double TOP = 12;
    /** Room for the x tick labels; the x axis's title shares their row, in the corner under the y labels. */
    private static final double BOTTOM = 20;
    private static final Font TICK_FONT = Font.font(11);
    private static final Font LABEL_FONT = Font.font(11.5);
    private static final double[] SERIES_DASHES = {6, 4};
    private static final double[] MARK_DASHES = {4, 3};
    /** While curves grow, the x axis ends at least this much beyond the data, so it need not move at every paint. */
    private static final double GROWING_HEADROOM = 1.15;
    /** A strip repaint starts this many pixels left of the last point drawn: wide lines, round caps and dots reach that far. */
    private static final double STRIP_MARGIN = 4;
    /** How many curves' decimators are kept, shown or not (see {@link #decimators}). */
    private static final int KEPT_DECIMATORS = 64;
    /** Numbers per column in {@link #band}. */
    private static final int BAND_FIELDS = 4;
    /** How far a mark's line reaches above and below the plot (its caps), in pixels. */
    private static final double MARK_OVERHANG = 2;
    /** How far left of the plot a mark reaches: a dot (radius 4, stroke 1.6) centred up to 1 pixel left of it. */
    private static final double MARK_LEFT_REACH = 6;
    /** Where the live layer's canvas starts: it covers only the plot, and what marks reach beyond it. */
    private static final double LIVE_X = LEFT - MARK_LEFT_REACH;
    private static final double LIVE_Y = TOP - MARK_OVERHANG;

    /** The whole-paint reason when only the curves shown differ (same size, looks and axes). */
    private static final String CURVES_CHANGED = "curves came or went";

    /** How a curve looks, apart from its points: two paints may join only if these are equal. */
    private record Style(String key, Color colour, double width, double opacity, boolean dashed, double autoRangeBefore,
                         boolean smooth) {
        static Style of(Series s) {
            return new Style(s.key(), s.colour(), s.width(), s.opacity(), s.dashed(), s.autoRangeBefore(), s.smooth());
        }
    }

    /** What the canvas shows: the last paint's size, axes, looks, marks and how many points of each curve it drew. */
    private record Drawn(double width, double height, boolean log, int paletteVersion, double x0, double x1, double y0,
                         double y1, List<Style> styles, int[] sizes, int[] modes, List<Mark> marks) {
    }

    private final ChartPalette palette;
    /** The settled curves, background, grid and frame. */
    private final Canvas canvas = new Canvas();
    /**
     * The live curves and the marks, over the settled ones; transparent elsewhere. In tiles: a strip
     * of a run's growth repaints (and the renderer composites) only the tiles it reaches.
     */
    private final CanvasTiles liveTiles = new CanvasTiles(LIVE_X, LIVE_Y);
    /** Reused by drawBand: per column, the x and y in pixels of its highest point, then of its lowest. */
    private double[] band = new double[0];
    /** Measures a mark's label, to know where a strip must begin to cover it. */
    private final javafx.scene.text.Text labelMeasure = new javafx.scene.text.Text();
    /** Measures the y axis's title, to know whether it fits beside a short plot. */
    private final javafx.scene.text.Text titleMeasure = new javafx.scene.text.Text();
    private final javafx.scene.shape.Line cursorLine = new javafx.scene.shape.Line();
    private final javafx.scene.control.Label readoutLabel = new javafx.scene.control.Label();
    private java.util.function.DoubleFunction<String> readout;
    private final String xLabel;
    private final String yLabel;
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale");
    /**
     * Per curve key, its decimator, kept a while after the curve is no longer shown (least recently
     * used out first): a run shown again, as a person picks runs to compare, is not indexed afresh
     * (ten runs of 100,000 iterations: 1,000,000 points to read again).
     */
    private final Map<String, Decimator> decimators = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Decimator> eldest) {
            return size() > Math.max(KEPT_DECIMATORS, 2 * series.size());
        }
    };
    private List<Series> series = List.of();
    private Supplier<List<Mark>> marks = List::of;
    private String emptyMessage = "";
    private double fixedMinY = Double.NaN;
    private double fixedMaxY = Double.NaN;
    private double minSpanX = 1;
    private long requestedSignature;
    /** While curves grow, the fitted x axis steps ahead to round numbers instead of following every new point. */
    private boolean growing;
    /** Where the growing curves will end (the run's last iteration or epoch); NaN when not known. */
    private double plannedEndX = Double.NaN;
    /** Something changed since the last paint; it is painted once at its turn however many changes came. */
    private boolean dirty;
    private final PaintTurns turns;

    /** The view window in display space (log10 of y on a log axis), when the person zoomed or panned. */
    private boolean manualView;
    private double viewX0;
    private double viewX1;
    private double viewY0;
    private double viewY1;
    /** The window drawn last, in display space. */
    private double shownX0;
    private double shownX1 = 1;
    private double shownY0;
    private double shownY1 = 1;
    private double dragX;
    private double dragY;
    private long redraws;
    private long fullPaints;
    /** Paints that drew only curves added over the settled layer (a run's end). */
    private long addedPaints;
    /** Points of the lines stroked and the bands filled, all paints together: what a paint costs the rasteriser. */
    private long strokedPoints;
    /** What the live layer shows; null as {@link #drawn}. */
    private Drawn drawnLive;
    /** Null when the canvas shows nothing a strip could extend (empty, or never painted). */
    private Drawn drawn;
    private final Map<String, Integer> wholePaintReasons = new HashMap<>();
    /** How far right the curves reached at the last paint. */
    private double paintedDataMaxX = Double.NaN;

    ChartView(ChartPalette palette, String xLabel, String yLabel) {
        this(palette, xLabel, yLabel, new PaintTurns());
    }

    /** @param turns shared by the charts shown together, so that they paint in turns, one per pulse */
    ChartView(ChartPalette palette, String xLabel, String yLabel, PaintTurns turns) {
        this.palette = palette;
        this.turns = turns;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        labelMeasure.setFont(TICK_FONT);
        titleMeasure.setFont(LABEL_FONT);
        getStyleClass().add(DashboardStyles.CHART);
        cursorLine.getStyleClass().add(DashboardStyles.CHART_CURSOR);
        readoutLabel.getStyleClass().add(DashboardStyles.CHART_READOUT);
        for (javafx.scene.Node n : List.of(cursorLine, readoutLabel)) {
            n.setManaged(false);
            n.setVisible(false);
            n.setMouseTransparent(true);
        }
        // The live layer covers only the plot band, and is drawn in the chart's coordinates like the layer below.
        getChildren().addAll(canvas, liveTiles, cursorLine, readoutLabel);
        setMinSize(160, 110);
        setPrefSize(480, 260);
        logScale.addListener((obs, was, is) -> {
            manualView = false;
            redraw();
        });
        palette.versionProperty().addListener((obs, was, is) -> redraw());
        canvas.addEventHandler(ScrollEvent.SCROLL, this::zoom);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::startDrag);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::showReadout);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideReadout());
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                resetView();
            }
        });
    }

    BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** Shows these curves, redrawing only if they differ from what is drawn (other curves, or more points). */
    void setSeries(List<Series> newSeries) {
        series = List.copyOf(newSeries);
        long signature = signature();
        if (signature != requestedSignature) {
            requestedSignature = signature;
            redraw();
        }
    }

    /**
     * Whether the curves are growing (a run is training): then the fitted x axis ends on a round
     * number a little ahead of the data and moves only when the data reaches it, so the ticks stand
     * still and a decimated curve can be extended instead of computed again. Otherwise it fits the
     * data exactly.
     */
    void setGrowing(boolean curvesGrow) {
        if (growing != curvesGrow) {
            growing = curvesGrow;
            redraw();
        }
    }

    /**
     * Where the growing curves are to end, NaN if unknown. While they grow, the x axis then runs to
     * there from their first point: the run fills the plot from left to right and the axis does not
     * move, so the chart is not painted whole at each step the axis would otherwise take (on the
     * spiral sample's first run the three charts stepped two or three times each, six layers painted
     * whole at every step).
     */
    void setPlannedEnd(double endX) {
        if (Double.compare(plannedEndX, endX) != 0) {
            plannedEndX = endX;
            if (growing) {
                redraw();
            }
        }
    }

    /** What the drawing depends on besides the window and the colours: the curves, their lengths, the marks. */
    private long signature() {
        long h = 17;
        for (Series s : series) {
            h = h * 31 + s.key().hashCode();
            h = h * 31 + s.data().size();
            h = h * 31 + Double.hashCode(s.autoRangeBefore());
            h = h * 31 + s.colour().hashCode();
            h = h * 31 + Boolean.hashCode(s.live());
        }
        return h * 31 + marks.get().hashCode();
    }

    List<Series> series() {
        return series;
    }

    void setMarks(Supplier<List<Mark>> supplier) {
        marks = supplier;
    }

    /**
     * What to say about the point under the mouse, given its x (an iteration, an epoch); null or an
     * empty text shows nothing. The cursor line and the text are nodes over the canvas, so moving the
     * mouse never repaints the curves.
     */
    void setReadout(java.util.function.DoubleFunction<String> text) {
        readout = text;
    }

    private void showReadout(MouseEvent e) {
        double plotW = canvas.getWidth() - LEFT - RIGHT;
        double plotH = canvas.getHeight() - TOP - BOTTOM;
        boolean inside = e.getX() >= LEFT && e.getX() <= LEFT + plotW && e.getY() >= TOP && e.getY() <= TOP + plotH;
        String text = inside && readout != null && !series.isEmpty()
                ? readout.apply(shownX0 + (e.getX() - LEFT) / plotW * (shownX1 - shownX0)) : null;
        if (text == null || text.isEmpty()) {
            hideReadout();
            return;
        }
        cursorLine.setStartX(Math.round(e.getX()) + 0.5);
        cursorLine.setEndX(Math.round(e.getX()) + 0.5);
        cursorLine.setStartY(TOP);
        cursorLine.setEndY(TOP + plotH);
        readoutLabel.setText(text);
        readoutLabel.autosize();
        double w = readoutLabel.getWidth();
        double x = e.getX() + 12 + w > LEFT + plotW ? e.getX() - 12 - w : e.getX() + 12;
        readoutLabel.relocate(Math.max(LEFT, x), TOP + 4);
        cursorLine.setVisible(true);
        readoutLabel.setVisible(true);
    }

    /** The text shown for the point under the mouse, or null when none is shown. */
    String shownReadout() {
        return readoutLabel.isVisible() ? readoutLabel.getText() : null;
    }

    private void hideReadout() {
        cursorLine.setVisible(false);
        readoutLabel.setVisible(false);
    }

    /** Shown in the middle of an empty chart. */
    void setEmptyMessage(String message) {
        emptyMessage = message;
    }

    /** A y range that does not follow the data (accuracy: 0 to 1); NaN to follow it. */
    void setFixedYRange(double min, double max) {
        fixedMinY = min;
        fixedMaxY = max;
    }

    /** The x axis spans at least this much when fitted to the data. */
    void setMinSpanX(double span) {
        minSpanX = span;
    }

    /** Fits the window to the data again. */
    void resetView() {
        manualView = false;
        redraw();
    }

    boolean isZoomed() {
        return manualView;
    }

    /** The x range last drawn. */
    double shownMinX() {
        paintIfDirty();
        return shownX0;
    }

    double shownMaxX() {
        paintIfDirty();
        return shownX1;
    }

    /** The y range last drawn, in data units. */
    double shownMinY() {
        paintIfDirty();
        return fromDisplayY(shownY0);
    }

    double shownMaxY() {
        paintIfDirty();
        return fromDisplayY(shownY1);
    }

    /** How many times the chart was painted: lets tests see that it was, or was not. */
    long redraws() {
        paintIfDirty();
        return redraws;
    }

    /** How many paints drew only curves added over the finished runs' layer. */
    long addedPaints() {
        paintIfDirty();
        return addedPaints;
    }

    /** How many of those paints repainted the whole chart rather than a strip of new segments. */
    long fullPaints() {
        paintIfDirty();
        return fullPaints;
    }

    /** Points of lines stroked and of bands' edges filled by all paints so far (curves drawn as column spans have none). */
    long strokedPoints() {
        paintIfDirty();
        return strokedPoints;
    }

    /** How many whole paints each reason caused (size, x axis, curves came or went...), without painting. */
    Map<String, Integer> wholePaintReasons() {
        return Map.copyOf(wholePaintReasons);
    }

    /** {@link #redraws()} and {@link #fullPaints()} so far, leaving a pending paint to its turn (to watch pulses without changing them). */
    long[] paintsSoFar() {
        return new long[]{redraws, fullPaints};
    }

    /** The live layer's tiles, and how often they were drawn on (see {@link CanvasTiles#tilesDrawn()}). */
    long[] liveTiles() {
        return new long[]{liveTiles.tileCount(), liveTiles.tilesDrawn()};
    }

    /** Points drawn for the curve {@code key} in the last paint (after decimation). */
    int drawnPoints(String key) {
        paintIfDirty();
        Decimator d = decimators.get(key);
        return d == null ? 0 : d.size();
    }

    /** The chart as shown: the live layer over the settled one. */
    WritableImage snapshotImage() {
        paintIfDirty();
        javafx.scene.SnapshotParameters transparent = new javafx.scene.SnapshotParameters();
        transparent.setFill(Color.TRANSPARENT);
        Canvas both = new Canvas(canvas.getWidth(), canvas.getHeight());
        both.getGraphicsContext2D().drawImage(canvas.snapshot(null, null), 0, 0);
        if (liveTiles.tileCount() > 0) {
            both.getGraphicsContext2D().drawImage(liveTiles.snapshot(transparent, null), liveTiles.getLayoutX(), liveTiles.getLayoutY());
        }
        return both.snapshot(null, null);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            // Only the plot band: a strip of the live layer then repaints (and the window presents)
            // a quarter fewer pixels than a canvas over the whole chart, margins and axes included.
            liveTiles.setSize(w - LIVE_X, h - TOP - BOTTOM + 2 * MARK_OVERHANG);
            // In the layout pass: paint now, so the new size never shows an empty canvas.
            dirty = true;
            paintIfDirty();
        }
    }

    // ---- drawing ----

    /** Paints at a coming pulse, in turn with the other charts (once, however often this is called before it). */
    void redraw() {
        dirty = true;
        turns.request(this, this::paintIfDirty);
    }

    private void paintIfDirty() {
        if (dirty) {
            dirty = false;
            paint();
        }
    }

    private void paint() {
        redraws++;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        boolean log = logScale.get();
        double[] xRange = plotW < 20 || plotH < 20 ? null : manualView ? new double[]{viewX0, viewX1} : dataXRange();
        if (xRange == null) {
            fullPaints++;
            drawn = null;
            drawnLive = null;
            liveTiles.clear();
            clear(g, w, h);
            if (plotW >= 20 && plotH >= 20) {
                drawFrame(g, plotW, plotH);
                drawCentred(g, emptyMessage, LEFT + plotW / 2, TOP + plotH / 2);
            }
            return;
        }
        shownX0 = xRange[0];
        shownX1 = xRange[1];
        int columns = (int) Math.max(1, plotW);
        for (Series s : series) {
            decimate(s, columns);
        }
        double[] yRange = manualView ? new double[]{viewY0, viewY1} : yRange(log);
        shownY0 = yRange[0];
        shownY1 = yRange[1];
        List<Mark> currentMarks = List.copyOf(marks.get());
        List<Series> settled = series.stream().filter(s -> !s.live()).toList();
        List<Series> live = series.stream().filter(Series::live).toList();
        Drawn settledNow = drawnState(w, h, log, settled, List.of(), plotW);
        Drawn liveNow = drawnState(w, h, log, live, currentMarks, plotW);
        paintLayer(false, drawn, settledNow, settled, plotW, plotH, log);
        drawn = settledNow;
        paintLayer(true, drawnLive, liveNow, live, plotW, plotH, log);
        drawnLive = liveNow;
    }

    private Drawn drawnState(double w, double h, boolean log, List<Series> layer, List<Mark> layerMarks, double plotW) {
        return new Drawn(w, h, log, palette.versionProperty().get(), shownX0, shownX1, shownY0, shownY1,
                layer.stream().map(Style::of).toList(), layer.stream().mapToInt(s -> s.data().size()).toArray(),
                layer.stream().mapToInt(s -> drawingMode(s, plotW)).toArray(), layerMarks);
    }

    /** Paints one layer whole, or the strip of it that changed, or not at all. */
    private void paintLayer(boolean live, Drawn before, Drawn now, List<Series> layer, double plotW, double plotH, boolean log) {
        if (!live && addsCurvesOnTop(before, now)) {
            // A run that ends moves its curves to this layer, above all others: they are drawn over
            // what is there, in the order a whole paint would draw them, instead of every curve again.
            addedPaints++;
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.save();
            clipTo(g, false, LEFT, plotW, plotH);
            drawAllSeries(g, layer.subList(before.styles().size(), layer.size()), plotW, plotH, log, LEFT, Double.POSITIVE_INFINITY);
            g.restore();
            drawFrame(g, plotW, plotH);
            return;
        }
        double stripLeft = stripLeft(live, before, now, layer, plotW);
        if (!live) {
            GraphicsContext g = canvas.getGraphicsContext2D();
            if (Double.isNaN(stripLeft)) {
                fullPaints++;
                paintAll(g, layer, plotW, plotH, log);
            } else if (stripLeft < LEFT + plotW) {
                paintStrip(g, false, stripLeft, canvas.getWidth(), layer, now.marks(), plotW, plotH, log);
            }
            return;
        }
        // The live layer painted whole is a strip across each tile its curves and marks reach (the
        // others are cleared, if they hold anything); a strip repaints the tiles it reaches.
        List<MarkSpan> spans = now.marks().stream().map(m -> markSpan(m, plotW)).toList();
        // Each tile draws only the marks that reach it: the others would be drawn only to be clipped away.
        CanvasTiles.TilePainter strip = (g, from, to) -> paintStrip(g, true, from, to, layer,
                spans.stream().filter(span -> span.right() > from && span.left() < to).map(MarkSpan::mark).toList(), plotW, plotH, log);
        if (Double.isNaN(stripLeft)) {
            double[] reach = liveReach(layer, spans, plotW);
            liveTiles.paintWhole(reach[0], reach[1], strip);
        } else if (stripLeft < LEFT + plotW) {
            liveTiles.draw(stripLeft, liveStripRight(before, now, layer, plotW), strip);
        }
    }

    /** From where to where the live layer's curves and marks paint anything (empty when there are none). */
    private double[] liveReach(List<Series> layer, List<MarkSpan> spans, double plotW) {
        double left = Double.POSITIVE_INFINITY;
        double right = Double.NEGATIVE_INFINITY;
        for (Series s : layer) {
            int n = s.data().size();
            if (n > 0) {
                // A line's caps, a band's ends and a lone point's dot reach no further than its width.
                left = Math.min(left, Math.floor(px(s.data().x(0), plotW) - s.width()) - STRIP_MARGIN);
                right = Math.max(right, Math.ceil(px(s.data().x(n - 1), plotW) + s.width()) + STRIP_MARGIN);
            }
        }
        for (MarkSpan span : spans) {
            left = Math.min(left, span.left());
            right = Math.max(right, span.right());
        }
        return new double[]{left, right};
    }

    /**
     * Where a strip of the live layer may end: a little right of the newest point of each curve that
     * grew and of every mark that came or went (nothing right of them changed).
     */
    private double liveStripRight(Drawn before, Drawn now, List<Series> layer, double plotW) {
        double right = Double.NEGATIVE_INFINITY;
        for (Mark changed : changedMarks(before, now)) {
            right = Math.max(right, markSpan(changed, plotW).right());
        }
        for (int i = 0; i < layer.size(); i++) {
            int is = now.sizes()[i];
            if (is > before.sizes()[i]) {
                Series s = layer.get(i);
                right = Math.max(right, Math.ceil(px(s.data().x(is - 1), plotW) + s.width()) + STRIP_MARGIN);
            }
        }
        return right;
    }

    /**
     * How a curve's points are drawn: as a line, or as spans per column. A curve that changes its way
     * as it grows looks slightly different, so it is painted whole.
     */
    private int drawingMode(Series s, double plotW) {
        Decimator d = decimators.get(s.key());
        return denseDrawn(s, d, plotW) ? 1 : bandDrawn(s, d, plotW) ? 2 : 0;
    }

    /**
     * A wide solid line whose points lie closer than half a column apart (see {@link #drawBand}).
     * Told by the spacing of its points, not by how many there are, so a growing curve on axes that
     * stay put (a run's planned end) is drawn one way all along and painted in strips.
     */
    private boolean bandDrawn(Series s, Decimator d, double plotW) {
        int n = s.data().size();
        if (s.width() <= 1 || s.dashed() || n < 2 || d.size() < 2) {
            return false;
        }
        double spacing = (s.data().x(n - 1) - s.data().x(0)) / (n - 1);
        double column = (shownX1 - shownX0) / wantedPoints(s, (int) Math.max(1, plotW));
        return spacing * 2 <= column;
    }

    private static boolean denseDrawn(Series s, Decimator d, double plotW) {
        return s.width() <= 1 && !s.dashed() && d.size() > plotW;
    }

    private void clear(GraphicsContext g, double w, double h) {
        g.clearRect(0, 0, w, h);
        g.setFill(palette.plotBackground());
        g.fillRect(0, 0, w, h);
    }

    /** Paints the settled layer whole: background, grid, curves and frame (its marks are on the live layer). */
    private void paintAll(GraphicsContext g, List<Series> layer, double plotW, double plotH, boolean log) {
        clear(g, canvas.getWidth(), canvas.getHeight());
        drawGrid(g, plotW, plotH, log, true);
        g.save();
        clipTo(g, false, LEFT, plotW, plotH);
        drawAllSeries(g, layer, plotW, plotH, log, LEFT, Double.POSITIVE_INFINITY);
        g.restore();
        drawFrame(g, plotW, plotH);
    }

    /**
     * Repaints the plot from {@code left} to {@code right} (the canvas's right edge, where a mark's
     * label may run past the plot into the margin, unless less changed): everything a full paint
     * draws there, in the same order, so the strip joins what is already on the canvas without a seam.
     */
    private void paintStrip(GraphicsContext g, boolean live, double left, double right, List<Series> layer, List<Mark> layerMarks,
                            double plotW, double plotH, boolean log) {
        // A little above and below the plot, where a mark line's caps reach (the frame is drawn again after).
        double top = TOP - MARK_OVERHANG;
        double height = plotH + 2 * MARK_OVERHANG;
        g.save();
        g.beginPath();
        g.rect(left, top, right - left, height);
        g.clip();
        if (live) {
            g.clearRect(left, top, right - left, height);
        } else {
            g.setFill(palette.plotBackground());
            g.fillRect(left, top, right - left, height);
            drawGrid(g, plotW, plotH, log, false);
        }
        g.save();
        clipTo(g, live, left, LEFT + plotW - left, plotH);
        drawAllSeries(g, layer, plotW, plotH, log, left, right);
        g.restore();
        drawMarks(g, layerMarks, plotW, plotH, log);
        g.restore();
        if (!live) {
            drawFrame(g, plotW, plotH);
        }
    }

    /** Clips to the plot from {@code left}; on the live layer, right of the y axis's line, which lies on the layer below. */
    private static void clipTo(GraphicsContext g, boolean live, double left, double width, double plotH) {
        double from = live ? Math.max(left, LEFT + 1) : left;
        g.beginPath();
        g.rect(from, TOP, width - (from - left), plotH);
        g.clip();
    }

    private void drawAllSeries(GraphicsContext g, List<Series> layer, double plotW, double plotH, boolean log, double fromPixel,
                               double toPixel) {
        // Bevel joins: at these widths they look like round ones and cost the rasteriser no curves.
        g.setLineJoin(StrokeLineJoin.BEVEL);
        g.setLineCap(StrokeLineCap.ROUND);
        for (Series s : layer) {
            drawSeries(g, s, plotW, plotH, log, fromPixel, toPixel);
        }
    }

    /**
     * Where a strip repaint may start, given what the canvas shows and what is to be shown: a little
     * left of the earliest last-drawn point of a curve that grew and of every mark that came or went;
     * beyond the plot when nothing visible changed; NaN when the whole chart must be painted (other
     * axes, size, colours or curves, a curve that shrank or changed how it is drawn).
     */
    private double stripLeft(boolean live, Drawn before, Drawn now, List<Series> layer, double plotW) {
        String whole = wholePaintReason(before, now);
        if (whole != null) {
            wholePaintReasons.merge(live ? "live layer: " + whole : whole, 1, Integer::sum);
            return Double.NaN;
        }
        double left = Double.POSITIVE_INFINITY;
        for (int i = 0; i < layer.size(); i++) {
            int was = before.sizes()[i];
            int is = now.sizes()[i];
            if (is > was) {
                SeriesData data = layer.get(i).data();
                double from = was == 0 ? data.x(0) : data.x(was - 1);
                // New points may move the point shown for the last column group, and with it the
                // segment coming in from the group before; a band's width at a group follows the
                // slope to both neighbours, so its outline moves back to the third group from the
                // end: the strip starts left of all three.
                double group = plotW / wantedPoints(layer.get(i), (int) Math.max(1, plotW));
                left = Math.min(left, Math.floor(px(from, plotW) - 3 * group) - STRIP_MARGIN);
            }
        }
        for (Mark changed : changedMarks(before, now)) {
            left = Math.min(left, markSpan(changed, plotW).left());
        }
        // Marks (on the live layer) reach left of the plot; the layer below has nothing to repaint there.
        return Math.max(live ? LIVE_X : LEFT, left);
    }

    /** The marks that went since {@code before} and those that came. */
    private static List<Mark> changedMarks(Drawn before, Drawn now) {
        List<Mark> changed = new ArrayList<>();
        before.marks().stream().filter(m -> !now.marks().contains(m)).forEach(changed::add);
        now.marks().stream().filter(m -> !before.marks().contains(m)).forEach(changed::add);
        return changed;
    }

    /**
     * Whether {@code now} is what {@code before} showed with curves added after the last one, on the
     * same axes, size and looks: those can be drawn over the canvas as it is.
     */
    private static boolean addsCurvesOnTop(Drawn before, Drawn now) {
        if (!CURVES_CHANGED.equals(wholePaintReason(before, now)) || !before.marks().equals(now.marks())) {
            return false;
        }
        int kept = before.styles().size();
        return now.styles().size() > kept && now.styles().subList(0, kept).equals(before.styles())
                && java.util.Arrays.equals(before.sizes(), java.util.Arrays.copyOf(now.sizes(), kept))
                && java.util.Arrays.equals(before.modes(), java.util.Arrays.copyOf(now.modes(), kept));
    }

    /** Why the chart must be painted whole rather than in a strip; null if a strip may do. */
    private static String wholePaintReason(Drawn before, Drawn now) {
        if (before == null) {
            return "nothing painted before";
        }
        if (before.width() != now.width() || before.height() != now.height()) {
            return "size";
        }
        if (before.log() != now.log() || before.paletteVersion() != now.paletteVersion()) {
            return "scale or colours";
        }
        if (before.x0() != now.x0() || before.x1() != now.x1()) {
            return "x axis";
        }
        if (before.y0() != now.y0() || before.y1() != now.y1()) {
            return "y axis";
        }
        if (!before.styles().equals(now.styles())) {
            return CURVES_CHANGED;
        }
        for (int i = 0; i < now.sizes().length; i++) {
            if (now.sizes()[i] < before.sizes()[i]) {
                return "a curve shrank";
            }
        }
        return java.util.Arrays.equals(before.modes(), now.modes()) ? null : "a curve turned to spans";
    }

    /** The pixels a mark paints, from {@code left} to {@code right} with a margin; an empty span when it is not drawn. */
    private record MarkSpan(Mark mark, double left, double right) {
    }

    /** Where {@code mark} paints: its line and label, or its dot. */
    private MarkSpan markSpan(Mark mark, double plotW) {
        if (mark instanceof VerticalLine line) {
            double x = Math.round(px(line.x(), plotW)) + 0.5;
            if (x < LEFT || x > LEFT + plotW + 1) {
                return new MarkSpan(mark, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
            }
            LabelPlace place = placeLabel(line, x, plotW);
            double from = place.leftOfLine() ? x - LABEL_GAP - place.width() : x;
            double to = place.leftOfLine() ? x + 1 : x + LABEL_GAP + place.width();
            return new MarkSpan(mark, Math.floor(from) - STRIP_MARGIN, Math.ceil(to) + STRIP_MARGIN);
        }
        Dot dot = (Dot) mark;
        // Radius 4 and half the 1.6 px ring.
        double x = px(dot.x(), plotW);
        return new MarkSpan(mark, Math.floor(x - 4.8) - STRIP_MARGIN, Math.ceil(x + 4.8) + STRIP_MARGIN);
    }

    /**
     * To the right of the line where the label fits there, else to its left; where it fits on
     * neither side, the short label on the roomier side (the plot clips what is still too long).
     */
    private LabelPlace placeLabel(VerticalLine line, double x, double plotW) {
        double roomRight = LEFT + plotW - x - LABEL_GAP;
        double roomLeft = x - LABEL_GAP - LEFT;
        double width = labelWidth(line.label());
        if (width <= roomRight) {
            return new LabelPlace(line.label(), false, width);
        }
        if (width <= roomLeft) {
            return new LabelPlace(line.label(), true, width);
        }
        return new LabelPlace(line.shortLabel(), roomLeft > roomRight, labelWidth(line.shortLabel()));
    }

    private double labelWidth(String label) {
        labelMeasure.setText(label);
        return labelMeasure.getLayoutBounds().getWidth();
    }

    /**
     * Decimates to the plot's pixel columns, or to columns two pixels wide for a line wider than
     * one and a half: its own width covers finer detail, and the rasteriser's cost of stroking grows
     * with the number of segments.
     */
    private void decimate(Series s, int columns) {
        // A wide line needs no more than a point per pixel (its lowest and highest per two); a smooth
        // one, a point per two pixels: its neighbouring points lie close, and the line between them
        // covers what a closer sampling would.
        decimators.computeIfAbsent(s.key(), k -> new Decimator()).update(s.data(), shownX0, shownX1, wantedPoints(s, columns));
    }

    private static int wantedPoints(Series s, int columns) {
        return Math.max(1, s.smooth() ? columns / 4 : s.width() > 1.5 ? columns / 2 : columns);
    }

    /** The x extent of all curves, at least {@link #minSpanX} wide; null when there is nothing to draw. */
    private double[] dataXRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            int n = s.data().size();
            if (n > 0) {
                min = Math.min(min, s.data().x(0));
                max = Math.max(max, s.data().x(n - 1));
            }
        }
        if (min > max) {
            return null;
        }
        if (max - min < minSpanX) {
            max = min + minSpanX;
        }
        double dataMax = max;
        if (growing && max > 0 && plannedEndX >= max) {
            // The run's planned end holds every curve: the axis ends there for the whole run.
            max = plannedEndX;
        } else if (growing && max > 0) {
            double end = AxisTicks.growingEnd(max * GROWING_HEADROOM);
            // While no curve reaches further than at the last paint, the axis shown stays if it holds
            // them: a new run of as many iterations as the finished ones shown draws inside their
            // axis, and they need not be repainted when it starts and ends. A curve that reaches
            // further is growing: the axis then ends ahead of it.
            boolean keep = drawn != null && shownX0 == min && max <= paintedDataMaxX && shownX1 >= max && shownX1 <= end;
            max = keep ? shownX1 : end;
        }
        paintedDataMaxX = dataMax;
        return new double[]{min, max};
    }

    /** The y range of the decimated points (the envelope is exact), padded, in display space. */
    private double[] yRange(boolean log) {
        if (!Double.isNaN(fixedMinY) && !log) {
            return new double[]{fixedMinY, fixedMaxY};
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            Decimator d = decimators.get(s.key());
            for (int i = 0; i < d.size(); i++) {
                if (d.x(i) >= s.autoRangeBefore() || d.x(i) < shownX0 || d.x(i) > shownX1) {
                    continue;
                }
                double y = toDisplayY(d.y(i), log);
                if (Double.isFinite(y)) {
                    min = Math.min(min, y);
                    max = Math.max(max, y);
                }
            }
        }
        if (min > max) {
            return log ? new double[]{-1, 1} : new double[]{0, 1};
        }
        if (max - min < 1e-12) {
            double pad = log ? 0.5 : Math.max(Math.abs(max) * 0.1, 1e-3);
            return new double[]{min - pad, max + pad};
        }
        double pad = (max - min) * 0.06;
        double low = min - pad;
        double high = max + pad;
        if (!log && min >= 0 && low < 0) {
            low = 0;
        }
        // What a range must hold: the data with its padding.
        double holdLow = low;
        double holdHigh = high;
        if (growing) {
            // Ends on round values a step outside the data: a falling loss moves the axis only now and then.
            double step = AxisTicks.niceStep((high - low) / 3);
            low = Math.floor(low / step) * step;
            high = Math.ceil(high / step) * step;
        }
        // As for the x axis: while curves grow, the range shown stays while it holds them and is no wider than a new one.
        if (growing && drawn != null && drawn.log() == log && shownY0 <= holdLow && shownY1 >= holdHigh && shownY0 >= low && shownY1 <= high) {
            return new double[]{shownY0, shownY1};
        }
        return new double[]{low, high};
    }

    private double toDisplayY(double y, boolean log) {
        if (!log) {
            return y;
        }
        return y > 0 ? Math.log10(y) : Double.NaN;
    }

    private double fromDisplayY(double y) {
        return logScale.get() ? Math.pow(10, y) : y;
    }

    private double px(double x, double plotW) {
        return LEFT + (x - shownX0) / (shownX1 - shownX0) * plotW;
    }

    private double py(double displayY, double plotH) {
        return TOP + plotH - (displayY - shownY0) / (shownY1 - shownY0) * plotH;
    }

    /**
     * Draws the curve's points from the last one lying well left of {@code fromPixel} to the first
     * one lying well right of {@code toPixel} (the strip or tile being painted).
     */
    private void drawSeries(GraphicsContext g, Series s, double plotW, double plotH, boolean log, double fromPixel, double toPixel) {
        Decimator d = decimators.get(s.key());
        if (d == null || d.size() == 0) {
            return;
        }
        int from = d.size() - 1;
        while (from > 0 && px(d.x(from), plotW) >= fromPixel - STRIP_MARGIN) {
            from--;
        }
        if (from == d.size() - 1 && from > 0) {
            // Nothing of this curve reaches into the strip but its last segment's end.
            from = Math.max(0, from - 1);
        }
        int to = d.size();
        while (to > from + 2 && px(d.x(to - 2), plotW) > toPixel + STRIP_MARGIN) {
            to--;
        }
        if (denseDrawn(s, d, plotW)) {
            drawDense(g, s, d, from, to, plotW, plotH, log);
            return;
        }
        if (bandDrawn(s, d, plotW)) {
            drawBand(g, s, d, from, to, plotW, plotH, log);
            return;
        }
        g.setStroke(s.colour());
        g.setGlobalAlpha(s.opacity());
        g.setLineWidth(s.width());
        g.setLineDashes(s.dashed() ? SERIES_DASHES : null);
        // Dashes start afresh with each piece of a path: a strip's piece continues them where they were.
        g.setLineDashOffset(s.dashed() ? pathLengthTo(d, from, plotW, plotH, log) : 0);
        g.beginPath();
        boolean penDown = false;
        int points = 0;
        for (int i = from; i < to; i++) {
            double y = toDisplayY(d.y(i), log);
            if (!Double.isFinite(y)) {
                penDown = false;
                continue;
            }
            double x = px(d.x(i), plotW);
            double yy = py(y, plotH);
            strokedPoints++;
            if (penDown) {
                g.lineTo(x, yy);
            } else {
                g.moveTo(x, yy);
                penDown = true;
            }
            points++;
        }
        if (points == 1 && from == 0) {
            // A single point (the first epoch) has no line: show it as a dot.
            g.setFill(s.colour());
            double y = toDisplayY(d.y(0), log);
            g.fillOval(px(d.x(0), plotW) - 2.5, py(y, plotH) - 2.5, 5, 5);
        }
        g.stroke();
        g.setGlobalAlpha(1);
        g.setLineDashes(null);
        g.setLineDashOffset(0);
    }

    /** The length in pixels of the curve's line from where its piece through point {@code to} begins (after any gap) to that point. */
    private double pathLengthTo(Decimator d, int to, double plotW, double plotH, boolean log) {
        if (!Double.isFinite(toDisplayY(d.y(to), log))) {
            return 0;
        }
        int start = to;
        while (start > 0 && Double.isFinite(toDisplayY(d.y(start - 1), log))) {
            start--;
        }
        double length = 0;
        for (int i = start + 1; i <= to; i++) {
            length += Math.hypot(px(d.x(i), plotW) - px(d.x(i - 1), plotW),
                    py(toDisplayY(d.y(i), log), plotH) - py(toDisplayY(d.y(i - 1), log), plotH));
        }
        return length;
    }

    /**
     * A thin curve with more points than pixel columns, as one vertical span per column covering
     * what a line through the points would cover there (its own points and the way in from the
     * previous column). Looks the same as the zigzag line, but a rasteriser fills a rectangle per
     * column far faster than it strokes a path whose edges cross every scanline many times.
     */
    private void drawDense(GraphicsContext g, Series s, Decimator d, int from, int to, double plotW, double plotH, boolean log) {
        g.setFill(s.colour());
        g.setGlobalAlpha(s.opacity());
        long column = Long.MIN_VALUE;
        double top = 0;
        double bottom = 0;
        double previous = Double.NaN;
        for (int i = from; i < to; i++) {
            double y = toDisplayY(d.y(i), log);
            if (!Double.isFinite(y)) {
                previous = Double.NaN;
                continue;
            }
            double yy = py(y, plotH);
            long c = (long) Math.floor(px(d.x(i), plotW));
            if (c != column) {
                if (column != Long.MIN_VALUE) {
                    fillSpan(g, column, top, bottom);
                }
                column = c;
                top = Double.isNaN(previous) ? yy : Math.min(yy, previous);
                bottom = Double.isNaN(previous) ? yy : Math.max(yy, previous);
            } else {
                top = Math.min(top, yy);
                bottom = Math.max(bottom, yy);
            }
            previous = yy;
        }
        if (column != Long.MIN_VALUE) {
            fillSpan(g, column, top, bottom);
        }
        g.setGlobalAlpha(1);
    }

    /**
     * A wide line with more points than columns (a column's lowest and highest), as a filled band
     * per unbroken piece: its upper edge runs through each column's highest point, its lower edge
     * through each lowest, each pushed out by half the line's width across the edge (more upright
     * where the edge is steep). Where the line only passes through a column, both edges lie on it
     * and the band is the line; where it zigzags, the band covers the zigzag and the small gaps
     * between its strokes. The rasteriser fills it several times faster than it strokes the zigzag,
     * whose edges cross every scanline of its range at each column (ten runs of 100,000
     * iterations: a whole paint of the loss chart had taken the render thread 30-40 ms).
     */
    private void drawBand(GraphicsContext g, Series s, Decimator d, int from, int to, double plotW, double plotH, boolean log) {
        // Start two columns early and end two late: an edge's push follows its neighbours, and a strip's
        // repaint must draw the outline as the whole paint did (the clip keeps the extra parts out).
        from = Math.max(0, from - 4);
        to = Math.min(d.size(), to + 4);
        int capacity = to - from;
        if (band.length < capacity * BAND_FIELDS) {
            band = new double[capacity * BAND_FIELDS];
        }
        g.setFill(s.colour());
        g.setGlobalAlpha(s.opacity());
        int groups = 0;
        long column = Long.MIN_VALUE;
        for (int i = from; i < to; i++) {
            double y = toDisplayY(d.y(i), log);
            if (!Double.isFinite(y)) {
                fillBand(g, groups, s.width() / 2);
                groups = 0;
                continue;
            }
            double x = px(d.x(i), plotW);
            double yy = py(y, plotH);
            int at = (groups - 1) * BAND_FIELDS;
            if (groups == 0 || d.column(i) != column) {
                column = d.column(i);
                at += BAND_FIELDS;
                band[at] = x;
                band[at + 1] = yy;
                band[at + 2] = x;
                band[at + 3] = yy;
                groups++;
            } else if (yy < band[at + 1]) {
                band[at] = x;
                band[at + 1] = yy;
            } else if (yy > band[at + 3]) {
                band[at + 2] = x;
                band[at + 3] = yy;
            }
        }
        fillBand(g, groups, s.width() / 2);
        g.setGlobalAlpha(1);
    }

    /** Fills the band through the first {@code groups} columns gathered in {@link #band}. */
    private void fillBand(GraphicsContext g, int groups, double halfWidth) {
        if (groups == 0) {
            return;
        }
        if (groups == 1 && band[1] == band[3]) {
            g.fillOval(band[0] - halfWidth, band[1] - halfWidth, 2 * halfWidth, 2 * halfWidth);
            return;
        }
        int last = (groups - 1) * BAND_FIELDS;
        double left = Math.min(band[0], band[2]) - halfWidth;
        double right = Math.max(band[last], band[last + 2]) + halfWidth;
        g.beginPath();
        g.moveTo(left, band[1] - push(groups, 0, 0, halfWidth));
        for (int j = 0; j < groups; j++) {
            g.lineTo(band[j * BAND_FIELDS], band[j * BAND_FIELDS + 1] - push(groups, j, 0, halfWidth));
        }
        strokedPoints += groups;
        g.lineTo(right, band[last + 1] - push(groups, groups - 1, 0, halfWidth));
        g.lineTo(right, band[last + 3] + push(groups, groups - 1, 2, halfWidth));
        for (int j = groups - 1; j >= 0; j--) {
            g.lineTo(band[j * BAND_FIELDS + 2], band[j * BAND_FIELDS + 3] + push(groups, j, 2, halfWidth));
        }
        g.lineTo(left, band[3] + push(groups, 0, 2, halfWidth));
        g.closePath();
        g.fill();
    }

    /**
     * How far upright an edge ({@code edge} 0: upper, 2: lower) is pushed out at column {@code j}
     * for the line to be {@code 2 * halfWidth} wide across it: the gentler slope to its neighbours
     * where the edge runs on the same way, none at a peak or a trough (a spike keeps a thin tip).
     */
    private double push(int groups, int j, int edge, double halfWidth) {
        int at = j * BAND_FIELDS + edge;
        double in = j > 0 ? slope(at - BAND_FIELDS, at) : Double.NaN;
        double out = j < groups - 1 ? slope(at, at + BAND_FIELDS) : Double.NaN;
        double slope;
        if (Double.isNaN(in) || Double.isNaN(out)) {
            slope = Double.isNaN(in) ? (Double.isNaN(out) ? 0 : Math.abs(out)) : Math.abs(in);
        } else {
            slope = Math.signum(in) == Math.signum(out) ? Math.min(Math.abs(in), Math.abs(out)) : 0;
        }
        return halfWidth * Math.sqrt(1 + slope * slope);
    }

    private double slope(int from, int to) {
        return (band[to + 1] - band[from + 1]) / Math.max(0.5, band[to] - band[from]);
    }

    private static void fillSpan(GraphicsContext g, long column, double top, double bottom) {
        double y0 = Math.max(-1, top - 0.5);
        double y1 = Math.min(1e5, bottom + 0.5);
        g.fillRect(column, y0, 1, y1 - y0);
    }

    /** Grid lines, and with {@code labels} the tick labels and axis titles beside the plot. */
    private void drawGrid(GraphicsContext g, double plotW, double plotH, boolean log, boolean labels) {
        g.setLineWidth(1);
        g.setFont(TICK_FONT);
        g.setFill(palette.text());
        // y ticks
        int wantedY = (int) Math.max(2, plotH / 30);
        double[] yTicks = log ? AxisTicks.logarithmic(shownY0, shownY1, wantedY) : AxisTicks.linear(shownY0, shownY1, wantedY);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : yTicks) {
            double y = Math.round(py(t, plotH)) + 0.5;
            if (y < TOP - 0.5 || y > TOP + plotH + 0.5) {
                continue;
            }
            g.setFill(palette.grid());
            g.fillRect(LEFT, y - 0.5, plotW, 1);
            if (labels) {
                g.setFill(palette.text());
                g.fillText(AxisTicks.format(log ? Math.pow(10, t) : t), LEFT - 6, y);
            }
        }
        // x ticks
        int wantedX = (int) Math.max(2, plotW / 90);
        double[] xTicks = AxisTicks.linear(shownX0, shownX1, wantedX);
        g.setTextBaseline(VPos.TOP);
        for (double t : xTicks) {
            double x = Math.round(px(t, plotW)) + 0.5;
            if (x < LEFT - 0.5 || x > LEFT + plotW + 0.5) {
                continue;
            }
            g.setFill(palette.grid());
            g.fillRect(x - 0.5, TOP, 1, plotH);
            if (!labels) {
                continue;
            }
            g.setFill(palette.text());
            // A label at an edge ends (or starts) there: it neither runs off the canvas nor into the x title.
            boolean atRight = x > LEFT + plotW - 18;
            boolean atLeft = x < LEFT + 10;
            g.setTextAlign(atRight ? TextAlignment.RIGHT : atLeft ? TextAlignment.LEFT : TextAlignment.CENTER);
            g.fillText(AxisTicks.format(t), atRight ? LEFT + plotW + RIGHT - 2 : atLeft ? x - 1 : x, TOP + plotH + 5);
        }
        if (!labels) {
            return;
        }
        // Axis titles. The x title sits in the corner under the y labels, on the tick labels' row (as
        // compact dashboards place it), rather than on a row of its own: on a dashboard in a bottom
        // panel that row was a third of a short plot's height.
        g.setFont(LABEL_FONT);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(xLabel, LEFT - 8, TOP + plotH + 5);
        String yTitle = log ? yLabel + " (log)" : yLabel;
        titleMeasure.setText(yTitle);
        double half = titleMeasure.getLayoutBounds().getWidth() / 2;
        if (2 * half > TOP + plotH + 2) {
            return; // a plot shorter than its title (a short window): the panel's title names it
        }
        // Centred on the plot, but kept above the x title's row when the plot is not much taller than the title.
        double centre = Math.max(half, Math.min(TOP + plotH / 2, TOP + plotH + 2 - half));
        g.setTextAlign(TextAlignment.CENTER);
        g.save();
        g.translate(13, centre);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(yTitle, 0, 0);
        g.restore();
    }

    private void drawFrame(GraphicsContext g, double plotW, double plotH) {
        // Axis-aligned one-pixel lines as rectangles: no path for the rasteriser to stroke.
        g.setFill(palette.axis());
        g.fillRect(LEFT, TOP, 1, plotH + 1);
        g.fillRect(LEFT, TOP + plotH, plotW, 1);
    }

    private void drawMarks(GraphicsContext g, List<Mark> currentMarks, double plotW, double plotH, boolean log) {
        for (Mark mark : currentMarks) {
            if (mark instanceof VerticalLine line) {
                double x = Math.round(px(line.x(), plotW)) + 0.5;
                if (x < LEFT || x > LEFT + plotW + 1) {
                    continue;
                }
                g.setStroke(line.colour());
                g.setLineWidth(1.2);
                g.setLineDashes(line.dashed() ? MARK_DASHES : null);
                g.strokeLine(x, TOP, x, TOP + plotH);
                g.setLineDashes(null);
                g.setFont(TICK_FONT);
                g.setFill(line.colour());
                LabelPlace place = placeLabel(line, x, plotW);
                g.setTextAlign(place.leftOfLine() ? TextAlignment.RIGHT : TextAlignment.LEFT);
                g.setTextBaseline(line.labelAtFoot() ? VPos.BOTTOM : VPos.TOP);
                g.fillText(place.text(), place.leftOfLine() ? x - LABEL_GAP : x + LABEL_GAP, line.labelAtFoot() ? TOP + plotH - 3 : TOP + 2);
            } else if (mark instanceof Dot dot) {
                double y = toDisplayY(dot.y(), log);
                if (!Double.isFinite(y)) {
                    continue;
                }
                double x = px(dot.x(), plotW);
                if (x < LEFT - 1 || x > LEFT + plotW + 1) {
                    continue;
                }
                double yy = Math.max(TOP + 4, Math.min(TOP + plotH - 4, py(y, plotH)));
                g.setLineWidth(1.6);
                g.setStroke(dot.colour());
                g.setFill(dot.hollow() ? palette.plotBackground() : dot.colour());
                g.fillOval(x - 4, yy - 4, 8, 8);
                g.strokeOval(x - 4, yy - 4, 8, 8);
            }
        }
    }

    private void drawCentred(GraphicsContext g, String message, double x, double y) {
        g.setFont(LABEL_FONT);
        g.setFill(palette.text());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(message, x, y);
    }

    // ---- zoom and pan ----

    private void takeViewFromShown() {
        if (!manualView) {
            viewX0 = shownX0;
            viewX1 = shownX1;
            viewY0 = shownY0;
            viewY1 = shownY1;
            manualView = true;
        }
    }

    private void zoom(ScrollEvent e) {
        double delta = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
        if (delta == 0 || series.isEmpty()) {
            return;
        }
        takeViewFromShown();
        double factor = Math.pow(0.9985, delta);
        double plotW = canvas.getWidth() - LEFT - RIGHT;
        double plotH = canvas.getHeight() - TOP - BOTTOM;
        double fx = Math.max(0, Math.min(1, (e.getX() - LEFT) / plotW));
        double fy = Math.max(0, Math.min(1, 1 - (e.getY() - TOP) / plotH));
        if (!e.isControlDown()) {
            double anchor = viewX0 + fx * (viewX1 - viewX0);
            viewX0 = anchor - (anchor - viewX0) * factor;
            viewX1 = anchor + (viewX1 - anchor) * factor;
        }
        if (!e.isShiftDown()) {
            double anchor = viewY0 + fy * (viewY1 - viewY0);
            viewY0 = anchor - (anchor - viewY0) * factor;
            viewY1 = anchor + (viewY1 - anchor) * factor;
        }
        redraw();
        e.consume();
    }

    private void startDrag(MouseEvent e) {
        dragX = e.getX();
        dragY = e.getY();
    }

    private void drag(MouseEvent e) {
        if (series.isEmpty()) {
            return;
        }
        takeViewFromShown();
        double plotW = canvas.getWidth() - LEFT - RIGHT;
        double plotH = canvas.getHeight() - TOP - BOTTOM;
        double dx = (e.getX() - dragX) / plotW * (viewX1 - viewX0);
        double dy = (e.getY() - dragY) / plotH * (viewY1 - viewY0);
        viewX0 -= dx;
        viewX1 -= dx;
        viewY0 += dy;
        viewY1 += dy;
        dragX = e.getX();
        dragY = e.getY();
        redraw();
    }

    /** The marks of the current window, for tests and exports. */
    List<Mark> currentMarks() {
        return new ArrayList<>(marks.get());
    }
}
