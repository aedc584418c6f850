package io.layerlab.ui.training;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Two panels, one above the other (the decision boundary above the results), in a column that may
 * be short of height for both. With the height for both at their least, each gets its share (its
 * preferred height's, so results appearing at a run's end do not resize the boundary above them).
 * Short of that, one panel is open and fills the height while the other folds to its header row,
 * still showing its title and note, and opens with a click on that row (the open one folds then).
 * Before, the column scrolled, and in the first-start window the results sat wholly below its edge.
 *
 * <p>Each panel is a {@link Pane} whose first child is its header row and second its content. A
 * panel that is not managed (the boundary, for data that is not 2-D points) leaves the other alone.
 */
final class PanelPair extends Region {
    private static final double GAP = 8;

    private final Pane top;
    private final Pane bottom;
    private final FontIcon topChevron = new FontIcon("mdi2c-chevron-down");
    private final FontIcon bottomChevron = new FontIcon("mdi2c-chevron-down");
    private final ReadOnlyBooleanWrapper folding = new ReadOnlyBooleanWrapper(this, "folding");
    private final BooleanProperty bottomOpen = new SimpleBooleanProperty(this, "bottomOpen");

    PanelPair(Pane top, Pane bottom) {
        this.top = top;
        this.bottom = bottom;
        getChildren().setAll(top, bottom);
        fitHeader(top, topChevron, false);
        fitHeader(bottom, bottomChevron, true);
        bottomOpen.addListener((obs, was, is) -> {
            showChevrons();
            requestLayout();
        });
        folding.addListener((obs, was, is) -> showChevrons());
        showChevrons();
    }

    /** A chevron before the header's title, and a click on the header that opens its panel while they fold. */
    private void fitHeader(Pane panel, FontIcon chevron, boolean isBottom) {
        Node header = header(panel);
        chevron.getStyleClass().add("folding-chevron");
        chevron.setManaged(false);
        chevron.setVisible(false);
        if (header instanceof Pane row) {
            row.getChildren().add(0, chevron);
        }
        header.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && folding.get()) {
                bottomOpen.set(isBottom);
            }
        });
    }

    private void showChevrons() {
        boolean shown = folding.get();
        for (FontIcon chevron : List.of(topChevron, bottomChevron)) {
            chevron.setVisible(shown);
            chevron.setManaged(shown);
        }
        topChevron.setIconLiteral(bottomOpen.get() ? "mdi2c-chevron-right" : "mdi2c-chevron-down");
        bottomChevron.setIconLiteral(bottomOpen.get() ? "mdi2c-chevron-down" : "mdi2c-chevron-right");
        header(top).setCursor(shown && bottomOpen.get() ? Cursor.HAND : null);
        header(bottom).setCursor(shown && !bottomOpen.get() ? Cursor.HAND : null);
    }

    private static Node header(Pane panel) {
        return panel.getChildren().get(0);
    }

    private static Node content(Pane panel) {
        return panel.getChildren().get(1);
    }

    /** True while one panel is open and the other folded to its header (the column is short of height for both). */
    ReadOnlyBooleanProperty foldingProperty() {
        return folding.getReadOnlyProperty();
    }

    /** Which panel is open while they fold: the bottom one (the results), or the top one. */
    BooleanProperty bottomOpenProperty() {
        return bottomOpen;
    }

    private boolean both() {
        return top.isManaged() && bottom.isManaged();
    }

    /** The panels laid out: both, or the one left when the other is not managed. */
    private List<Pane> shown() {
        return both() ? List.of(top, bottom) : top.isManaged() ? List.of(top) : bottom.isManaged() ? List.of(bottom) : List.of();
    }

    /** The largest of the shown panels' widths by {@code size}, with this region's insets. */
    private double widest(java.util.function.ToDoubleFunction<Pane> size) {
        return snappedLeftInset() + shown().stream().mapToDouble(size).max().orElse(0) + snappedRightInset();
    }

    /** A panel folded to its header row: the row and the panel's own padding. */
    private static double foldedHeight(Pane panel, double width) {
        double inner = width < 0 ? -1 : width - panel.snappedLeftInset() - panel.snappedRightInset();
        return panel.snappedTopInset() + header(panel).prefHeight(inner) + panel.snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return widest(p -> p.minWidth(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        return widest(p -> p.prefWidth(-1));
    }

    /** The least is one panel open and the other folded, whichever: it does not depend on which way they show, so that cannot feed back. */
    @Override
    protected double computeMinHeight(double width) {
        double w = innerWidth(width);
        double least = both()
                ? Math.max(top.minHeight(w) + foldedHeight(bottom, w), bottom.minHeight(w) + foldedHeight(top, w)) + GAP
                : shown().stream().mapToDouble(p -> p.minHeight(w)).sum();
        return snappedTopInset() + least + snappedBottomInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = innerWidth(width);
        double wanted = shown().stream().mapToDouble(p -> p.prefHeight(w)).sum() + (both() ? GAP : 0);
        return snappedTopInset() + wanted + snappedBottomInset();
    }

    /** Sets a panel's bounds as given: a folded panel is lower than its least height (its content hidden). */
    private void place(Pane panel, double x, double y, double w, double h) {
        panel.resizeRelocate(snapPositionX(x), snapPositionY(y), snapSizeX(w), snapSizeY(Math.max(0, h)));
    }

    private double innerWidth(double width) {
        return width < 0 ? -1 : Math.max(0, width - snappedLeftInset() - snappedRightInset());
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double h = getHeight() - y - snappedBottomInset();
        if (!both()) {
            folding.set(false);
            for (Pane p : shown()) {
                content(p).setVisible(true);
                place(p, x, y, w, h);
            }
            return;
        }
        double topLeast = top.minHeight(w);
        double bottomLeast = bottom.minHeight(w);
        double bothLeast = topLeast + GAP + bottomLeast;
        boolean fold = RoomForBoth.oneAtATime(folding.get(), bothLeast, h);
        folding.set(fold);
        if (fold) {
            Pane open = bottomOpen.get() ? bottom : top;
            Pane folded = open == top ? bottom : top;
            content(folded).setVisible(false);
            content(open).setVisible(true);
            double foldedH = foldedHeight(folded, w);
            double openH = h - GAP - foldedH;
            if (open == top) {
                place(top, x, y, w, openH);
                place(bottom, x, y + openH + GAP, w, foldedH);
            } else {
                place(top, x, y, w, foldedH);
                place(bottom, x, y + foldedH + GAP, w, openH);
            }
            return;
        }
        content(top).setVisible(true);
        content(bottom).setVisible(true);
        // Shares of the preferred heights, each at least its least.
        double topWanted = top.prefHeight(w);
        double bottomWanted = bottom.prefHeight(w);
        double space = h - GAP;
        double topH = space * topWanted / Math.max(1, topWanted + bottomWanted);
        topH = Math.max(topLeast, Math.min(topH, space - bottomLeast));
        place(top, x, y, w, topH);
        place(bottom, x, y + topH + GAP, w, space - topH);
    }
}
