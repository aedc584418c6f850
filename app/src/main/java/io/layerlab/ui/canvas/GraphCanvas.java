package io.layerlab.ui.canvas;

import io.layerlab.graph.AddNode;
import io.layerlab.graph.CompoundEdit;
import io.layerlab.graph.Disconnect;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Edit;
import io.layerlab.graph.Graph;
import io.layerlab.graph.GraphListener;
import io.layerlab.graph.MoveNodes;
import io.layerlab.graph.Node;
import io.layerlab.graph.RemoveNodes;
import io.layerlab.shape.ShapeInference;
import io.layerlab.shape.ShapeReport;
import io.layerlab.train.LayerStats;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.support.DragFormats;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;

/**
 * The node-graph editor in the middle of the designer: shows a {@link DesignDocument}'s graph and
 * turns mouse and keyboard work into undoable edits on it.
 *
 * <p>Mouse: drag from an output port to an input port to wire (ports that cannot take the wire
 * are dimmed, a refused drop says why); drag a wired input to re-route or remove its wire; drag
 * nodes to move them (one undo step per drag); drag on empty space for a rubber band, Shift-click
 * to extend the selection, click empty space to clear it; click a wire to select it. Pan with the
 * middle or right button, or Space + drag; zoom with the wheel (around the cursor) or a pinch.
 * Keys: Delete/Backspace, arrows to nudge (Shift for larger steps), Escape, and Ctrl/Cmd with
 * A, C, V, D, 0 (fit), plus and minus. Layers and activations dropped from the palette
 * ({@link DragFormats}) become nodes with the catalog's defaults.
 *
 * <p>Everything here runs on the JavaFX thread.
 */
public class GraphCanvas extends Region {
    /** Grid cell, in graph units. */
    public static final double GRID = 20;
    public static final double MIN_ZOOM = 0.1;
    public static final double MAX_ZOOM = 3.0;
    /** Below this zoom nodes show only their titles and wires lose their labels. */
    static final double DETAIL_ZOOM = 0.45;
    /**
     * Below this zoom the graph is drawn as plain shapes ({@link OverviewLayer}). As low as
     * {@link #DETAIL_ZOOM}: titles at under half size are hardly readable, and a few hundred cards
     * that small cost the software renderer several frames' time whenever the zoom changes.
     */
    static final double OVERVIEW_ZOOM = DETAIL_ZOOM;
    static final double DRAG_THRESHOLD = 3;
    /** How close (screen pixels) the loose end of a wire must come to a port to snap to it. */
    static final double PORT_REACH = 18;
    /** How close (screen pixels) a click must come to a wire to select it. */
    static final double WIRE_REACH = 6;
    private static final double ZOOM_STEP = 1.25;
    private static final double FIT_MARGIN = 40;
    /** The least margin a fit leaves, where the usual one would leave the cards too small to read. */
    private static final double FIT_LEAST_MARGIN = 12;
    private static final double SNAPSHOT_MARGIN = 24;
    /** Largest side of an exported picture; bigger diagrams are scaled down to it. */
    private static final double SNAPSHOT_MAX_SIDE = 8192;

    /** How long after the last wheel step the nodes are drawn in full again. */
    static final Duration ZOOM_SETTLE = Duration.millis(150);

    private final GridLayer grid = new GridLayer();
    private final PauseTransition zoomSettle = new PauseTransition(ZOOM_SETTLE);
    /**
     * The view's offset as drawn: {@link #panX}, {@link #panY} rounded to whole pixels, so cached
     * node bitmaps are copied as they are; a fractional offset would make the software renderer
     * resample every one of them each frame. Coordinates are converted with the exact offset.
     */
    private final Translate pan = new Translate();
    private double panX;
    private double panY;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Group world = new Group();
    private final DiagramView diagram = new DiagramView(this::sketchPalette);
    private final Group ghostLayer = new Group();
    private final Rectangle band = new Rectangle();
    private final MessageBubble bubble = new MessageBubble();
    private final Minimap minimap;
    private final OverviewLayer overview;
    private final OverviewTooltip overviewTooltip;
    private final Rectangle clip = new Rectangle();

    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1) {
        @Override protected void invalidated() { applyZoom(); }
    };
    private final BooleanProperty snapToGrid = new SimpleBooleanProperty(this, "snapToGrid", true);
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final ReadOnlyObjectWrapper<Edge> selectedWire = new ReadOnlyObjectWrapper<>(this, "selectedWire");

    private final GraphListener graphListener = g -> graphChanged();
    private final ChangeListener<ShapeReport> reportListener = (obs, was, now) -> graphChanged();
    private final SetChangeListener<String> selectionListener = change -> selectionChanged();
    private DesignDocument document;
    private Gesture gesture;
    private double zoomPivotX = Double.NaN;
    private double zoomPivotY = Double.NaN;
    private boolean fitPending;
    private double laidOutWidth = -1;
    private double laidOutHeight = -1;
    private Graph measuredGraph;
    private ShapeReport measuredReport;
    private final ClipboardCommands clipboard = new ClipboardCommands(this);
    private final CanvasKeys keys = new CanvasKeys(this);
    private final EmptyCanvasHint emptyHint = new EmptyCanvasHint();

    public GraphCanvas() {
        getStyleClass().add("graph-canvas");
        URL css = GraphCanvas.class.getResource("/styles/canvas.css");
        if (css != null) getStylesheets().add(css.toExternalForm());
        setFocusTraversable(true);
        setMinSize(0, 0);
        setPrefSize(800, 600);

        world.getTransforms().setAll(pan, scale);
        world.setManaged(false);
        world.getChildren().addAll(diagram, ghostLayer);
        ghostLayer.setMouseTransparent(true);
        band.getStyleClass().add("rubber-band");
        band.setManaged(false);
        band.setVisible(false);
        band.setMouseTransparent(true);
        minimap = new Minimap(new Minimap.Source() {
            @Override public void forEachNode(Minimap.NodeSink sink) {
                for (NodeView v : diagram.views()) {
                    sink.node(v.getLayoutX(), v.getLayoutY(), v.getWidth(), v.getHeight(), v.isSelected());
                }
            }

            @Override public Bounds visibleWorld() { return GraphCanvas.this.visibleWorld(); }
        }, this::centreOnWorld);
        minimap.setManaged(false);
        minimap.setVisible(false);
        overview = new OverviewLayer(new OverviewLayer.Source() {
            @Override public void forEachNode(OverviewLayer.NodeSink sink) {
                for (NodeView v : diagram.views()) {
                    sink.node(v.getLayoutX(), v.getLayoutY(), v.getWidth(), v.getHeight(), v.accentBand(), v.accent(),
                            v.isSelected(), v.hasError(), v.gauges() == null ? null : v.gauges().shown(), v.node().id());
                }
            }

            @Override public void forEachWire(OverviewLayer.WireSink sink) {
                for (WireView w : diagram.wires()) {
                    javafx.scene.shape.CubicCurve c = w.curve();
                    sink.wire(c.getStartX(), c.getStartY(), c.getControlX1(), c.getControlY1(),
                            c.getControlX2(), c.getControlY2(), c.getEndX(), c.getEndY());
                }
            }
        });
        overview.setManaged(false);
        overview.setVisible(false);
        overviewTooltip = new OverviewTooltip(this, overview.visibleProperty(), p -> diagram.nodeAt(toWorld(p)));
        diagram.setOnContentMoved(overview::refresh);
        zoomSettle.setOnFinished(e -> zoomSettled());
        getChildren().addAll(grid, emptyHint, world, overview, band, bubble, minimap);

        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(ZoomEvent.ZOOM, e -> {
            zoomByGesture(getZoom() * e.getZoomFactor(), e.getX(), e.getY());
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, keys::pressed);
        addEventHandler(KeyEvent.KEY_RELEASED, keys::released);
        addEventHandler(DragEvent.DRAG_OVER, this::dragOver);
        addEventHandler(DragEvent.DRAG_DROPPED, this::dragDropped);
        viewChanged();
        showHintWhenEmpty();
    }

    // --- document ---

    /** Shows this document (null shows nothing); the previous one is let go. */
    public void setDocument(DesignDocument doc) {
        if (gesture != null) { gesture.cancel(); gesture = null; }
        if (document != null) {
            document.graph().removeListener(graphListener);
            document.reportProperty().removeListener(reportListener);
            document.selection().removeListener(selectionListener);
        }
        document = doc;
        diagram.setSelectedWire(null);
        selectedWire.set(null);
        clipboard.forget();
        if (doc != null) {
            doc.graph().addListener(graphListener);
            doc.reportProperty().addListener(reportListener);
            doc.selection().addListener(selectionListener);
        }
        diagram.setDocument(doc);
        refreshMinimap();
        showHintWhenEmpty();
    }

    /** The hint shows on an empty graph only (and on no document, none). */
    private void showHintWhenEmpty() {
        emptyHint.setVisible(document != null && document.graph().nodes().isEmpty());
    }

    public DesignDocument getDocument() { return document; }

    private void selectionChanged() {
        if (minimap.isVisible()) minimap.refreshNodes();
        overview.refresh();
    }

    private void graphChanged() {
        if (gesture != null && !(gesture instanceof PanGesture)) {
            // The graph changed under a drag (an undo from the menu): the drag's picture is stale.
            gesture.cancel();
            gesture = null;
        }
        diagram.sync();
        overview.refresh();
        WireView sel = diagram.selectedWire();
        selectedWire.set(sel == null ? null : sel.edge());
        refreshMinimap();
        showHintWhenEmpty();
    }

    // --- training statistics ---

    /**
     * Shows each layer's latest training statistics as small gauges on its node (mean |gradient|,
     * dead ReLUs, saturation, update/weight ratio, coloured healthy, caution or warning; the
     * node's tooltip reads them out). A node shows its gauges only while it is as it was
     * measured: same type, parameters, wires in and shapes; an edit that changes it (or the size
     * of its input) hides them, undoing the edit brings them back. Call again with each new sample: it repaints the gauges without
     * laying out the canvas again.
     *
     * @param statistics by node id; nodes without an entry show no gauges
     * @param measured   the graph the statistics were measured on (the run's frozen copy)
     */
    public void showLayerStatistics(Map<String, LayerStats> statistics, Graph measured) {
        Objects.requireNonNull(measured, "measured");
        Map<String, LayerGauges> gauges = new LinkedHashMap<>();
        statistics.forEach((id, stats) -> {
            LayerGauges g = LayerGauges.of(stats);
            if (!g.isEmpty()) gauges.put(id, g);
        });
        if (measured != measuredGraph) {
            // Once per run: the shapes it was measured with, to tell which nodes an edit has changed since.
            measuredGraph = measured;
            measuredReport = ShapeInference.infer(measured);
        }
        diagram.setGauges(gauges, measuredGraph, measuredReport);
        overview.gaugesChanged();
    }

    /** Removes every node's gauges (a new run starts, another project is shown). */
    public void clearLayerStatistics() {
        measuredGraph = null;
        measuredReport = null;
        diagram.setGauges(Map.of(), null, null);
        overview.gaugesChanged();
    }

    // --- view: zoom and pan ---

    /** Zoom factor (1 = 100 %), kept between {@link #MIN_ZOOM} and {@link #MAX_ZOOM}; set it to zoom around the centre. */
    public DoubleProperty zoomProperty() { return zoom; }

    public double getZoom() { return zoom.get(); }

    public void zoomIn() { zoomAround(getZoom() * ZOOM_STEP, getWidth() / 2, getHeight() / 2); }

    public void zoomOut() { zoomAround(getZoom() / ZOOM_STEP, getWidth() / 2, getHeight() / 2); }

    /** Back to 100 %, around the centre of the view. */
    public void resetZoom() { zoomAround(1, getWidth() / 2, getHeight() / 2); }

    /** Zooms so the point (canvas coordinates) stays where it is on screen. */
    void zoomAround(double factor, double x, double y) {
        zoomPivotX = x;
        zoomPivotY = y;
        try {
            zoom.set(clampZoom(factor));
        } finally {
            zoomPivotX = Double.NaN;
            zoomPivotY = Double.NaN;
        }
    }

    /**
     * Zooms for the wheel or a pinch, which come many times a second: while they keep coming,
     * nodes are drawn as plain boxes and wire labels hidden (no bitmap is drawn for a zoom that
     * lasts one frame), and once the zooming pauses ({@link #ZOOM_SETTLE}) everything in view is
     * drawn in full at the new size within a few frames.
     */
    void zoomByGesture(double factor, double x, double y) {
        diagram.setMoving(true);
        overview.setQuickZoom(true);
        grid.setQuickZoom(true);
        zoomSettle.playFromStart();
        zoomAround(factor, x, y);
    }

    /** The wheel has stopped: everything in view is drawn in full again, a few bitmaps per frame. */
    private void zoomSettled() {
        zoomSettle.stop();
        diagram.setMoving(false);
        overview.setQuickZoom(false);
        grid.setQuickZoom(false);
    }

    private void applyZoom() {
        double z = zoom.get();
        double clamped = clampZoom(z);
        if (clamped != z && !zoom.isBound()) {
            zoom.set(clamped);
            return;
        }
        double old = scale.getX();
        if (old == clamped) return;
        double px = Double.isNaN(zoomPivotX) ? getWidth() / 2 : zoomPivotX;
        double py = Double.isNaN(zoomPivotY) ? getHeight() / 2 : zoomPivotY;
        panX = px - (px - panX) * clamped / old;
        panY = py - (py - panY) * clamped / old;
        pan.setX(Math.round(panX));
        pan.setY(Math.round(panY));
        scale.setX(clamped);
        scale.setY(clamped);
        viewChanged();
    }

    private static double clampZoom(double z) {
        if (Double.isNaN(z)) return 1;
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }

    double panX() { return panX; }

    double panY() { return panY; }

    void setPan(double x, double y) {
        panX = x;
        panY = y;
        pan.setX(Math.round(x));
        pan.setY(Math.round(y));
        viewChanged();
    }

    private void viewChanged() {
        grid.setView(panX, panY, scale.getX());
        boolean far = scale.getX() < OVERVIEW_ZOOM;
        if (far == world.isVisible()) {
            world.setVisible(!far);
            overview.setVisible(far);
            diagram.setShowing(!far);
        }
        overview.setView(panX, panY, scale.getX());
        if (!far) {
            diagram.setDetailed(scale.getX() >= DETAIL_ZOOM);
            diagram.setView(visibleWorld(), scale.getX());
        }
        updateMinimapVisibility();
        if (minimap.isVisible()) minimap.refreshView();
    }

    /** Zooms and pans so the whole graph is in view (never above 100 %). */
    public void fitToView() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            requestLayout();
            return;
        }
        fitPending = false;
        settleLayout();
        Bounds b = diagram.contentBounds();
        if (b == null) {
            zoomAround(1, 0, 0);
            setPan(FIT_MARGIN, FIT_MARGIN);
            return;
        }
        double z = fittedZoom(FIT_MARGIN, b);
        // A graph a little too wide for its cards to be read: a narrower margin keeps them readable
        // rather than turning them into boxes (where it cannot, the usual margin stays).
        if (z < DETAIL_ZOOM && fittedZoom(FIT_LEAST_MARGIN, b) >= DETAIL_ZOOM) z = DETAIL_ZOOM;
        zoomAround(z, 0, 0);
        double applied = getZoom();
        setPan(getWidth() / 2 - (b.getMinX() + b.getWidth() / 2) * applied,
                getHeight() / 2 - (b.getMinY() + b.getHeight() / 2) * applied);
    }

    /** The zoom at which content of bounds {@code b} fills the view, {@code margin} pixels left on every side; at most 100 %. */
    private double fittedZoom(double margin, Bounds b) {
        return Math.min(1, Math.min((getWidth() - 2 * margin) / Math.max(1, b.getWidth()),
                (getHeight() - 2 * margin) / Math.max(1, b.getHeight())));
    }

    /** Pans (keeping the zoom) so the node is in the middle of the view. */
    public void centerOn(String nodeId) {
        NodeView v = diagram.view(nodeId);
        if (v == null) return;
        settleLayout();
        centreOnWorld(new Point2D(v.getLayoutX() + v.getWidth() / 2, v.getLayoutY() + v.getHeight() / 2));
    }

    private void centreOnWorld(Point2D p) {
        setPan(getWidth() / 2 - p.getX() * getZoom(), getHeight() / 2 - p.getY() * getZoom());
    }

    /** Canvas coordinates to graph coordinates. */
    Point2D toWorld(Point2D local) {
        return new Point2D((local.getX() - panX) / scale.getX(), (local.getY() - panY) / scale.getY());
    }

    /** Graph coordinates to canvas coordinates. */
    Point2D toCanvas(Point2D world) {
        return new Point2D(world.getX() * scale.getX() + panX, world.getY() * scale.getY() + panY);
    }

    /** The part of the graph plane currently on screen. */
    Bounds visibleWorld() {
        Point2D a = toWorld(Point2D.ZERO);
        Point2D b = toWorld(new Point2D(getWidth(), getHeight()));
        return new BoundingBox(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
    }

    // --- snapping ---

    /** Whether nodes land on the grid when placed, moved or laid out. */
    public BooleanProperty snapToGridProperty() { return snapToGrid; }

    double snap(double v) { return snapToGrid.get() ? Math.round(v / GRID) * GRID : v; }

    // --- status ---

    /** The canvas's latest message for the status bar: why a wire was refused, what was copied. */
    public ReadOnlyStringProperty statusMessageProperty() { return statusMessage.getReadOnlyProperty(); }

    void setStatus(String message) { statusMessage.set(message == null ? "" : message); }

    /** Explains a refusal next to where it happened and in the status bar. */
    void refuse(String message, Point2D at) {
        setStatus(message);
        bubble.show(message, at, getWidth(), getHeight());
    }

    /** The selected wire (Delete removes it), or null. */
    public ReadOnlyObjectProperty<Edge> selectedWireProperty() { return selectedWire.getReadOnlyProperty(); }

    // --- edits ---

    /**
     * Adds a node of this catalog type with the catalog's defaults (overridden by {@code params})
     * at a point of the canvas (its top-left corner goes there, on the grid when snapping), or in
     * the middle of the view when the point is null, and selects it.
     *
     * @return the new node's id (from its type: dense1, conv2d2, or relu1 for an Activation)
     * @throws IllegalArgumentException for a type the catalog does not know
     * @throws IllegalStateException when no document is shown
     */
    public String addNodeAt(String type, Map<String, Object> params, Point2D canvasPoint) {
        DesignDocument doc = requireDocument();
        Map<String, Object> p = NodeIds.defaultParams(type, params == null ? Map.of() : params);
        Point2D at = canvasPoint != null ? toWorld(canvasPoint) : freeSpotNearCentre();
        String id = doc.graph().freshId(NodeIds.prefixFor(type, p));
        execute(new AddNode(new Node(id, type, snap(at.getX()), snap(at.getY()), p)));
        selectOnly(List.of(id));
        return id;
    }

    /** The middle of the view, moved down and right past nodes already placed exactly there. */
    private Point2D freeSpotNearCentre() {
        Point2D c = toWorld(new Point2D(getWidth() / 2 - 80, getHeight() / 2 - 30));
        double x = snap(c.getX());
        double y = snap(c.getY());
        Set<String> taken = new java.util.HashSet<>();
        for (Node n : document.graph().nodes()) taken.add(n.x() + "," + n.y());
        while (taken.contains(x + "," + y)) { x += 2 * GRID; y += 2 * GRID; }
        return new Point2D(x, y);
    }

    public void selectAll() {
        if (document == null) return;
        List<String> all = new ArrayList<>();
        for (Node n : document.graph().nodes()) all.add(n.id());
        selectOnly(all);
    }

    /** Removes the selected wire, or else the selected nodes with their wires (one undo step). */
    public void deleteSelection() {
        if (document == null) return;
        WireView wire = diagram.selectedWire();
        if (wire != null) {
            selectWire(null);
            execute(new Disconnect(wire.edge()));
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Node n : document.graph().nodes()) if (document.selection().contains(n.id())) ids.add(n.id());
        if (!ids.isEmpty()) execute(new RemoveNodes(ids));
    }

    /** Puts the selected nodes and the wires among them on the system clipboard. */
    public void copySelection() { if (document != null) clipboard.copy(); }

    /**
     * Adds the nodes on the clipboard with fresh ids, shifted so they do not hide the originals
     * (or in the middle of the view when the originals are out of sight), as one undo step, and
     * selects them.
     */
    public void paste() { if (document != null) clipboard.paste(); }

    /** Copies the selected nodes (and the wires among them) next to themselves, as one undo step. */
    public void duplicateSelection() { if (document != null) clipboard.duplicate(); }

    /** Moves the selected nodes by this much (graph units), as one undo step. */
    public void nudgeSelection(double dx, double dy) {
        if (document == null || (dx == 0 && dy == 0)) return;
        Map<String, double[]> targets = new LinkedHashMap<>();
        for (Node n : document.graph().nodes()) {
            if (document.selection().contains(n.id())) targets.put(n.id(), new double[] {n.x() + dx, n.y() + dy});
        }
        if (!targets.isEmpty()) execute(new MoveNodes(targets));
    }

    /**
     * Arranges the whole graph in columns from left to right, following the wires ({@link
     * LayeredLayout}), as one undo step ("Auto layout"), starting where the graph's top-left is.
     */
    public void autoLayout() {
        if (document == null || document.graph().size() == 0) return;
        settleLayout();
        List<String> ids = new ArrayList<>();
        for (Node n : document.graph().nodes()) ids.add(n.id());
        Bounds before = diagram.contentBounds();
        Map<String, double[]> placed = LayeredLayout.place(ids, document.graph().edges(), id -> {
            NodeView v = diagram.view(id);
            return v == null || v.getWidth() <= 0 ? new LayeredLayout.Size(180, 80) : new LayeredLayout.Size(v.getWidth(), v.getHeight());
        }, snap(before.getMinX()), snap(before.getMinY()));
        Map<String, double[]> moves = new LinkedHashMap<>();
        for (Node n : document.graph().nodes()) {
            double[] xy = placed.get(n.id());
            double x = snap(xy[0]);
            double y = snap(xy[1]);
            if (x != n.x() || y != n.y()) moves.put(n.id(), new double[] {x, y});
        }
        if (moves.isEmpty()) {
            setStatus("The graph is already laid out.");
            return;
        }
        execute(new CompoundEdit("Auto layout", List.of(new MoveNodes(moves))));
        settleLayout();
        Bounds after = diagram.contentBounds();
        Bounds view = visibleWorld();
        if (!(view.contains(after.getMinX(), after.getMinY()) && view.contains(after.getMaxX(), after.getMaxY()))) fitToView();
    }

    void execute(Edit edit) {
        requireDocument().execute(edit);
    }

    private DesignDocument requireDocument() {
        if (document == null) throw new IllegalStateException("the canvas shows no document");
        return document;
    }

    static String count(int n) { return n == 1 ? "1 node" : n + " nodes"; }

    // --- selection ---

    /** Makes exactly these nodes selected, touching the selection set as little as possible. */
    void selectOnly(Collection<String> ids) {
        if (document == null) return;
        selectWire(null);
        Set<String> wanted = new LinkedHashSet<>(ids);
        document.selection().retainAll(wanted);
        document.selection().addAll(wanted);
    }

    void selectWire(WireView wire) {
        diagram.setSelectedWire(wire);
        selectedWire.set(wire == null ? null : wire.edge());
    }

    // --- export ---

    /**
     * The whole graph at 1:1 (bigger graphs are scaled down to 8192 pixels on the longer side) on
     * the canvas's plain background colour, without the grid, selection or other marks of editing.
     */
    public WritableImage snapshotDiagram() {
        settleLayout();
        Paint background = backgroundPaint();
        List<NodeView> selected = new ArrayList<>();
        for (NodeView v : diagram.views()) if (v.isSelected()) { selected.add(v); v.setSelected(false); }
        WireView wire = diagram.selectedWire();
        diagram.setSelectedWire(null);
        boolean detailed = diagram.isDetailed();
        diagram.setDetailed(true);
        diagram.setView(null, getZoom());
        boolean worldShown = world.isVisible();
        world.setVisible(true);
        try {
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(background);
            Bounds b = diagram.getBoundsInLocal();
            if (diagram.views().isEmpty() || b.isEmpty()) {
                b = new BoundingBox(0, 0, 1, 1);
            }
            double w = b.getWidth() + 2 * SNAPSHOT_MARGIN;
            double h = b.getHeight() + 2 * SNAPSHOT_MARGIN;
            double s = Math.min(1, SNAPSHOT_MAX_SIDE / Math.max(w, h));
            params.setTransform(new Scale(s, s));
            params.setViewport(new Rectangle2D((b.getMinX() - SNAPSHOT_MARGIN) * s, (b.getMinY() - SNAPSHOT_MARGIN) * s,
                    Math.ceil(w * s), Math.ceil(h * s)));
            return diagram.snapshot(params, null);
        } finally {
            for (NodeView v : selected) v.setSelected(true);
            diagram.setSelectedWire(wire);
            diagram.setDetailed(detailed);
            // The picture drew the cards at its own scale: their bitmaps must be drawn again.
            diagram.forgetBitmaps();
            diagram.setView(visibleWorld(), getZoom());
            world.setVisible(worldShown);
        }
    }

    private Paint backgroundPaint() {
        if (getBackground() != null) {
            for (BackgroundFill f : getBackground().getFills()) if (f.getFill() instanceof Color c && c.getOpacity() > 0) return c;
        }
        return Color.WHITE;
    }

    /** Applies CSS and layout now, so sizes and port positions are current (new views, a theme change). */
    private void settleLayout() {
        if (getScene() != null) {
            applyCss();
            layout();
        }
    }

    // --- layout ---

    @Override protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (w != laidOutWidth || h != laidOutHeight) {
            laidOutWidth = w;
            laidOutHeight = h;
            diagram.setView(visibleWorld(), getZoom());
        }
        grid.resizeRelocate(0, 0, w, h);
        emptyHint.centreIn(w, h);
        overview.resizeRelocate(0, 0, w, h);
        minimap.autosize();
        minimap.relocate(w - minimap.getWidth() - 12, h - minimap.getHeight() - 12);
        if (fitPending && w > 0 && h > 0) fitToView();
        updateMinimapVisibility();
    }

    /** After an edit or a change of selection: the minimap's nodes may have changed. */
    private void refreshMinimap() {
        updateMinimapVisibility();
        if (minimap.isVisible()) minimap.refreshNodes();
    }

    /**
     * The minimap appears only when part of the graph is out of view, and only on a canvas at
     * least twice its size: on the dashboard's short strip it covered most of the graph it maps.
     */
    private void updateMinimapVisibility() {
        Bounds content = diagram.contentBounds();
        boolean needed = content != null && getWidth() > 2 * Minimap.WIDTH && getHeight() > 2 * Minimap.HEIGHT
                && !visibleWorld().contains(content);
        if (needed != minimap.isVisible()) {
            minimap.setVisible(needed);
            if (needed) minimap.refreshNodes();
        }
    }

    /**
     * Whether everything in view is drawn in full and the wheel is not zooming: close up, no card
     * or label waits for its turn to be drawn ({@link DiagramView}; cards and labels out of view
     * are not in the scene at all); far out, the overview's picture is up to date.
     */
    public boolean isSettled() {
        if (world.isVisible()) return diagram.isSettled();
        return zoomSettle.getStatus() != Animation.Status.RUNNING && overview.showsPicture() && !overview.isNeedsLayout();
    }

    // --- for the gestures and tests in this package ---

    DiagramView diagram() { return diagram; }

    private SketchLayer.Palette sketchPalette() { return overview; }

    Group ghostLayer() { return ghostLayer; }

    Minimap minimap() { return minimap; }

    OverviewLayer overview() { return overview; }

    /** Far out, the tooltip naming the node under the mouse (see {@link OverviewTooltip}). */
    javafx.scene.control.Tooltip overviewTooltip() { return overviewTooltip.tooltip(); }


    MessageBubble bubble() { return bubble; }

    DesignDocument document() { return document; }

    void restoreCursor() { setCursor(keys.spaceDown() ? Cursor.OPEN_HAND : Cursor.DEFAULT); }

    boolean gestureActive() { return gesture != null; }

    /** Abandons the drag in progress; false if there was none. */
    boolean cancelGesture() {
        if (gesture == null) return false;
        gesture.cancel();
        gesture = null;
        return true;
    }

    // --- mouse ---

    private void pressed(MouseEvent e) {
        requestFocus();
        bubble.hide();
        if (gesture != null || document == null) return;
        // A press means the wheel has stopped: what is pressed on must be there in full.
        if (diagram.isMoving()) zoomSettled();
        Point2D p = new Point2D(e.getX(), e.getY());
        if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY
                || (e.getButton() == MouseButton.PRIMARY && keys.spaceDown())) {
            gesture = new PanGesture(this, p);
            e.consume();
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) return;
        // Far out, the graph is an overview picture: find the node under the mouse by geometry.
        Object hit = world.isVisible() ? hitTarget(e.getPickResult().getIntersectedNode()) : diagram.nodeAt(toWorld(p));
        // A card drawn as a box when pressed (just scrolled or zoomed into view) was not picked: find it by geometry.
        if (hit == null && world.isVisible()) hit = diagram.targetAt(toWorld(p));
        if (hit == null && world.isVisible()) hit = diagram.wireNear(toWorld(p), WIRE_REACH / getZoom());
        if (hit instanceof PortView port) {
            selectWire(null);
            gesture = WireGesture.startingAt(this, port, p);
        } else if (hit instanceof NodeView view) {
            gesture = pressOnNode(view, p, e.isShiftDown() || e.isShortcutDown());
        } else if (hit instanceof WireView wire) {
            document.selection().clear();
            selectWire(wire);
        } else {
            gesture = new BandGesture(this, band, p, e.isShiftDown() || e.isShortcutDown());
        }
        e.consume();
    }

    private Gesture pressOnNode(NodeView view, Point2D p, boolean extend) {
        Set<String> selection = document.selection();
        String id = view.nodeId();
        Runnable onClick = () -> { };
        if (extend) {
            if (selection.contains(id)) {
                selection.remove(id);
                return null;
            }
            selectWire(null);
            selection.add(id);
        } else if (!selection.contains(id)) {
            selectOnly(List.of(id));
        } else {
            onClick = () -> selectOnly(List.of(id));
        }
        List<NodeView> moving = new ArrayList<>();
        for (NodeView v : diagram.views()) if (selection.contains(v.nodeId())) moving.add(v);
        return new MoveGesture(this, view, moving, p, onClick);
    }

    private void dragged(MouseEvent e) {
        if (gesture != null) {
            gesture.drag(new Point2D(e.getX(), e.getY()), e);
            e.consume();
        }
    }

    private void released(MouseEvent e) {
        if (gesture != null) {
            Gesture g = gesture;
            gesture = null;
            g.release(new Point2D(e.getX(), e.getY()), e);
            e.consume();
        }
    }

    /** The port or node under the mouse, found from the picked scene node upwards. */
    private Object hitTarget(javafx.scene.Node picked) {
        for (javafx.scene.Node n = picked; n != null && n != this; n = n.getParent()) {
            if (n instanceof PortView || n instanceof NodeView) return n;
        }
        return null;
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0 && e.getDeltaX() == 0) return;
        if (e.isShiftDown() && !e.isShortcutDown()) {
            // Shift + wheel pans sideways (the wheel's delta arrives in X or Y depending on the platform).
            double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            setPan(panX + d, panY);
        } else if (e.getTouchCount() > 0 || e.isInertia()) {
            // Two-finger scrolling on a touchpad pans; pinching zooms (ZoomEvent).
            setPan(panX + e.getDeltaX(), panY + e.getDeltaY());
        } else {
            zoomByGesture(getZoom() * Math.exp(e.getDeltaY() * 0.0025), e.getX(), e.getY());
        }
        e.consume();
    }

    // --- drops from the palette ---

    private void dragOver(DragEvent e) {
        Dragboard db = e.getDragboard();
        if (document != null && (db.hasContent(DragFormats.LAYER_TYPE) || db.hasContent(DragFormats.ACTIVATION))) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        }
    }

    private void dragDropped(DragEvent e) {
        Dragboard db = e.getDragboard();
        Point2D at = new Point2D(e.getX(), e.getY());
        boolean done = false;
        try {
            if (document != null && db.hasContent(DragFormats.LAYER_TYPE)) {
                addNodeAt(String.valueOf(db.getContent(DragFormats.LAYER_TYPE)), Map.of(), at);
                done = true;
            } else if (document != null && db.hasContent(DragFormats.ACTIVATION)) {
                addNodeAt("Activation", Map.of("function", String.valueOf(db.getContent(DragFormats.ACTIVATION))), at);
                done = true;
            }
        } catch (IllegalArgumentException bad) {
            refuse(bad.getMessage(), at);
        }
        e.setDropCompleted(done);
        e.consume();
        requestFocus();
    }

    @Override public String toString() {
        return "GraphCanvas[" + (document == null ? "empty" : Objects.toString(document.project().name())) + "]";
    }
}
