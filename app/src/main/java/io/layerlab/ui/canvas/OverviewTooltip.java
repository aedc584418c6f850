package io.layerlab.ui.canvas;

import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;

/**
 * Far out, where the graph is one overview picture and its node views are hidden (so their own
 * tooltips cannot show), names the node under a resting mouse (its id and type: far out it is a
 * plain box) and says what its own tooltip would: what it is, its problems, and its gauges'
 * readings while training is measured. The same delay as a node's
 * tooltip; hidden when the mouse moves off the node, leaves, presses, or the wheel turns.
 */
final class OverviewTooltip {
    private static final Duration DELAY = Duration.millis(300);

    private final Node canvas;
    private final ObservableBooleanValue far;
    private final Function<Point2D, NodeView> nodeAt;
    private final Tooltip tooltip = new Tooltip();
    private final PauseTransition rest = new PauseTransition(DELAY);
    private NodeView under;
    private double screenX;
    private double screenY;

    /**
     * Over {@code canvas} while {@code far} (the overview shows); {@code nodeAt} finds the node view
     * at a point in the canvas's coordinates, or null.
     */
    OverviewTooltip(Node canvas, ObservableBooleanValue far, Function<Point2D, NodeView> nodeAt) {
        this.canvas = canvas;
        this.far = far;
        this.nodeAt = nodeAt;
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        tooltip.getStyleClass().add("node-tooltip");
        rest.setOnFinished(e -> show());
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hide());
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> hide());
        canvas.addEventFilter(ScrollEvent.SCROLL, e -> hide());
        far.addListener((obs, was, is) -> {
            if (!is) hide();
        });
    }

    private void moved(MouseEvent e) {
        NodeView now = far.get() ? nodeAt.apply(new Point2D(e.getX(), e.getY())) : null;
        screenX = e.getScreenX();
        screenY = e.getScreenY();
        if (now != under) {
            hide();
            under = now;
        }
        if (under != null && !tooltip.isShowing()) rest.playFromStart();
    }

    private void show() {
        if (under == null || canvas.getScene() == null || !far.get()) return;
        // Far out a node is a plain box: the tooltip starts with which node it is.
        String name = under.node().id() + " · " + under.node().type();
        String text = under.tooltipText();
        tooltip.setText(text == null ? name : name + "\n" + text);
        tooltip.show(canvas, screenX + 12, screenY + 16);
    }

    private void hide() {
        rest.stop();
        tooltip.hide();
        under = null;
    }

    /** The tooltip, for tests: showing, and what it says. */
    Tooltip tooltip() {
        return tooltip;
    }
}
