package io.layerlab.ui.support;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Clicks through menus as a person does: the menu, then each submenu, then the item. Looks only at
 * nodes on screen, because a menu's text also lives in popups that are not showing, and waits for
 * each entry to appear (a submenu opens on hover, a moment after the pointer arrives).
 */
public final class MenuClicks {
    private static final int APPEAR_SECONDS = 2;

    private MenuClicks() { }

    /** Clicks {@code path[0]} (a menu bar title), then each following label in turn. */
    public static void choose(FxRobot robot, String... path) {
        for (int i = 0; i < path.length; i++) {
            Node node = awaitVisible(robot, path[i], i > 0);
            for (int attempt = 0; node == null && i > 1 && attempt < 2; attempt++) {
                // The submenu did not open (or a click closed it again): click its entry, as a person would.
                Node parent = awaitVisible(robot, path[i - 1], true);
                if (parent == null) break;
                robot.clickOn(parent);
                node = awaitVisible(robot, path[i], true);
            }
            if (node == null) throw new AssertionError("no visible menu entry \"" + path[i] + "\"");
            // Into a submenu horizontally first: a diagonal path crosses the parent's other entries, which close it.
            Motion motion = i > 1 ? Motion.HORIZONTAL_FIRST : Motion.DEFAULT;
            robot.clickOn(node, motion);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** @param inMenu only an entry of an open menu (a popup), not a button of the same name in the window */
    private static Node awaitVisible(FxRobot robot, String label, boolean inMenu) {
        try {
            WaitForAsyncUtils.waitFor(APPEAR_SECONDS, TimeUnit.SECONDS, () -> visible(robot, label, inMenu) != null);
        } catch (TimeoutException e) {
            return null;
        }
        return visible(robot, label, inMenu);
    }

    private static Node visible(FxRobot robot, String label, boolean inMenu) {
        return robot.lookup(label).queryAll().stream().filter(MenuClicks::onScreen)
                .filter(n -> !inMenu || n.getScene().getWindow() instanceof javafx.stage.PopupWindow).findFirst().orElse(null);
    }

    /** Shown in a showing window: it and every parent visible (a button of an unselected tab is not). */
    private static boolean onScreen(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()) return false;
        for (Node n = node; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }
}
