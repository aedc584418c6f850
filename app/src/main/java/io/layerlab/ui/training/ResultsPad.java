package io.layerlab.ui.training;

import io.layerlab.train.ClassifierSnapshots;
import io.layerlab.ui.pad.DrawingPad;
import io.layerlab.ui.pad.DrawingPadViewModel;
import java.util.List;
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
 * It sits under whatever else the Results area shows (the confusion matrix, or a note), or, where
 * the area is short of height for both, beside it on a switch in the area's header.
 */
final class ResultsPad {
    private final DrawingPadViewModel model = new DrawingPadViewModel();
    private final DrawingPad pad = new DrawingPad(model);
    private final Label note = new Label();
    private final HBox padHeader;
    private final VBox panel;
    private final ResultsAndPad stack;
    private final ResultsSwitch resultsSwitch;
    private final InvalidationListener runChanged = o -> update();
    private StackPane holder;
    private RunRow followed;
    private ClassifierSnapshots shown;
    private Runnable onShown = () -> { };

    ResultsPad() {
        Label title = new Label("Draw a picture");
        title.getStyleClass().add(DashboardStyles.PANEL_TITLE);
        note.getStyleClass().add(DashboardStyles.PANEL_NOTE);
        padHeader = new HBox(8, title, note);
        padHeader.setAlignment(Pos.CENTER_LEFT);
        panel = new VBox(4, padHeader, pad);
        panel.setId("results-pad");
        VBox.setVgrow(pad, Priority.ALWAYS);
        stack = new ResultsAndPad(panel);
        stack.setId("results-and-pad");
        resultsSwitch = new ResultsSwitch(title.getText(), note.textProperty(), stack.padChosenProperty());
        // The pad's own header says what the switch says while the switch shows.
        padHeader.visibleProperty().bind(stack.oneAtATimeProperty().not());
        padHeader.managedProperty().bind(padHeader.visibleProperty());
        stack.oneAtATimeProperty().addListener((obs, was, is) -> resultsSwitch.setShown(is && isShown()));
    }

    /**
     * Puts the switch between the results and the pad into the Results area's {@code header}, in place
     * of its {@code title} and beside its {@code note} while only one of them shows. Call once.
     */
    void attachSwitch(HBox header, Label title, Label note) {
        resultsSwitch.attach(header, title, note);
    }

    private boolean isShown() {
        return holder != null && holder.getChildren().contains(stack);
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
            if (isShown()) {
                Node results = stack.results();
                stack.setResults(null);
                holder.getChildren().setAll(results == null ? List.of() : List.of(results));
                resultsSwitch.setShown(false);
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
        if (holder != null && !isShown()) {
            stack.setResults(holder.getChildren().isEmpty() ? null : holder.getChildren().get(0));
            holder.getChildren().setAll(stack);
            resultsSwitch.setShown(stack.oneAtATimeProperty().get());
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
