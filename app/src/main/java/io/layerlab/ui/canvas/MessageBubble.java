package io.layerlab.ui.canvas;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * A short message shown on the canvas next to where something was refused ("Input 'in' takes no
 * wires ..."), fading away after a few seconds or at the next click.
 */
final class MessageBubble extends Label {
    static final double MAX_WIDTH = 360;
    private final SequentialTransition fade;

    MessageBubble() {
        getStyleClass().add("canvas-bubble");
        setWrapText(true);
        setMaxWidth(MAX_WIDTH);
        setMouseTransparent(true);
        setManaged(false);
        setVisible(false);
        FadeTransition out = new FadeTransition(Duration.millis(400), this);
        out.setToValue(0);
        fade = new SequentialTransition(new PauseTransition(Duration.seconds(5)), out);
        fade.setOnFinished(e -> setVisible(false));
    }

    /** Shows the text with its top-left near {@code at} (canvas coordinates), kept inside the canvas. */
    void show(String text, Point2D at, double canvasWidth, double canvasHeight) {
        setText(text);
        setOpacity(1);
        setVisible(true);
        applyCss();
        double w = Math.min(MAX_WIDTH, prefWidth(-1));
        double h = prefHeight(w);
        resize(w, h);
        double x = Math.max(8, Math.min(at.getX() + 12, canvasWidth - w - 8));
        double y = Math.max(8, Math.min(at.getY() + 12, canvasHeight - h - 8));
        relocate(x, y);
        fade.playFromStart();
    }

    void hide() {
        fade.stop();
        setVisible(false);
    }
}
