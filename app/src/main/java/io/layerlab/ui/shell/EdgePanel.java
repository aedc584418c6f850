package io.layerlab.ui.shell;

import io.layerlab.ui.training.LayoutMemory;
import java.util.function.DoubleSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

/**
 * A panel at one end of a split pane that folds away to give its room to the rest (a laptop's
 * screen is short of it) and comes back at the size it had. Folded, its divider stays at the edge,
 * so the person can also drag the panel open again. The size it comes back at is the one it had
 * when it folded, unless the owner says otherwise ({@link #setUnfoldPosition}).
 */
final class EdgePanel {
    /** A divider dragged this far from the edge of a folded panel opens it. */
    private static final double OPENING_DRAG_PIXELS = 12;

    private final SplitPane split;
    private final int dividerIndex;
    private final Region panel;
    private final boolean atStart;
    private final double minSize;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private DoubleSupplier unfoldPosition;
    private double lastShownPosition;
    private boolean moving;
    private boolean openedByHand;
    /** The split's length when the panel last folded or its folded divider was put back: a change is a resize, not a drag. */
    private double foldedLength;
    private LayoutMemory memory;
    private String key;

    /**
     * @param atStart whether the panel is the split's first item (its divider folds to 0) or its last (to 1)
     */
    EdgePanel(SplitPane split, int dividerIndex, Region panel, boolean atStart) {
        this.split = split;
        this.dividerIndex = dividerIndex;
        this.panel = panel;
        this.atStart = atStart;
        this.minSize = vertical() ? panel.getMinHeight() : panel.getMinWidth();
        this.lastShownPosition = divider().getPosition();
        this.unfoldPosition = () -> lastShownPosition;
        divider().positionProperty().addListener((obs, was, is) -> moved(is.doubleValue()));
        shown.addListener((obs, was, is) -> place(is));
    }

    BooleanProperty shownProperty() { return shown; }

    boolean isShown() { return shown.get(); }

    /** Where the divider goes when the panel opens; by default where it was when it folded. */
    void setUnfoldPosition(DoubleSupplier position) { unfoldPosition = position; }

    /**
     * Restores whether the panel is shown and where its divider stood from {@code memory} (under
     * {@code key}, {@code key + "Shown"}), and keeps them there from now on.
     */
    void rememberIn(LayoutMemory memory, String key) {
        double saved = memory.number(key, Double.NaN);
        if (saved > 0 && saved < 1) {
            lastShownPosition = saved;
            if (shown.get()) move(saved);
        }
        this.memory = memory;
        this.key = key;
        memory.toggle(shown, key + "Shown");
    }

    private void place(boolean show) {
        if (show) {
            setMinSize(minSize);
            if (!openedByHand) move(unfoldPosition.getAsDouble());
        } else {
            lastShownPosition = divider().getPosition();
            setMinSize(0);
            foldedLength = length();
            move(atStart ? 0 : 1);
        }
    }

    private void moved(double position) {
        if (moving) return;
        if (shown.get()) {
            keepShownPosition(position);
        } else if (length() != foldedLength) {
            // The window was resized and the split gave the folded panel a share: it stays folded.
            foldedLength = length();
            move(atStart ? 0 : 1);
        } else if (Math.abs(position - (atStart ? 0 : 1)) * length() > OPENING_DRAG_PIXELS) {
            // Dragged open by hand: shown where it was dropped.
            openedByHand = true;
            try {
                shown.set(true);
            } finally {
                openedByHand = false;
            }
            keepShownPosition(position);
        }
    }

    /** Where the shown panel's divider stands: it comes back there, and at the next start. */
    private void keepShownPosition(double position) {
        lastShownPosition = position;
        if (memory != null) memory.putNumber(key, position);
    }

    private void move(double position) {
        moving = true;
        try {
            divider().setPosition(position);
        } finally {
            moving = false;
        }
    }

    private void setMinSize(double size) {
        if (vertical()) panel.setMinHeight(size); else panel.setMinWidth(size);
    }

    private double length() {
        return vertical() ? split.getHeight() : split.getWidth();
    }

    private boolean vertical() { return split.getOrientation() == Orientation.VERTICAL; }

    private SplitPane.Divider divider() { return split.getDividers().get(dividerIndex); }
}
