package io.layerlab.ui.training;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.animation.AnimationTimer;

/**
 * Changes that repaint a large area take turns: one per pulse, in the order they were asked for,
 * starting with the pulse after the one in which the first was. With the software renderer a
 * chart's repaint costs several milliseconds; three charts repainted in the pulse that also shows the
 * new numbers, table cells and boundary made that one pulse as long as all of them together. A
 * frame or two apart, the charts still change together to the eye. The dashboard's other large
 * changes take turns too: a new decision-boundary frame, and at a run's start and end locking the
 * settings and swapping the results panel.
 *
 * <p>Each pulse that paints also costs a fixed amount, whatever it paints: the software pipeline
 * copies the whole window and uploads it to the display server (on a 1600x1000 window about 1.4 ms
 * of the render thread, 1 ms of the JavaFX thread and 3 ms of the X server). Letting the three
 * charts' strips share a pulse (turns taken while they had used under 2 ms of the JavaFX thread)
 * painted 9.7 pulses a second instead of 13.8, but those pulses took 17 ms at the median and the
 * dashboard benchmark's p99 went from 15-18 to 24 ms: one turn a pulse it stays.
 *
 * <p>JavaFX thread only.
 */
final class PaintTurns {
    private final Map<Object, Runnable> waiting = new LinkedHashMap<>();
    /** The pulse in which the queue filled is left to whatever changed along with the request. */
    private boolean skippedFirst;
    /** Whose turn ran last, and how many turns ran: lets the benchmark name what a long pulse did. */
    private Object lastTurn;
    private long turnsTaken;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse();
        }
    };

    /** One pulse: the next turn, unless this is the pulse in which the queue filled. */
    void pulse() {
        if (!skippedFirst) {
            skippedFirst = true;
            return;
        }
        var next = waiting.entrySet().iterator();
        if (next.hasNext()) {
            var turn = next.next();
            next.remove();
            lastTurn = turn.getKey();
            turnsTaken++;
            turn.getValue().run();
        }
        if (waiting.isEmpty()) {
            timer.stop();
            skippedFirst = false;
        }
    }

    Object lastTurn() {
        return lastTurn;
    }

    long turnsTaken() {
        return turnsTaken;
    }

    /** Runs {@code paint} at a coming pulse, once however often {@code view} asks before its turn (the first request's action runs). */
    void request(Object view, Runnable paint) {
        if (waiting.isEmpty() && !skippedFirst) {
            timer.start();
        }
        waiting.putIfAbsent(view, paint);
    }
}
