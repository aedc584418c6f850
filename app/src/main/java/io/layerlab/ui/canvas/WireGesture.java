package io.layerlab.ui.canvas;

import io.layerlab.graph.CompoundEdit;
import io.layerlab.graph.Connect;
import io.layerlab.graph.Disconnect;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Edit;
import io.layerlab.graph.Graph;
import io.layerlab.shape.WireCheck;
import io.layerlab.shape.WireCheck.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;

/**
 * Draws a wire by dragging from a port. From an output the loose end looks for input ports; from
 * a free input it looks for outputs; from a wired input it lifts that wire off (drop it elsewhere
 * to re-route it, on empty space to remove it). While dragging, every port that could take the
 * wire is highlighted and every other port dimmed; the loose end snaps to the nearest port in
 * reach, or to a node's free port when over its body. Dropping where the wire is refused shows
 * the reason and changes nothing.
 */
final class WireGesture implements Gesture {
    /** Where the loose end would land: a port (or a node without a suitable port) and the verdict. */
    private record Target(NodeView node, PortView port, int portNumber, Verdict verdict) { }

    private final GraphCanvas canvas;
    private final NodeView fixedNode;
    /** True when the fixed end is an output, so the wire runs from it to the target. */
    private final boolean fromOutput;
    private final int fixedPort;
    private final Edge detached;
    /** The graph the checks run on: the document's, minus the lifted wire. */
    private final Graph graph;
    private final WireCheck fromFixed;
    private final Map<PortView, Verdict> offers = new LinkedHashMap<>();
    private final WireView ghost = WireView.ghost();
    private Target target;

    private WireGesture(GraphCanvas canvas, NodeView fixedNode, boolean fromOutput, int fixedPort, Edge detached) {
        this.canvas = canvas;
        this.fixedNode = fixedNode;
        this.fromOutput = fromOutput;
        this.fixedPort = fixedPort;
        this.detached = detached;
        Graph g = canvas.document().graph();
        if (detached != null) {
            g = g.copy();
            new Disconnect(detached).apply(g);
            WireView lifted = canvas.diagram().wire(detached);
            if (lifted != null) setShown(lifted, false);
        }
        this.graph = g;
        this.fromFixed = fromOutput ? WireCheck.from(graph, fixedNode.nodeId()) : null;
        offerPorts();
        canvas.ghostLayer().getChildren().add(ghost.curve());
    }

    /** A drag starting on a port: an output, a free input, or a wired input (which lifts its wire). */
    static WireGesture startingAt(GraphCanvas canvas, PortView port, Point2D point) {
        WireGesture g;
        if (port.isOutput()) {
            g = new WireGesture(canvas, port.owner(), true, 0, null);
        } else if (port.wire() != null) {
            NodeView source = canvas.diagram().view(port.wire().from());
            g = new WireGesture(canvas, source, true, 0, port.wire());
        } else {
            g = new WireGesture(canvas, port.owner(), false, port.port(), null);
        }
        g.follow(canvas.toWorld(point));
        return g;
    }

    private void offerPorts() {
        for (NodeView v : canvas.diagram().views()) {
            if (fromOutput) {
                for (PortView p : v.inputPorts()) offer(p, fromFixed.to(v.nodeId(), p.port()));
            } else if (v.outputPort() != null) {
                offer(v.outputPort(), WireCheck.from(graph, v.nodeId()).to(fixedNode.nodeId(), fixedPort));
            }
        }
    }

    private void offer(PortView p, Verdict v) {
        offers.put(p, v);
        p.offer(v.allowed() ? PortView.Offer.COMPATIBLE : PortView.Offer.INCOMPATIBLE);
    }

    @Override public void drag(Point2D point, MouseEvent event) { follow(canvas.toWorld(point)); }

    private void follow(Point2D world) {
        Target next = targetAt(world);
        if (target != null && target.port() != null && (next == null || next.port() != target.port())) target.port().setTarget(false);
        if (next != null && next.port() != null) next.port().setTarget(true);
        if (next != null && (target == null || !next.verdict().equals(target.verdict()))) {
            canvas.setStatus(next.verdict().message());
        }
        target = next;
        Point2D loose = next != null && next.port() != null ? anchorOf(next.port()) : world;
        Point2D fixed = fromOutput ? fixedNode.outputAnchor() : fixedNode.inputAnchor(slotOfFixedPort());
        if (fromOutput) ghost.connect(fixed, loose); else ghost.connect(loose, fixed);
    }

    private Target targetAt(Point2D world) {
        double reach = GraphCanvas.PORT_REACH / canvas.getZoom();
        PortView nearest = null;
        double best = reach;
        for (PortView p : offers.keySet()) {
            double d = anchorOf(p).distance(world);
            if (d <= best) { best = d; nearest = p; }
        }
        if (nearest != null) return new Target(nearest.owner(), nearest, nearest.port(), offers.get(nearest));
        NodeView over = canvas.diagram().nodeAt(world);
        if (over == null || over == fixedNode) return null;
        if (fromOutput) {
            List<PortView> ins = over.inputPorts();
            if (ins.isEmpty()) return new Target(over, null, 0, fromFixed.to(over.nodeId(), 0));
            PortView free = ins.get(ins.size() - 1);
            return new Target(over, free, free.port(), offers.get(free));
        }
        PortView out = over.outputPort();
        if (out != null) return new Target(over, out, 0, offers.get(out));
        return new Target(over, null, 0, WireCheck.from(graph, over.nodeId()).to(fixedNode.nodeId(), fixedPort));
    }

    private int slotOfFixedPort() {
        for (PortView p : fixedNode.inputPorts()) if (p.port() == fixedPort) return p.slot();
        return 0;
    }

    private static Point2D anchorOf(PortView p) {
        return p.isOutput() ? p.owner().outputAnchor() : p.owner().inputAnchor(p.slot());
    }

    @Override public void release(Point2D point, MouseEvent event) {
        follow(canvas.toWorld(point));
        Target t = target;
        finish();
        if (t == null) {
            if (detached != null) {
                canvas.execute(new Disconnect(detached));
                canvas.setStatus("Removed the wire from " + detached.from() + " to " + detached.to() + ".");
            } else {
                canvas.setStatus("");
            }
            return;
        }
        if (!t.verdict().allowed()) {
            canvas.refuse(t.verdict().message(), point);
            return;
        }
        Edge wire = fromOutput
                ? new Edge(fixedNode.nodeId(), t.node().nodeId(), t.portNumber())
                : new Edge(t.node().nodeId(), fixedNode.nodeId(), fixedPort);
        if (wire.equals(detached)) return;
        List<Edit> edits = new ArrayList<>();
        if (detached != null) edits.add(new Disconnect(detached));
        t.verdict().replaced().ifPresent(old -> edits.add(new Disconnect(old)));
        edits.add(new Connect(wire));
        canvas.execute(edits.size() == 1 ? edits.get(0)
                : new CompoundEdit("Connect " + wire.from() + " to " + wire.to() + " instead", edits));
        canvas.setStatus("Connected " + wire.from() + " → " + wire.to()
                + t.verdict().replaced().map(old -> ", replacing the wire from " + old.from()).orElse("") + ".");
    }

    @Override public void cancel() {
        finish();
        canvas.setStatus("");
    }

    private void finish() {
        for (PortView p : offers.keySet()) {
            p.offer(PortView.Offer.NONE);
            p.setTarget(false);
        }
        canvas.ghostLayer().getChildren().remove(ghost.curve());
        if (detached != null) {
            WireView lifted = canvas.diagram().wire(detached);
            if (lifted != null) setShown(lifted, true);
        }
    }

    /** Hides a lifted wire by opacity, leaving its visibility to the canvas's culling. */
    private static void setShown(WireView w, boolean shown) {
        w.curve().setOpacity(shown ? 1 : 0);
        w.label().setOpacity(shown ? 1 : 0);
    }
}
