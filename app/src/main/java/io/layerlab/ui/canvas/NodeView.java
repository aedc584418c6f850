package io.layerlab.ui.canvas;

import io.layerlab.catalog.Arity;
import io.layerlab.catalog.Catalog;
import io.layerlab.catalog.LayerKind;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Node;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.LayerInfo;
import io.layerlab.shape.WireCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * The skin of one node on the canvas. Subclasses draw the body (a layer card, an activation
 * pill) with as few scene nodes as they can (plain texts, laid out by hand: a large graph has
 * hundreds of these); this base keeps the ports, the selection and problem states and the
 * geometry the wires attach to. Ports sit at fixed heights from the top so a chain of nodes lines up: the output
 * and the first input at {@link #PORT_Y}, further merge slots {@link #PORT_GAP} below each other.
 */
abstract class NodeView extends Region {
    static final double PORT_Y = 16;
    static final double PORT_GAP = 20;
    private static final double GAUGES_TOP = 5;
    private static final double GAUGES_BOTTOM = 7;

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final String nodeId;
    private final List<PortView> inputs = new ArrayList<>();
    private final PortView output;
    private Node node;
    private LayerInfo info;
    private List<Diagnostic> problems = List.of();
    private List<Edge> wiresIn;
    private boolean outputWired;
    /** What the tooltip says; null for no tooltip. */
    private String tooltipText;
    /** Made when the mouse first comes over the node: a graph of hundreds would otherwise make hundreds of popups. */
    private Tooltip tooltip;
    private GaugeStrip gauges;
    private boolean detailed = true;
    /** The zoom this view's bitmap was last drawn at; NaN when it must be drawn afresh. */
    private double bitmapZoom = Double.NaN;
    private Runnable onLookChanged = () -> { };

    NodeView(Node node) {
        this.nodeId = node.id();
        getStyleClass().add("node-view");
        getStyleClass().add(categoryClass(node.type()));
        output = WireCheck.hasOutput(node) ? new PortView(this, true, 0) : null;
        if (output != null) getChildren().add(output);
        // Drawn once into a bitmap and then copied: panning and dragging move the bitmap, which
        // costs the software renderer a fraction of painting a card's shapes and texts again.
        setCache(true);
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> installTooltip());
    }

    String nodeId() { return nodeId; }
    Node node() { return node; }
    List<PortView> inputPorts() { return inputs; }
    PortView outputPort() { return output; }
    List<Diagnostic> problems() { return problems; }
    /** What the node's tooltip says (its problems, or what it is); null when it has none. */
    String tooltipText() { return tooltipText; }

    /** The tooltip, once the mouse has been over the node; null before, or when there is nothing to say. */
    Tooltip tooltip() { return tooltip; }

    /** The zoom this view's cached bitmap was drawn at, or NaN when it must be drawn afresh. */
    double bitmapZoom() { return bitmapZoom; }

    /** Records that the bitmap is (being) drawn at this zoom; NaN forgets it. */
    void setBitmapZoom(double zoom) { bitmapZoom = zoom; }

    /** Called whenever what the view shows changes (its bitmap is then drawn again). */
    void setOnLookChanged(Runnable action) { onLookChanged = action == null ? () -> { } : action; }

    private void lookChanged() { onLookChanged.run(); }

    /**
     * Shows the node's current state; does nothing when nothing it shows has changed.
     *
     * @param wiresIn     wires into the node, sorted by port
     * @param outputWired whether any wire leaves the node
     * @return true when the input slots changed, so the wires must be re-attached
     */
    boolean update(Node newNode, LayerInfo newInfo, List<Diagnostic> newProblems, List<Edge> wiresIn, boolean outputWired) {
        boolean contentChanged = node == null || !node.type().equals(newNode.type()) || !node.params().equals(newNode.params())
                || !Objects.equals(info, newInfo);
        boolean problemsChanged = !problems.equals(newProblems);
        boolean slotsChanged = !wiresIn.equals(this.wiresIn);
        node = newNode;
        if (contentChanged) {
            info = newInfo;
            showContent(newNode, newInfo);
        }
        if (problemsChanged || contentChanged) {
            problems = List.copyOf(newProblems);
            boolean error = problems.stream().anyMatch(Diagnostic::isError);
            pseudoClassStateChanged(ERROR, error);
            pseudoClassStateChanged(WARNING, !error && !problems.isEmpty());
            showProblems(problems);
            updateTooltip();
        }
        boolean outputChanged = output != null && outputWired != this.outputWired;
        if (outputChanged) output.assign(0, 0, null, outputWired);
        this.outputWired = outputWired;
        if (slotsChanged) {
            this.wiresIn = List.copyOf(wiresIn);
            arrangeInputs(newNode);
        }
        if (contentChanged || problemsChanged || outputChanged || slotsChanged) lookChanged();
        return slotsChanged;
    }

    /** Fills in the body's labels. */
    protected abstract void showContent(Node node, LayerInfo info);

    /** Shows or hides the body's problem marker. */
    protected abstract void showProblems(List<Diagnostic> problems);

    /** What the tooltip says when the node has no problem; null for no tooltip. */
    protected abstract String description(Node node, LayerInfo info);

    /** Hides the small print when zoomed far out (a level of detail; also much cheaper to draw). */
    final void setDetailed(boolean detailed) {
        this.detailed = detailed;
        if (gauges != null) gauges.setVisible(detailed);
        showDetail(detailed);
        lookChanged();
    }

    boolean isDetailed() { return detailed; }

    /** Shows or hides the body's small print. */
    protected abstract void showDetail(boolean detailed);

    // --- training gauges ---

    /**
     * Shows these training statistics as gauges at the bottom of the node, or removes them (null
     * or empty). A new sample with the same measures only repaints the bars; the node changes
     * size (and asks for layout) only when gauges appear, disappear or change in kind.
     */
    void showGauges(LayerGauges newGauges) {
        LayerGauges wanted = newGauges == null || newGauges.isEmpty() ? null : newGauges;
        LayerGauges current = gauges == null ? null : gauges.shown();
        if (java.util.Objects.equals(wanted, current)) return;
        if (wanted == null) {
            getChildren().remove(gauges);
            gauges = null;
            requestLayout();
        } else {
            boolean added = gauges == null;
            if (added) {
                gauges = new GaugeStrip();
                gauges.setVisible(detailed);
                getChildren().add(gauges);
            }
            if (gauges.show(wanted) || added) requestLayout();
        }
        updateTooltip();
        lookChanged();
    }

    /** The gauge row, or null when the node shows no statistics. */
    GaugeStrip gauges() { return gauges; }

    /** Height the gauge row adds below the body's content (0 without gauges). */
    protected double gaugesHeight() { return gauges == null ? 0 : GAUGES_TOP + gauges.prefHeight(-1) + GAUGES_BOTTOM; }

    /** Width the gauge row needs, padding included (0 without gauges). */
    protected double gaugesWidth(double padding) { return gauges == null ? 0 : 2 * padding + gauges.prefWidth(-1); }

    /** Puts the gauge row at the bottom of a node this size, inset by the padding. */
    protected void layoutGauges(double width, double height, double padding) {
        if (gauges == null) return;
        double h = gauges.prefHeight(-1);
        gauges.resizeRelocate(padding, height - GAUGES_BOTTOM - h, width - 2 * padding, h);
    }

    void setSelected(boolean selected) {
        if (selected == isSelected()) return;
        pseudoClassStateChanged(SELECTED, selected);
        lookChanged();
    }

    boolean hasError() { return getPseudoClassStates().contains(ERROR); }

    /** The category colour as CSS resolved it (for the far-out overview); grey before CSS ran. */
    Color accent() {
        Region painted = accentRegion();
        if (painted.getBackground() != null && !painted.getBackground().getFills().isEmpty()
                && painted.getBackground().getFills().get(0).getFill() instanceof Color c) {
            return c;
        }
        return Color.GRAY;
    }

    /** Height of the band drawn in the category colour in the overview (graph units). */
    double accentBand() { return getHeight(); }

    /** The region whose first background layer is the category colour. */
    protected Region accentRegion() { return this; }

    boolean isSelected() { return getPseudoClassStates().contains(SELECTED); }

    // --- geometry, in the coordinates of the diagram (world) ---

    Point2D outputAnchor() { return new Point2D(getLayoutX() + getWidth(), getLayoutY() + PORT_Y); }

    Point2D inputAnchor(int slot) { return new Point2D(getLayoutX(), getLayoutY() + PORT_Y + slot * PORT_GAP); }

    /** The slot showing the wire into {@code port}, or -1. */
    int slotOf(Edge wire) {
        for (PortView p : inputs) if (wire.equals(p.wire())) return p.slot();
        return -1;
    }

    /** Width the body needs for its content. */
    protected abstract double bodyWidth();

    /** Height the body needs for its content. */
    protected abstract double bodyHeight();

    /** Places the body's content in a view of this size. */
    protected abstract void layoutBody(double width, double height);

    @Override protected double computePrefWidth(double height) { return Math.ceil(bodyWidth()); }

    @Override protected double computePrefHeight(double width) {
        double portsNeed = inputs.isEmpty() ? 0 : 2 * PORT_Y + (inputs.size() - 1) * PORT_GAP;
        return Math.ceil(Math.max(bodyHeight(), portsNeed));
    }

    @Override protected double computeMinWidth(double height) { return computePrefWidth(height); }
    @Override protected double computeMinHeight(double width) { return computePrefHeight(width); }
    @Override protected double computeMaxWidth(double height) { return computePrefWidth(height); }
    @Override protected double computeMaxHeight(double width) { return computePrefHeight(width); }

    @Override protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        layoutBody(w, h);
        double half = PortView.SIZE / 2;
        for (PortView p : inputs) p.resizeRelocate(-half, PORT_Y + p.slot() * PORT_GAP - half, PortView.SIZE, PortView.SIZE);
        if (output != null) output.resizeRelocate(w - half, PORT_Y - half, PortView.SIZE, PortView.SIZE);
    }

    /** One slot per wire (in port order) and, for merges, one more free slot. */
    private void arrangeInputs(Node n) {
        Arity arity = WireCheck.arityOf(n);
        int slots = switch (arity) {
            case NONE -> 0;
            case ONE -> 1;
            case MANY -> wiresIn.size() + 1;
        };
        while (inputs.size() > slots) getChildren().remove(inputs.remove(inputs.size() - 1));
        while (inputs.size() < slots) {
            PortView p = new PortView(this, false, inputs.size());
            inputs.add(p);
            getChildren().add(p);
        }
        int freePort = 0;
        for (Edge e : wiresIn) freePort = Math.max(freePort, e.toPort() + 1);
        for (int i = 0; i < slots; i++) {
            if (arity == Arity.ONE) {
                Edge w = wiresIn.isEmpty() ? null : wiresIn.get(0);
                inputs.get(i).assign(0, 0, w, w != null);
            } else if (i < wiresIn.size()) {
                inputs.get(i).assign(i, wiresIn.get(i).toPort(), wiresIn.get(i), true);
            } else {
                inputs.get(i).assign(i, freePort, null, false);
            }
        }
        requestLayout();
    }

    private void updateTooltip() {
        String text;
        if (problems.isEmpty()) {
            text = description(node, info);
        } else {
            StringBuilder sb = new StringBuilder();
            for (Diagnostic d : problems) {
                if (!sb.isEmpty()) sb.append("\n\n");
                sb.append(d.isError() ? "Error: " : "Warning: ").append(d.message());
                if (d.hint() != null && !d.hint().isBlank()) sb.append("\n→ ").append(d.hint());
            }
            text = sb.toString();
        }
        if (gauges != null) text = text == null ? gauges.shown().reading() : text + "\n\n" + gauges.shown().reading();
        tooltipText = text;
        if (text == null) {
            if (tooltip != null) Tooltip.uninstall(this, tooltip);
            tooltip = null;
        } else if (tooltip != null) {
            tooltip.setText(text);
        }
    }

    private void installTooltip() {
        if (tooltip != null || tooltipText == null) return;
        tooltip = new Tooltip(tooltipText);
        tooltip.setShowDelay(Duration.millis(300));
        tooltip.setShowDuration(Duration.seconds(30));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        tooltip.getStyleClass().add("node-tooltip");
        Tooltip.install(this, tooltip);
    }

    private static String categoryClass(String type) {
        LayerKind kind = Catalog.layer(type).orElse(null);
        if (kind == null) return "category-unknown";
        if (kind.isInput()) return "category-input";
        if (kind.isOutput()) return "category-output";
        return "category-" + kind.category().name().toLowerCase();
    }
}
