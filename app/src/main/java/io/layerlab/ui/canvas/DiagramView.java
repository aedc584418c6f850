package io.layerlab.ui.canvas;

import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.ShapeReport;
import io.layerlab.shape.TensorShape;
import io.layerlab.ui.model.DesignDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.collections.SetChangeListener;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;

/**
 * The drawn graph: a view per node and per wire, kept in step with a {@link DesignDocument}.
 * After every edit it compares the graph with what is shown and touches only what changed
 * (views added, removed or updated by id; wires re-attached only where a node moved, resized or
 * gained a port), so a large graph stays responsive. Coordinates are the graph's own (world).
 *
 * <p>Levels of detail. Only what meets the view (plus a margin) is shown. A card or wire label is
 * a cached bitmap, drawn afresh whenever the zoom changes or it changes; a view change can ask
 * for a hundred at once, so new bitmaps are handed out a few per frame ({@link DetailBudget}),
 * nearest the middle of the view first, and a card waiting for its turn is drawn as a box
 * ({@link SketchLayer}). While the view is {@linkplain #setMoving moving} (the wheel zooming)
 * every card is a box and labels are hidden: boxes and curves cost nothing to scale. Once it
 * stops, everything in view is drawn in full within a few frames.
 */
final class DiagramView extends Group {
    private final Group wireLayer = new Group();
    private final Group labelLayer = new Group();
    private final CardLayer nodeLayer = new CardLayer();
    private final SketchLayer sketches;
    private final DetailBudget budget = new DetailBudget(perFrameBudgetMs());
    /** Cards and labels in view that wait for their bitmap, drawn as boxes (cards) or not (labels) meanwhile. */
    private final Set<NodeView> pendingViews = new LinkedHashSet<>();
    private final Set<WireView> pendingLabels = new LinkedHashSet<>();
    private final AnimationTimer frames = new AnimationTimer() {
        @Override public void handle(long now) { frameStarts(now); }
    };
    private boolean framesRunning;
    private final Map<String, NodeView> views = new LinkedHashMap<>();
    private final Map<Edge, WireView> wires = new HashMap<>();
    private final Map<String, List<WireView>> wiresByNode = new HashMap<>();
    private final SetChangeListener<String> selectionListener = change -> {
        if (change.wasAdded()) select(change.getElementAdded(), true);
        if (change.wasRemoved()) select(change.getElementRemoved(), false);
    };
    private DesignDocument document;
    private ShapeReport shownReport;
    private long shownVersion = -1;
    private boolean detailed = true;
    private boolean moving;
    private boolean showing = true;
    private WireView selectedWire;
    /** Only what meets this rectangle (graph coordinates) is drawn; null draws everything. */
    private Bounds shownArea;
    /** The part of the graph on screen (graph coordinates); null when everything is drawn. */
    private Bounds visibleArea;
    /** The zoom the view is drawn at (bitmaps drawn at another zoom must be drawn again). */
    private double zoom = 1;
    /** Drawn margin around the visible area, so nodes do not pop in at the edges. */
    private static final double CULL_MARGIN = 60;
    /** Slack around the view for a label's middle: a label half in view is drawn too. */
    private static final double LABEL_SLACK = 40;
    /**
     * New bitmap work per frame, in estimated milliseconds (software pipeline): with the 5-8 ms a
     * frame of a large graph at 100 % takes, a frame stays under 16 ms. Hardware pipelines draw
     * bitmaps many times faster.
     */
    static final double SOFTWARE_BUDGET_MS = 5;
    /** Training statistics by node id, and the graph they were measured on. */
    private Map<String, LayerGauges> gauges = Map.of();
    /** {@link #contentBounds()} as last measured; null when stale. */
    private Bounds contentBounds;
    private Runnable contentMoved = () -> { };
    private Graph measured;
    private ShapeReport measuredReport;

    /** @param palette the colours of the boxes drawn for cards awaiting their bitmap */
    DiagramView(Supplier<SketchLayer.Palette> palette) {
        sketches = new SketchLayer(palette);
        getStyleClass().add("diagram");
        wireLayer.getStyleClass().add("wire-layer");
        labelLayer.getStyleClass().add("label-layer");
        getChildren().addAll(wireLayer, labelLayer, sketches, nodeLayer);
    }

    private static double perFrameBudgetMs() {
        // 3D support stands for a hardware pipeline: the software one has none.
        return Platform.isSupported(ConditionalFeature.SCENE3D) ? 4 * SOFTWARE_BUDGET_MS : SOFTWARE_BUDGET_MS;
    }

    void setDocument(DesignDocument doc) {
        if (document != null) document.selection().removeListener(selectionListener);
        clear();
        document = doc;
        if (doc != null) {
            doc.selection().addListener(selectionListener);
            sync();
        }
    }

    /**
     * Runs whenever a node view moves or changes size, by an edit or during a drag (what is drawn
     * of the graph has moved).
     */
    void setOnContentMoved(Runnable action) { contentMoved = action == null ? () -> { } : action; }

    /** Brings the views in line with the graph and its latest shape report. */
    void sync() {
        if (document == null) return;
        Graph graph = document.graph();
        ShapeReport report = document.report();
        if (graph.version() == shownVersion && report == shownReport) return;
        contentBounds = null;
        shownVersion = graph.version();
        shownReport = report;

        Map<String, List<Edge>> wiresIn = new HashMap<>();
        Set<String> feeding = new HashSet<>();
        for (Edge e : graph.edges()) {
            wiresIn.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
            feeding.add(e.from());
        }
        for (List<Edge> in : wiresIn.values()) in.sort(Comparator.comparingInt(Edge::toPort));
        Map<String, List<Diagnostic>> problems = new HashMap<>();
        for (Diagnostic d : report.diagnostics()) {
            if (d.nodeId() != null) problems.computeIfAbsent(d.nodeId(), k -> new ArrayList<>()).add(d);
        }

        for (Iterator<Map.Entry<String, NodeView>> it = views.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, NodeView> entry = it.next();
            if (!graph.contains(entry.getKey())) {
                forget(entry.getValue());
                it.remove();
            }
        }
        Set<String> reattach = new HashSet<>();
        for (Node n : graph.nodes()) {
            NodeView view = views.get(n.id());
            boolean created = false;
            if (view != null && !view.node().type().equals(n.type())) {
                // An id reused for another kind of layer: its skin and ports differ, so start afresh.
                forget(view);
                views.remove(n.id());
                view = null;
            }
            if (view == null) {
                view = NodeViewFactory.create(n);
                created = true;
                NodeView made = view;
                views.put(n.id(), view);
                view.layoutBoundsProperty().addListener((obs, was, now) -> {
                    if (was.getWidth() != now.getWidth() || was.getHeight() != now.getHeight()) reattachWires(made.nodeId());
                });
                view.setSelected(document.selection().contains(n.id()));
                view.setDetailed(detailed);
                nodeLayer.add(view); // hidden until placed: shown (or taken out of the scene) by the culling below
                reattach.add(n.id());
            }
            boolean slotsChanged = view.update(n, report.info(n.id()).orElse(null),
                    problems.getOrDefault(n.id(), List.of()), wiresIn.getOrDefault(n.id(), List.of()), feeding.contains(n.id()));
            if (slotsChanged) reattach.add(n.id());
            if (!gauges.isEmpty()) view.showGauges(gaugesFor(n, graph));
            if (view.getLayoutX() != n.x() || view.getLayoutY() != n.y() || reattach.contains(n.id())) {
                view.relocate(n.x(), n.y());
                reattach.add(n.id());
                cull(view, true);
            }
            if (created) {
                NodeView placed = view;
                view.setOnLookChanged(() -> lookChanged(placed));
            }
        }

        Set<Edge> current = new HashSet<>(graph.edges());
        for (Iterator<Map.Entry<Edge, WireView>> it = wires.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Edge, WireView> entry = it.next();
            if (!current.contains(entry.getKey())) {
                removeWireView(entry.getValue());
                it.remove();
            }
        }
        for (Edge e : graph.edges()) {
            WireView wire = wires.get(e);
            if (wire == null) {
                wire = new WireView(e);
                wires.put(e, wire);
                // Curves stay in the scene (hidden out of view): one node each, and putting a node
                // back into the scene costs a CSS pass, which a zoom would pay for every wire it reaches.
                wireLayer.getChildren().add(wire.curve());
                wiresByNode.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(wire);
                wiresByNode.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(wire);
                attach(wire);
            }
            TensorShape shape = report.outputShape(e.from());
            wire.setShape(shape == null ? "?" : shape.label(), shape != null);
        }
        for (String id : reattach) reattachWires(id);
    }

    /**
     * Shows training statistics as gauges on the nodes they were measured on, and keeps them in
     * step with edits: a node shows its gauges only while it is as it was measured.
     *
     * @param byNode         gauges by node id (empty removes all)
     * @param measured       the graph the statistics come from
     * @param measuredReport its shape report
     */
    void setGauges(Map<String, LayerGauges> byNode, Graph measured, ShapeReport measuredReport) {
        this.gauges = Map.copyOf(byNode);
        this.measured = measured;
        this.measuredReport = measuredReport;
        if (document == null) return;
        for (NodeView v : views.values()) v.showGauges(gauges.isEmpty() ? null : gaugesFor(v.node(), document.graph()));
    }

    /**
     * The gauges for a node, if its statistics still describe it: same type and parameters, the
     * same wires in, and the same shapes and weight count (an edit upstream can change the size
     * of its input). Position does not matter.
     */
    private LayerGauges gaugesFor(Node now, Graph graph) {
        LayerGauges g = gauges.get(now.id());
        if (g == null || measured == null) return null;
        Node then = measured.node(now.id()).orElse(null);
        if (then == null || !then.type().equals(now.type()) || !then.params().equals(now.params())) return null;
        if (!measuredReport.info(now.id()).equals(document.report().info(now.id()))) return null;
        return measured.inputsOf(now.id()).equals(graph.inputsOf(now.id())) ? g : null;
    }

    private void forget(NodeView view) {
        nodeLayer.remove(view);
        sketches.remove(view);
        pendingViews.remove(view);
        view.setOnLookChanged(null);
    }

    private void removeWireView(WireView wire) {
        pendingLabels.remove(wire);
        wireLayer.getChildren().remove(wire.curve());
        labelLayer.getChildren().remove(wire.label());
        List<WireView> a = wiresByNode.get(wire.edge().from());
        if (a != null) a.remove(wire);
        List<WireView> b = wiresByNode.get(wire.edge().to());
        if (b != null) b.remove(wire);
        if (wire == selectedWire) selectedWire = null;
    }

    private void clear() {
        contentBounds = null;
        views.clear();
        wires.clear();
        wiresByNode.clear();
        wireLayer.getChildren().clear();
        labelLayer.getChildren().clear();
        nodeLayer.clear();
        sketches.clear();
        pendingViews.clear();
        pendingLabels.clear();
        selectedWire = null;
        shownReport = null;
        shownVersion = -1;
    }

    /** Re-draws the wires at a node after it moved or changed size. */
    void reattachWires(String nodeId) {
        contentBounds = null;
        contentMoved.run();
        NodeView v = views.get(nodeId);
        if (v != null) cull(v, true);
        List<WireView> ws = wiresByNode.get(nodeId);
        if (ws != null) for (WireView w : ws) attach(w);
    }

    private void attach(WireView wire) {
        NodeView from = views.get(wire.edge().from());
        NodeView to = views.get(wire.edge().to());
        if (from == null || to == null) return;
        int slot = Math.max(0, to.slotOf(wire.edge()));
        wire.connect(from.outputAnchor(), to.inputAnchor(slot));
        cull(wire, true);
    }

    /**
     * Draws only what meets the visible part of the graph (plus a margin). Scrolled-off nodes and
     * wires are hidden, which keeps panning and zooming cheap on large graphs. Cards and labels
     * whose bitmap is not drawn at this zoom yet are drawn a few per frame, nearest first.
     *
     * @param visible the visible part in graph coordinates; null shows everything in full (for pictures)
     * @param zoom    the scale it is drawn at
     */
    void setView(Bounds visible, double zoom) {
        visibleArea = visible;
        shownArea = visible == null ? null : new BoundingBox(visible.getMinX() - CULL_MARGIN,
                visible.getMinY() - CULL_MARGIN, visible.getWidth() + 2 * CULL_MARGIN, visible.getHeight() + 2 * CULL_MARGIN);
        this.zoom = zoom;
        cullAll();
    }

    /**
     * On while the view keeps changing scale (the wheel): cards are drawn as boxes and labels
     * hidden, so no bitmap is drawn for a zoom that lasts a frame. Off: everything in view is
     * drawn in full again, a few bitmaps per frame.
     */
    void setMoving(boolean moving) {
        if (this.moving == moving) return;
        this.moving = moving;
        if (moving) {
            pendingViews.clear();
            pendingLabels.clear();
        }
        cullAll();
    }

    boolean isMoving() { return moving; }

    /**
     * Off while the far-out overview stands in for the diagram: nothing here is drawn then, so no
     * bitmap is handed out (it would be counted as drawn).
     */
    void setShowing(boolean showing) {
        if (this.showing == showing) return;
        this.showing = showing;
        if (!showing) {
            pendingViews.clear();
            pendingLabels.clear();
        }
    }

    /** Forgets every bitmap (after a picture was taken at another scale): they are drawn again. */
    void forgetBitmaps() {
        for (NodeView v : views.values()) v.setBitmapZoom(Double.NaN);
        for (WireView w : wires.values()) w.setLabelZoom(Double.NaN);
    }

    private void cullAll() {
        for (NodeView v : views.values()) cull(v, false);
        for (WireView w : wires.values()) cull(w, false);
        revealPending();
    }

    /**
     * Shows the card in full if it is in the shown area and its bitmap is current; in view and
     * not current, it is drawn in full now when the frame's budget allows ({@code mayReveal}) or
     * else waits its turn as a box; in the margin only, it stays a box until it comes into view.
     */
    private void cull(NodeView v, boolean mayReveal) {
        boolean inShown = shownArea == null || meets(v, shownArea);
        boolean full;
        boolean waits = false;
        if (!inShown) {
            full = false;
        } else if (shownArea == null) {
            full = true;
        } else if (moving || !showing) {
            full = false;
        } else if (v.bitmapZoom() == zoom) {
            full = true;
        } else if (!meets(v, visibleArea)) {
            full = false;
        } else if (mayReveal && budget.trySpend(DetailBudget.CARD_MS)) {
            full = true;
            v.setBitmapZoom(zoom);
            runFrames();
        } else {
            full = false;
            waits = true;
            pendingViews.add(v);
            runFrames();
        }
        if (!waits) pendingViews.remove(v);
        nodeLayer.show(v, full, inShown);
        sketches.show(v, inShown && !full);
    }

    private void cull(WireView w, boolean mayReveal) {
        boolean shown = shownArea == null
                || w.intersects(shownArea.getMinX(), shownArea.getMinY(), shownArea.getMaxX(), shownArea.getMaxY());
        boolean labelWanted = shown && detailed;
        boolean labelFull;
        boolean waits = false;
        if (!labelWanted) {
            labelFull = false;
        } else if (shownArea == null) {
            labelFull = true;
        } else if (moving || !showing) {
            labelFull = false;
        } else if (w.labelZoom() == zoom) {
            labelFull = true;
        } else if (!labelInView(w)) {
            labelFull = false;
        } else if (mayReveal && budget.trySpend(DetailBudget.LABEL_MS)) {
            labelFull = true;
            w.setLabelZoom(zoom);
            runFrames();
        } else {
            labelFull = false;
            waits = true;
            pendingLabels.add(w);
            runFrames();
        }
        if (!waits) pendingLabels.remove(w);
        showWire(w, shown, labelFull);
    }

    /**
     * Shows or hides a wire's curve and label. A label out of the shown area leaves the scene, as
     * cards do ({@link CardLayer}): JavaFX visits every scene node on every pulse, shown or not,
     * and a label is a control of two. One in the scene and hidden in the shown area (while
     * zooming, or waiting for its turn) stays: putting it back would cost a CSS pass.
     */
    private void showWire(WireView w, boolean curveShown, boolean labelShown) {
        w.setShown(curveShown, labelShown);
        belong(labelLayer, w.label(), labelShown || (curveShown && w.label().getParent() == labelLayer));
    }

    private static void belong(Group layer, javafx.scene.Node n, boolean in) {
        boolean isIn = n.getParent() == layer;
        if (in && !isIn) layer.getChildren().add(n);
        else if (!in && isIn) layer.getChildren().remove(n);
    }

    private static boolean meets(NodeView v, Bounds area) {
        return v.getLayoutX() + Math.max(v.getWidth(), 1) >= area.getMinX() && v.getLayoutX() <= area.getMaxX()
                && v.getLayoutY() + Math.max(v.getHeight(), 1) >= area.getMinY() && v.getLayoutY() <= area.getMaxY();
    }

    private boolean labelInView(WireView w) {
        return w.labelX() >= visibleArea.getMinX() - LABEL_SLACK && w.labelX() <= visibleArea.getMaxX() + LABEL_SLACK
                && w.labelY() >= visibleArea.getMinY() - LABEL_SLACK && w.labelY() <= visibleArea.getMaxY() + LABEL_SLACK;
    }

    /** What a node shows changed: unless it is on screen (drawn again at once), its bitmap is stale. */
    private void lookChanged(NodeView v) {
        if (visibleArea == null) return;
        if (!(v.isVisible() && meets(v, visibleArea))) v.setBitmapZoom(Double.NaN);
        cull(v, true);
    }

    /** Hands this frame's budget to the waiting cards (nearest the middle of the view first), then labels. */
    private void revealPending() {
        if (moving || !showing || visibleArea == null) return;
        double cx = visibleArea.getMinX() + visibleArea.getWidth() / 2;
        double cy = visibleArea.getMinY() + visibleArea.getHeight() / 2;
        if (!pendingViews.isEmpty()) {
            List<NodeView> order = new ArrayList<>(pendingViews);
            order.sort(Comparator.comparingDouble(v -> distance2(v.getLayoutX() + v.getWidth() / 2, v.getLayoutY() + v.getHeight() / 2, cx, cy)));
            for (NodeView v : order) {
                cull(v, true);
                if (pendingViews.contains(v)) return;
            }
        }
        if (!pendingLabels.isEmpty()) {
            List<WireView> order = new ArrayList<>(pendingLabels);
            order.sort(Comparator.comparingDouble(w -> distance2(w.labelX(), w.labelY(), cx, cy)));
            for (WireView w : order) {
                cull(w, true);
                if (pendingLabels.contains(w)) return;
            }
        }
    }

    private static double distance2(double x, double y, double cx, double cy) {
        return (x - cx) * (x - cx) + (y - cy) * (y - cy);
    }

    /** At the start of each frame while bitmaps wait: hands out the frame's share, then closes its account. */
    private void frameStarts(long now) {
        budget.frameStarted(now);
        revealPending();
        budget.frameDone();
        if (pendingViews.isEmpty() && pendingLabels.isEmpty()) {
            frames.stop();
            framesRunning = false;
            budget.idle();
        }
    }

    private void runFrames() {
        if (!framesRunning) {
            framesRunning = true;
            frames.start();
        }
    }

    /** Whether everything in view is drawn in full (nothing waits for its bitmap and the view is not moving). */
    @Override public String toString() {
        return "DiagramView[moving=" + moving + ", showing=" + showing + ", pending cards " + pendingViews.size() + ", labels " + pendingLabels.size() + ", timer " + framesRunning + "]";
    }

    boolean isSettled() { return !moving && showing && pendingViews.isEmpty() && pendingLabels.isEmpty(); }

    /** New bitmap work one frame may take on, in estimated renderer ms ({@link DetailBudget}). */
    double frameBudgetMs() { return budget.perFrameMs(); }

    /** The part of the graph the view shows, as last set (null while everything is drawn). */
    Bounds visibleArea() { return visibleArea; }

    /** Cards drawn as boxes now (in view or in the margin). */
    int sketchedCount() { return sketches.shownCount(); }

    boolean isSketched(NodeView v) { return sketches.isSketched(v); }

    /**
     * The port, else the node, under a point (graph coordinates), found by geometry among the
     * shown cards, for a press the mouse could not pick: the card was a box when pressed (boxes
     * cannot be picked) and may be drawn in full by now. A card still a box is drawn in full at
     * once, as it is being handled. Null if the point is on no shown card.
     */
    Object targetAt(Point2D world) {
        double reach = PortView.SIZE / 2;
        List<NodeView> shown = new ArrayList<>();
        for (NodeView v : views.values()) if (nodeLayer.isShown(v) || sketches.isSketched(v)) shown.add(v);
        for (NodeView v : nodeLayer.topmostFirst(shown)) {
            double x = world.getX() - v.getLayoutX();
            double y = world.getY() - v.getLayoutY();
            if (x < -reach || y < -reach || x > v.getWidth() + reach || y > v.getHeight() + reach) continue;
            Object hit = null;
            List<PortView> ports = new ArrayList<>(v.inputPorts());
            if (v.outputPort() != null) ports.add(v.outputPort());
            for (PortView p : ports) if (p.getBoundsInParent().contains(x, y)) hit = p;
            if (hit == null && x >= 0 && y >= 0 && x <= v.getWidth() && y <= v.getHeight()) hit = v;
            if (hit != null) {
                if (!nodeLayer.isShown(v)) {
                    v.setBitmapZoom(zoom);
                    cull(v, false);
                }
                return hit;
            }
        }
        return null;
    }

    private void select(String id, boolean selected) {
        NodeView v = views.get(id);
        if (v != null) v.setSelected(selected);
    }

    // --- queries ---

    NodeView view(String id) { return views.get(id); }

    Collection<NodeView> views() { return Collections.unmodifiableCollection(views.values()); }

    WireView wire(Edge edge) { return wires.get(edge); }

    Collection<WireView> wires() { return Collections.unmodifiableCollection(wires.values()); }

    WireView selectedWire() { return selectedWire; }

    void setSelectedWire(WireView wire) {
        if (selectedWire != null) selectedWire.setSelected(false);
        selectedWire = wire;
        if (wire != null) wire.setSelected(true);
    }

    /**
     * The union of all node views' bounds, or null for an empty graph. Kept until a view moves,
     * changes size or the graph changes: asked on every step of a pan or zoom.
     */
    Bounds contentBounds() {
        if (contentBounds == null && !views.isEmpty()) contentBounds = measureContent();
        return contentBounds;
    }

    private Bounds measureContent() {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (NodeView v : views.values()) {
            minX = Math.min(minX, v.getLayoutX());
            minY = Math.min(minY, v.getLayoutY());
            maxX = Math.max(maxX, v.getLayoutX() + v.getWidth());
            maxY = Math.max(maxY, v.getLayoutY() + v.getHeight());
        }
        if (views.isEmpty()) return null;
        return new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** The node view whose body contains the point, topmost first; null if none. */
    NodeView nodeAt(Point2D world) {
        for (NodeView v : nodeLayer.topmostFirst(views.values())) {
            double x = world.getX() - v.getLayoutX();
            double y = world.getY() - v.getLayoutY();
            if (x >= 0 && y >= 0 && x <= v.getWidth() && y <= v.getHeight()) return v;
        }
        return null;
    }

    /** The drawn wire nearest to the point, if within {@code reach} (graph units); else null. */
    WireView wireNear(Point2D world, double reach) {
        WireView best = null;
        double bestDistance = reach;
        for (WireView w : wires.values()) {
            if (!w.curve().isVisible() || w.curve().getOpacity() == 0) continue;
            if (!w.intersects(world.getX() - reach, world.getY() - reach, world.getX() + reach, world.getY() + reach)) continue;
            double d = w.distanceTo(world.getX(), world.getY());
            if (d <= bestDistance) { bestDistance = d; best = w; }
        }
        return best;
    }

    void bringToFront(Collection<NodeView> moving) {
        nodeLayer.raise(moving);
    }

    /** Shows the small print (parameters, shapes, wire labels) or hides it when zoomed far out. */
    void setDetailed(boolean detailed) {
        if (this.detailed == detailed) return;
        this.detailed = detailed;
        for (NodeView v : views.values()) v.setDetailed(detailed);
        for (WireView w : wires.values()) cull(w, false);
        revealPending();
    }

    boolean isDetailed() { return detailed; }
}
