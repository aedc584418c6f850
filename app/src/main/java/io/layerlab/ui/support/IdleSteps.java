package io.layerlab.ui.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does work ahead on the JavaFX thread while the person leaves the window alone: each step once the
 * scene has had no input (pointer, keys, scrolling) for a quiet spell, one step per turn of the
 * thread, so that a step holding the thread for a while (building and styling a view the JIT has not
 * compiled yet) falls where nobody waits for a frame rather than into the click that needs the view.
 * Any input puts the remaining steps off until the window is quiet again. A step must do nothing
 * when what it prepares was already made the ordinary way (the person got there first).
 */
public final class IdleSteps {
    private static final Logger LOG = LoggerFactory.getLogger(IdleSteps.class);
    /** After a step, the next one waits this long (a frame or two) if the window stayed quiet. */
    private static final Duration BETWEEN_STEPS = Duration.millis(40);

    private final Scene scene;
    private final long quietNanos;
    private final Deque<Runnable> steps;
    private final EventHandler<InputEvent> input = e -> lastInput = now();
    private final PauseTransition timer = new PauseTransition();
    private long lastInput;
    private boolean started;

    /** Steps run in the order given, each after {@code quiet} without input in {@code scene}. */
    public IdleSteps(Scene scene, java.time.Duration quiet, List<Runnable> steps) {
        this.scene = scene;
        this.quietNanos = quiet.toNanos();
        this.steps = new ArrayDeque<>(steps);
        timer.setOnFinished(e -> turn());
    }

    /** On the JavaFX thread: starts watching for quiet spells; the first step comes after one. Later calls do nothing. */
    public void start() {
        if (started) return;
        started = true;
        lastInput = now();
        scene.addEventFilter(InputEvent.ANY, input);
        turnAfter(quietNanos);
    }

    /** Drops the steps not done yet (the window closes). */
    public void cancel() {
        steps.clear();
        finish();
    }

    /** How many steps are still to come. */
    public int remaining() { return steps.size(); }

    private void turn() {
        long quietFor = now() - lastInput;
        if (quietFor < quietNanos) {
            turnAfter(quietNanos - quietFor);
            return;
        }
        Runnable step = steps.poll();
        try {
            if (step != null) step.run();
        } catch (RuntimeException | LinkageError e) {
            // Later steps build on this one: they are dropped, and whoever needs the work does it then (and says what failed).
            LOG.warn("Work done ahead failed; it will be done when needed", e);
            steps.clear();
        }
        if (steps.isEmpty()) {
            finish();
        } else {
            timer.setDuration(BETWEEN_STEPS);
            timer.playFromStart();
        }
    }

    private void turnAfter(long nanos) {
        timer.setDuration(Duration.millis(Math.max(1, nanos / 1_000_000.0)));
        timer.playFromStart();
    }

    private void finish() {
        timer.stop();
        scene.removeEventFilter(InputEvent.ANY, input);
    }

    private static long now() { return System.nanoTime(); }
}
