package io.layerlab.ui.support;

import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Clicks through menus as a person does: the menu, then each submenu, then the item. Looks only at
 * nodes on screen, because a menu's text also lives in popups that are not showing.
 */
public final class MenuClicks {
    private MenuClicks() { }

    /** Clicks {@code path[0]} (a menu bar title), then each following label in turn. */
    public static void choose(FxRobot robot, String... path) {
        for (int i = 0; i < path.length; i++) {
            Node node = robot.lookup(path[i]).queryAll().stream().filter(MenuClicks::onScreen).findFirst().orElse(null);
            if (node == null) throw new AssertionError("no visible menu entry \"" + path[i] + "\"");
            // Into a submenu horizontally first: a diagonal path crosses the parent's other entries, which close it.
            boolean intoSubmenu = i > 1;
            robot.clickOn(node, intoSubmenu ? Motion.HORIZONTAL_FIRST : Motion.DEFAULT);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static boolean onScreen(Node node) {
        return node.getScene() != null && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing()
                && node.isVisible();
    }
}
