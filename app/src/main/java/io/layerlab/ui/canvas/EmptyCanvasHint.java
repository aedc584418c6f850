package io.layerlab.ui.canvas;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What an empty canvas says to do first: an empty grid gave a person who chose "Start with an empty
 * canvas" nothing to go on but two errors in the Problems tab. It shows only while the graph has
 * no node and lets every press and drop through to the canvas beneath.
 */
final class EmptyCanvasHint extends VBox {
    static final String STYLE_CLASS = "empty-canvas-hint";
    /** Narrower than this the lines wrap. */
    private static final double WIDTH = 420;

    EmptyCanvasHint() {
        getStyleClass().add(STYLE_CLASS);
        setAlignment(Pos.CENTER);
        setSpacing(6);
        setMaxWidth(WIDTH);
        setManaged(false);
        setMouseTransparent(true);
        Label title = new Label("Drag a layer here to start");
        title.getStyleClass().add("title");
        getChildren().addAll(title,
                line("From the Layers palette, drag a layer onto the canvas, or double-click it there."),
                line("A network starts at an Input and ends at an Output: drag from a node's right port to the next node's left port to wire them."),
                line("File ▸ Open Sample… opens a worked example instead."));
    }

    private static Label line(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setAlignment(Pos.CENTER);
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        return label;
    }

    /** Centres the hint in a canvas of this size, no wider than the canvas less a margin. */
    void centreIn(double width, double height) {
        double w = Math.max(0, Math.min(WIDTH, width - 48));
        double h = prefHeight(w);
        resizeRelocate(Math.round((width - w) / 2), Math.round((height - h) / 2), w, h);
    }
}
