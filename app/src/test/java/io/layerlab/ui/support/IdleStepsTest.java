package io.layerlab.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Work done ahead waits for the window to be left alone: each step after a quiet spell, one step a
 * frame, put off by any input, dropped when cancelled.
 */
@ExtendWith(ApplicationExtension.class)
class IdleStepsTest {
    private static final Duration QUIET = Duration.ofMillis(300);
    private Scene scene;
    private StackPane root;
    /** The frames (layout pulses) the scene has had, counted on the JavaFX thread. */
    private int frames;
    private final List<String> done = new CopyOnWriteArrayList<>();
    private final List<Long> doneAt = new CopyOnWriteArrayList<>();
    private final List<Integer> doneInFrame = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        root = new StackPane();
        scene = new Scene(root, 200, 100);
        scene.addPreLayoutPulseListener(() -> frames++);
        stage.setScene(scene);
        stage.show();
    }

    private Runnable step(String name) {
        return () -> {
            done.add(name);
            doneAt.add(System.nanoTime());
            doneInFrame.add(frames);
        };
    }

    private IdleSteps startSteps(FxRobot robot) {
        IdleSteps steps = new IdleSteps(scene, QUIET, List.of(step("build"), step("style"), step("paint")));
        robot.interact(steps::start);
        return steps;
    }

    private void waitUntilDone(int count) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> done.size() >= count);
    }

    private static void press(Scene scene) {
        Event.fireEvent(scene.getRoot(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.SHIFT, true, false, false, false));
    }

    @Test
    void inAQuietWindowTheStepsRunInOrderOneAFrameAfterTheQuietSpell(FxRobot robot) throws Exception {
        long started = System.nanoTime();
        IdleSteps steps = startSteps(robot);

        waitUntilDone(3);

        assertThat(done).containsExactly("build", "style", "paint");
        assertThat(doneAt.get(0) - started).as("not before the window was quiet this long").isGreaterThanOrEqualTo(QUIET.toNanos());
        assertThat(doneInFrame).as("each step in a frame of its own").doesNotHaveDuplicates();
        assertThat(steps.remaining()).isZero();
    }

    @Test
    void inputPutsTheStepsOffUntilTheWindowIsQuietAgain(FxRobot robot) throws Exception {
        long[] lastKey = new long[1];
        robot.interact(() -> scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> lastKey[0] = System.nanoTime()));
        startSteps(robot);
        long typingEnds = System.nanoTime() + 3 * QUIET.toNanos();
        while (System.nanoTime() < typingEnds) {
            robot.interact(() -> press(scene));
            Thread.sleep(QUIET.toMillis() / 4);
        }
        assertThat(done).as("nothing while the person types").isEmpty();

        waitUntilDone(3);

        assertThat(doneAt.get(0) - lastKey[0]).as("a quiet spell after the last key").isGreaterThanOrEqualTo(QUIET.toNanos());
        assertThat(done).containsExactly("build", "style", "paint");
    }

    @Test
    void stepsLeftWhenCancelledNeverRun(FxRobot robot) throws Exception {
        IdleSteps[] steps = new IdleSteps[1];
        // The window closes during the first step.
        steps[0] = new IdleSteps(scene, QUIET, List.of(() -> { step("build").run(); steps[0].cancel(); }, step("style")));
        robot.interact(steps[0]::start);
        waitUntilDone(1);

        Thread.sleep(3 * QUIET.toMillis());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(done).containsExactly("build");
        assertThat(steps[0].remaining()).isZero();
    }

    @Test
    void aStepThatFailsDropsTheStepsAfterItAndTheWindowGoesOn(FxRobot robot) throws Exception {
        IdleSteps steps = new IdleSteps(scene, QUIET, List.of(step("build"), () -> {
            throw new IllegalStateException("the dashboard's FXML is missing");
        }, step("paint")));
        robot.interact(steps::start);
        waitUntilDone(1);

        Thread.sleep(3 * QUIET.toMillis());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(done).as("nothing after the failed step").containsExactly("build");
        assertThat(steps.remaining()).as("dropped, not left waiting").isZero();
    }
}
