package io.layerlab.ui.canvas;

import io.layerlab.graph.Edge;
import javafx.css.PseudoClass;
import javafx.scene.layout.Region;

/**
 * One port on a node: the output on the right, or an input slot on the left. A merge shows one
 * input slot per wire plus a free one; {@link #port()} is the edge's {@code toPort} for the
 * slot. The view is a 16-pixel hit area drawn as a small ring by CSS.
 */
final class PortView extends Region {
    static final double SIZE = 16;

    private static final PseudoClass CONNECTED = PseudoClass.getPseudoClass("connected");
    private static final PseudoClass COMPATIBLE = PseudoClass.getPseudoClass("compatible");
    private static final PseudoClass INCOMPATIBLE = PseudoClass.getPseudoClass("incompatible");
    private static final PseudoClass TARGET = PseudoClass.getPseudoClass("target");

    /** While a wire is dragged: whether this port would accept it. */
    enum Offer { NONE, COMPATIBLE, INCOMPATIBLE }

    private final NodeView owner;
    private final boolean output;
    private int slot;
    private int port;
    private Edge wire;

    PortView(NodeView owner, boolean output, int slot) {
        this.owner = owner;
        this.output = output;
        this.slot = slot;
        getStyleClass().addAll("port", output ? "port-out" : "port-in");
        setMinSize(SIZE, SIZE);
        setPrefSize(SIZE, SIZE);
        setMaxSize(SIZE, SIZE);
    }

    NodeView owner() { return owner; }
    String nodeId() { return owner.nodeId(); }
    boolean isOutput() { return output; }
    int slot() { return slot; }
    /** For input slots: the input port number a wire dropped here goes to. */
    int port() { return port; }
    /** For input slots: the wire in this slot, or null for the free slot. */
    Edge wire() { return wire; }

    void assign(int newSlot, int newPort, Edge newWire, boolean connected) {
        slot = newSlot;
        port = newPort;
        wire = newWire;
        pseudoClassStateChanged(CONNECTED, connected);
    }

    void offer(Offer offer) {
        pseudoClassStateChanged(COMPATIBLE, offer == Offer.COMPATIBLE);
        pseudoClassStateChanged(INCOMPATIBLE, offer == Offer.INCOMPATIBLE);
    }

    void setTarget(boolean target) { pseudoClassStateChanged(TARGET, target); }

    @Override public String toString() {
        return "PortView[" + nodeId() + (output ? " out" : " in slot " + slot + " port " + port) + "]";
    }
}
