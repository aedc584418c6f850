package io.layerlab.ui.training;

import io.layerlab.train.ClassifierSnapshots;
import io.layerlab.ui.pad.DrawingPad;
import io.layerlab.ui.pad.DrawingPadViewModel;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The drawing pad in the dashboard's Results area, for runs on pictures to classify: it follows
 * the focus run and shows drawings to a copy of that run's network taken at a safe point (after
 * each epoch while it trains, then the weights the run keeps), never to the network that trains.
 * It sits under whatever else the Results area shows (the confusion matrix, or a note).
 */
final class ResultsPad {
    private final DrawingPadViewModel model = new DrawingPadViewModel();
    private final DrawingPad pad = new DrawingPad(model);
    private final Label note = new Label();
    private final VBox panel;
    private final VBox stack = new VBox(6);
    private final InvalidationListener runChanged = o -> update();
    private StackPane holder;
    private RunRow followed;
    private ClassifierSnapshots shown;
    private Runnable onShown = () -> { };

    ResultsPad() {
        Label title = new Label("Draw a picture");
        title.getStyleClass().add(DashboardStyles.PANEL_TITLE);
        note.getStyleClass().add(DashboardStyles.PANEL_NOTE);
        HBox header = new HBox(8, title, note);
        header.setAlignment(Pos.CENTER_LEFT);
        panel = new VBox(4, header, pad);
        panel.setId("results-pad");
        VBox.setVgrow(pad, Priority.ALWAYS);
        VBox.setVgrow(panel, Priority.ALWAYS);
    }

    /**
     * Adds the pad under what {@code resultsHolder} shows now, when {@code focus} trains or trained
     * on pictures to classify; call after setting the holder's content. Otherwise leaves it alone.
     */
    void showIn(StackPane resultsHolder, RunRow focus) {
        holder = resultsHolder;
        if (focus != followed) {
            if (followed != null) {
                followed.statusProperty().removeListener(runChanged);
                followed.epochsDoneProperty().removeListener(runChanged);
                followed.recordProperty().removeListener(runChanged);
            }
            followed = focus;
            if (focus != null) {
                focus.statusProperty().addListener(runChanged);
                focus.epochsDoneProperty().addListener(runChanged);
                focus.recordProperty().addListener(runChanged);
            }
        }
        update();
    }

    private void update() {
        ClassifierSnapshots snapshots = followed == null ? null : followed.pictureClassifier();
        if (snapshots == null) {
            shown = null;
            model.setSource(null);
            if (holder != null && holder.getChildren().contains(stack)) {
                holder.getChildren().setAll(stack.getChildren().get(0));
                onShown.run();
            }
            return;
        }
        if (snapshots != shown) {
            shown = snapshots;
            model.setSource(new DrawingPadViewModel.Source(snapshots.inputShape(), snapshots.classNames(), snapshots::classifier));
        } else {
            model.refresh();
        }
        note.setText(snapshots.epoch() < 0 ? "" : snapshots.isFinal() ? "the kept network, epoch " + snapshots.epoch()
                : snapshots.epoch() == 0 ? "the untrained network" : String.format(Locale.ROOT, "the network after epoch %d", snapshots.epoch()));
        if (holder != null && !holder.getChildren().contains(stack)) {
            Node results = holder.getChildren().isEmpty() ? null : holder.getChildren().get(0);
            if (results == null) {
                stack.getChildren().setAll(panel);
            } else {
                VBox.setVgrow(results, Priority.SOMETIMES);
                stack.getChildren().setAll(results, panel);
            }
            holder.getChildren().setAll(stack);
            onShown.run();
        }
    }

    /** Called after the pad joined the results area or left it: what the area holds changed its size. */
    void setOnShown(Runnable action) {
        onShown = action;
    }

    DrawingPad pad() {
        return pad;
    }
}
