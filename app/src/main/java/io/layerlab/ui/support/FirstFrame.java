package io.layerlab.ui.support;

import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.util.Duration;

/**
 * Runs a task on the JavaFX thread once a scene's next frame has had time to reach the screen. The
 * frame rendered at the first pulse can come before the window system has mapped the window, which
 * then asks for it again: that repaint needs a pulse, so a short pause (an animation, which keeps
 * pulses coming) lets it through before the task holds the thread or takes a core.
 */
public final class FirstFrame {
    private FirstFrame() { }

    /** Runs {@code task} {@code settleMillis} after the next layout pass of {@code scene}. */
    public static void then(Scene scene, long settleMillis, Runnable task) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            PauseTransition settle = new PauseTransition(Duration.millis(settleMillis));
            settle.setOnFinished(e -> task.run());
            settle.play();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
