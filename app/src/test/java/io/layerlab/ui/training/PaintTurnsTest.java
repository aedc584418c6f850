package io.layerlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When turns are taken. Each test drives the pulses itself, all in one runnable on the JavaFX
 * thread, so that no real pulse comes between.
 */
@ExtendWith(ApplicationExtension.class)
class PaintTurnsTest {
    private final PaintTurns turns = new PaintTurns();
    /** What ran, pulse by pulse. */
    private final List<List<String>> pulses = new ArrayList<>();

    @Start
    void start(Stage stage) {
        stage.show();
    }

    private Runnable turn(String name) {
        return () -> pulses.get(pulses.size() - 1).add(name);
    }

    private void pulse() {
        pulses.add(new ArrayList<>());
        turns.pulse();
    }

    private void onFx(Runnable steps) throws Exception {
        WaitForAsyncUtils.asyncFx(steps).get();
    }

    @Test
    void turnsBeginThePulseAfterTheOneTheyWereAskedInAndTakeOneEachInTheOrderAsked() throws Exception {
        onFx(() -> {
            turns.request("iterations", turn("iterations"));
            turns.request("epochs", turn("epochs"));
            turns.request("boundary", turn("boundary"));
            pulse();
            pulse();
            pulse();
            pulse();
        });

        assertThat(pulses).containsExactly(List.of(), List.of("iterations"), List.of("epochs"), List.of("boundary"));
        assertThat(turns.turnsTaken()).isEqualTo(3);
        assertThat(turns.lastTurn()).isEqualTo("boundary");
    }

    @Test
    void aViewAskingAgainBeforeItsTurnIsPaintedOnceWithTheFirstRequestsAction() throws Exception {
        onFx(() -> {
            turns.request("chart", turn("first"));
            turns.request("chart", turn("second"));
            pulse();
            pulse();
            pulse();
        });

        assertThat(pulses).containsExactly(List.of(), List.of("first"), List.of());
    }

    @Test
    void aTurnAskedForDuringATurnWaitsBehindTheOthers() throws Exception {
        onFx(() -> {
            turns.request("a", () -> {
                turn("a").run();
                turns.request("again", turn("again"));
            });
            turns.request("b", turn("b"));
            pulse();
            pulse();
            pulse();
            pulse();
        });

        assertThat(pulses).containsExactly(List.of(), List.of("a"), List.of("b"), List.of("again"));
    }

    @Test
    void onceAllTurnsAreTakenTheNextRequestAgainLeavesItsOwnPulseToWhatChangedWithIt() throws Exception {
        onFx(() -> {
            turns.request("a", turn("a"));
            pulse();
            pulse();
            turns.request("b", turn("b"));
            pulse();
            pulse();
        });

        assertThat(pulses).containsExactly(List.of(), List.of("a"), List.of(), List.of("b"));
    }
}
