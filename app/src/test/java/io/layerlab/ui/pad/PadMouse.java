package io.layerlab.ui.pad;

import io.layerlab.ui.support.MonocleDrag;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Draws on a drawing pad with the mouse, as a person would. */
public final class PadMouse {
    private PadMouse() { }

    /** The sketch canvas of the pad shown in the robot's windows. */
    public static Node canvas(FxRobot robot) {
        return robot.lookup("#sketch-canvas").query();
    }

    /** A ring around the canvas's middle, traced in {@code steps} mouse moves with the left button down. */
    public static void drawRing(FxRobot robot, int steps) {
        Bounds b = canvas(robot).localToScreen(canvas(robot).getLayoutBounds());
        double side = Math.min(b.getWidth(), b.getHeight());
        double radius = side * 0.36;
        MonocleDrag.forgetStaleDropTarget();
        robot.moveTo(new Point2D(b.getCenterX() + radius, b.getCenterY())).press(MouseButton.PRIMARY);
        for (int i = 1; i <= steps; i++) {
            double angle = 2 * Math.PI * i / steps;
            robot.moveTo(new Point2D(b.getCenterX() + radius * Math.cos(angle), b.getCenterY() + radius * Math.sin(angle)));
        }
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
