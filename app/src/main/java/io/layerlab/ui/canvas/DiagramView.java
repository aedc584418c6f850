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
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.SetChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.CacheHint;
import javafx.scene.Group;

/**
 * The drawn graph: a view per node and per wire, kept in step with a {@link DesignDocument}.
 * After every edit it compares the graph with what is shown and touches only what changed
 * (views added, removed or updated by id; wires re-attached only where a node moved, resized or
 * gained a port), so a large graph stays responsive. Coordinates are the graph's own (world).
 */
final class DiagramView extends Group {
    private final Group wireLayer = new Group();
    private final Group labelLayer = new Group();
    private final Group nodeLayer = new Group();
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
    private boolean quickZoom;
    private WireView selectedWire;
    /** Only what meets this rectangle (graph coordinates) is drawn; null draws everything. */
    private Bounds shownArea;
    /** Drawn margin around the visible area, so nodes do not pop in at the edges. */
    private static final double CULL_MARGIN = 60;
    /** Training statistics by node id, and the graph they were measured on. */
    private Map<String, LayerGauges> gauges = Map.of();
    private Graph measured;
    private ShapeReport measuredReport;

    DiagramView() {
        getStyleClass().add("diagram");
        wireLayer.getStyleClass().add("wire-layer");
        labelLayer.getStyleClass().add("label-layer");
        nodeLayer.getStyleClass().add("node-layer");
        getChildren().addAll(wireLayer, labelLayer, nodeLayer);
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

    /** Brings the views in line with the graph and its latest shape report. */
    void sync() {
        if (document == null) return;
        Graph graph = document.graph();
        ShapeReport report = document.report();
        if (graph.version() == shownVersion && report == shownReport) return;
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
                nodeLayer.getChildren().remove(entry.getValue());
                it.remove();
            }
        }
        Set<String> reattach = new HashSet<>();
        for (Node n : graph.nodes()) {
            NodeView view = views.get(n.id());
            if (view != null && !view.node().type().equals(n.type())) {
                // An id reused for another kind of layer: its skin and ports differ, so start afresh.
                nodeLayer.getChildren().remove(view);
                views.remove(n.id());
                view = null;
            }
            if (view == null) {
                view = NodeViewFactory.create(n);
                NodeView created = view;
                views.put(n.id(), view);
                view.layoutBoundsProperty().addListener((obs, was, now) -> {
                    if (was.getWidth() != now.getWidth() || was.getHeight() != now.getHeight()) reattachWires(created.nodeId());
                });
                view.setSelected(document.selection().contains(n.id()));
                view.setDetailed(detailed);
                nodeLayer.getChildren().add(view);
                view.setVisible(false); // until placed: shown by the culling below
                reattach.add(n.id());
            }
            boolean slotsChanged = view.update(n, report.info(n.id()).orElse(null),
                    problems.getOrDefault(n.id(), List.of()), wiresIn.getOrDefault(n.id(), List.of()), feeding.contains(n.id()));
            if (slotsChanged) reattach.add(n.id());
            if (!gauges.isEmpty()) view.showGauges(gaugesFor(n, graph));
            if (view.getLayoutX() != n.x() || view.getLayoutY() != n.y() || reattach.contains(n.id())) {
                view.relocate(n.x(), n.y());
                reattach.add(n.id());
                cull(view);
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
                wiresByNode.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(wire);
                wiresByNode.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(wire);
                wireLayer.getChildren().add(wire.curve());
                labelLayer.getChildren().add(wire.label());
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

    private void removeWireView(WireView wire) {
        wireLayer.getChildren().remove(wire.curve());
        labelLayer.getChildren().remove(wire.label());
        List<WireView> a = wiresByNode.get(wire.edge().from());
        if (a != null) a.remove(wire);
        List<WireView> b = wiresByNode.get(wire.edge().to());
        if (b != null) b.remove(wire);
        if (wire == selectedWire) selectedWire = null;
    }

    private void clear() {
        views.clear();
        wires.clear();
        wiresByNode.clear();
        wireLayer.getChildren().clear();
        labelLayer.getChildren().clear();
        nodeLayer.getChildren().clear();
        selectedWire = null;
        shownReport = null;
        shownVersion = -1;
    }

    /** Re-draws the wires at a node after it moved or changed size. */
    void reattachWires(String nodeId) {
        NodeView v = views.get(nodeId);
        if (v != null) cull(v);
        List<WireView> ws = wiresByNode.get(nodeId);
        if (ws != null) for (WireView w : ws) attach(w);
    }

    private void attach(WireView wire) {
        NodeView from = views.get(wire.edge().from());
        NodeView to = views.get(wire.edge().to());
        if (from == null || to == null) return;
        int slot = Math.max(0, to.slotOf(wire.edge()));
        wire.connect(from.outputAnchor(), to.inputAnchor(slot));
        cull(wire);
    }

    /**
     * Draws only what meets the visible part of the graph (plus a margin). Scrolled-off nodes and
     * wires are hidden, which keeps panning and zooming cheap on large graphs.
     *
     * @param visible the visible part in graph coordinates; null shows everything (for pictures)
     */
    void setShownArea(Bounds visible) {
        shownArea = visible == null ? null : new javafx.geometry.BoundingBox(visible.getMinX() - CULL_MARGIN,
                visible.getMinY() - CULL_MARGIN, visible.getWidth() + 2 * CULL_MARGIN, visible.getHeight() + 2 * CULL_MARGIN);
        for (NodeView v : views.values()) cull(v);
        for (WireView w : wires.values()) cull(w);
    }

    private void cull(NodeView v) {
        boolean shown = shownArea == null || (v.getLayoutX() + Math.max(v.getWidth(), 1) >= shownArea.getMinX()
                && v.getLayoutX() <= shownArea.getMaxX()
                && v.getLayoutY() + Math.max(v.getHeight(), 1) >= shownArea.getMinY()
                && v.getLayoutY() <= shownArea.getMaxY());
        if (v.isVisible() != shown) v.setVisible(shown);
    }

    private void cull(WireView w) {
        boolean shown = shownArea == null
                || w.intersects(shownArea.getMinX(), shownArea.getMinY(), shownArea.getMaxX(), shownArea.getMaxY());
        w.setShown(shown, detailed);
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

    /** The union of all node views' bounds, or null for an empty graph. */
    Bounds contentBounds() {
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
        List<javafx.scene.Node> children = nodeLayer.getChildren();
        for (int i = children.size() - 1; i >= 0; i--) {
            NodeView v = (NodeView) children.get(i);
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
        for (NodeView v : moving) v.toFront();
    }

    /** Shows the small print (parameters, shapes, wire labels) or hides it when zoomed far out. */
    void setDetailed(boolean detailed) {
        if (this.detailed == detailed) return;
        this.detailed = detailed;
        for (NodeView v : views.values()) v.setDetailed(detailed);
        for (WireView w : wires.values()) w.setShown(w.curve().isVisible(), detailed);
    }

    boolean isDetailed() { return detailed; }

    /**
     * While zooming with the wheel: the node and label bitmaps are scaled instead of drawn again
     * at each step (a little blurred for a moment, much cheaper); off, they are drawn sharp.
     */
    void setQuickZoom(boolean quick) {
        if (quickZoom == quick) return;
        quickZoom = quick;
        CacheHint hint = quick ? CacheHint.SCALE : CacheHint.DEFAULT;
        for (NodeView v : views.values()) v.setCacheHint(hint);
        for (WireView w : wires.values()) w.label().setCacheHint(hint);
    }
}
