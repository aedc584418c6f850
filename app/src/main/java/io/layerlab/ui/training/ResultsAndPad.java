package io.layerlab.ui.training;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * The results (a confusion matrix, or a note while the run trains) above the drawing pad where
 * there is height for both, otherwise one of them at a time filling the height, the other a click
 * away (see {@link #padChosenProperty()}). In a 1600x1000 window a confusion matrix and the pad
 * together need about twice the height the dashboard's side column has: stacked, the pad sat out of
 * sight under the matrix until the person found the column's scroll bar.
 */
final class ResultsAndPad extends Region {
    private static final double GAP = 6;

    private final Node pad;
    private Node results;
    private final ReadOnlyBooleanWrapper oneAtATime = new ReadOnlyBooleanWrapper(this, "oneAtATime");
    private final BooleanProperty padChosen = new SimpleBooleanProperty(this, "padChosen");

    ResultsAndPad(Node pad) {
        this.pad = pad;
        padChosen.addListener((obs, was, is) -> requestLayout());
        // A view hidden here and taken elsewhere (the dashboard shows its confusion matrix alone for a
        // run on points) must not stay hidden there.
        getChildren().addListener((ListChangeListener<Node>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(removed -> removed.setVisible(true));
            }
        });
        getChildren().setAll(pad);
    }

    /** Shows {@code shown} (null for nothing) as the results above the pad. */
    void setResults(Node shown) {
        results = shown;
        if (shown == null) {
            getChildren().setAll(pad);
        } else {
            getChildren().setAll(shown, pad);
        }
    }

    Node results() {
        return results;
    }

    /** True while only one of the results and the pad shows (the height is short of both). */
    ReadOnlyBooleanProperty oneAtATimeProperty() {
        return oneAtATime.getReadOnlyProperty();
    }

    /** Which one shows while only one does: the pad, or the results. */
    BooleanProperty padChosenProperty() {
        return padChosen;
    }

    @Override
    protected double computeMinWidth(double height) {
        double least = pad.minWidth(-1);
        if (results != null) least = Math.max(least, results.minWidth(-1));
        return snappedLeftInset() + least + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        double wanted = pad.prefWidth(-1);
        if (results != null) wanted = Math.max(wanted, results.prefWidth(-1));
        return snappedLeftInset() + wanted + snappedRightInset();
    }

    /** The least is one of them at a time: what it needs does not depend on which way it shows them, so the choice cannot feed back. */
    @Override
    protected double computeMinHeight(double width) {
        double w = innerWidth(width);
        double least = pad.minHeight(w);
        if (results != null) least = Math.max(least, results.minHeight(w));
        return snappedTopInset() + least + snappedBottomInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = innerWidth(width);
        double wanted = pad.prefHeight(w);
        if (results != null) wanted += GAP + results.prefHeight(w);
        return snappedTopInset() + wanted + snappedBottomInset();
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
        if (results == null) {
            oneAtATime.set(false);
            pad.setVisible(true);
            layoutInArea(pad, x, y, w, h, 0, HPos.LEFT, VPos.TOP);
            return;
        }
        double resultsHeight = results.prefHeight(w);
        double both = resultsHeight + GAP + pad.minHeight(w);
        boolean one = RoomForBoth.oneAtATime(oneAtATime.get(), both, h);
        oneAtATime.set(one);
        if (one) {
            Node shown = padChosen.get() ? pad : results;
            Node hidden = shown == pad ? results : pad;
            hidden.setVisible(false);
            shown.setVisible(true);
            layoutInArea(shown, x, y, w, h, 0, HPos.LEFT, VPos.TOP);
        } else {
            results.setVisible(true);
            pad.setVisible(true);
            layoutInArea(results, x, y, w, resultsHeight, 0, HPos.LEFT, VPos.TOP);
            layoutInArea(pad, x, y + resultsHeight + GAP, w, h - resultsHeight - GAP, 0, HPos.LEFT, VPos.TOP);
        }
    }
}
