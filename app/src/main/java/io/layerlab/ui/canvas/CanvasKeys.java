package io.layerlab.ui.canvas;

import java.util.List;
import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The canvas's keys: Delete/Backspace, arrows to nudge (one grid step, or one unit with snapping
 * off; five times that with Shift), Escape (abandon the drag, else clear the selection), Space
 * held to pan with the left button, and Ctrl/Cmd with A, C, V, D, 0 (fit), plus and minus.
 * Handled keys are consumed, so a menu accelerator for the same key does not act twice.
 */
final class CanvasKeys {
    private static final int FAR = 5;
    private final GraphCanvas canvas;
    private boolean spaceDown;

    CanvasKeys(GraphCanvas canvas) { this.canvas = canvas; }

    boolean spaceDown() { return spaceDown; }

    void pressed(KeyEvent e) {
        KeyCode code = e.getCode();
        boolean shortcut = e.isShortcutDown();
        boolean handled = true;
        if (code == KeyCode.SPACE && !shortcut) {
            spaceDown = true;
            if (!canvas.gestureActive()) canvas.setCursor(Cursor.OPEN_HAND);
        } else if ((code == KeyCode.DELETE || code == KeyCode.BACK_SPACE) && !shortcut) {
            canvas.deleteSelection();
        } else if (code == KeyCode.ESCAPE) {
            if (!canvas.cancelGesture() && canvas.document() != null) canvas.selectOnly(List.of());
        } else if (code.isArrowKey() && !shortcut) {
            double step = (canvas.snapToGridProperty().get() ? GraphCanvas.GRID : 1) * (e.isShiftDown() ? FAR : 1);
            switch (code) {
                case LEFT, KP_LEFT -> canvas.nudgeSelection(-step, 0);
                case RIGHT, KP_RIGHT -> canvas.nudgeSelection(step, 0);
                case UP, KP_UP -> canvas.nudgeSelection(0, -step);
                default -> canvas.nudgeSelection(0, step);
            }
        } else if (shortcut && code == KeyCode.A) {
            canvas.selectAll();
        } else if (shortcut && code == KeyCode.C) {
            canvas.copySelection();
        } else if (shortcut && code == KeyCode.V) {
            canvas.paste();
        } else if (shortcut && code == KeyCode.D) {
            canvas.duplicateSelection();
        } else if (shortcut && (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0)) {
            canvas.fitToView();
        } else if (shortcut && (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD)) {
            canvas.zoomIn();
        } else if (shortcut && (code == KeyCode.MINUS || code == KeyCode.SUBTRACT)) {
            canvas.zoomOut();
        } else {
            handled = false;
        }
        if (handled) e.consume();
    }

    void released(KeyEvent e) {
        if (e.getCode() == KeyCode.SPACE) {
            spaceDown = false;
            if (!canvas.gestureActive()) canvas.setCursor(Cursor.DEFAULT);
            e.consume();
        }
    }
}
