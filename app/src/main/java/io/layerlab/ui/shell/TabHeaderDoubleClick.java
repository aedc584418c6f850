package io.layerlab.ui.shell;

import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Runs an action on a double-click on a tab pane's own header (its tabs or the empty strip beside
 * them), as editors maximise a panel. A first click on another tab selects it, and in the designer
 * that moves the header (the dashboard docks higher than the summary), so the second click lands on
 * whatever is now under the pointer: a chart or the canvas. That second click still counts as the
 * header's double-click, and the node under it never sees it (a chart would fit its axes, the canvas
 * would act on a node).
 */
final class TabHeaderDoubleClick {
    private final TabPane tabs;
    private final Runnable action;
    /** A first click on the header was the last click: a second one, wherever it lands, completes the double-click. */
    private boolean armed;
    /** One instance, so that it can be taken off the scene it was put on. */
    private final EventHandler<MouseEvent> filter = this::anywhere;

    private TabHeaderDoubleClick(TabPane tabs, Runnable action) {
        this.tabs = tabs;
        this.action = action;
    }

    static void install(TabPane tabs, Runnable action) {
        TabHeaderDoubleClick clicks = new TabHeaderDoubleClick(tabs, action);
        tabs.addEventHandler(MouseEvent.MOUSE_PRESSED, clicks::pressedOnTabs);
        tabs.addEventHandler(MouseEvent.MOUSE_CLICKED, clicks::clickedOnTabs);
        tabs.sceneProperty().addListener((obs, was, is) -> {
            if (was != null) was.removeEventFilter(MouseEvent.ANY, clicks.filter);
            if (is != null) is.addEventFilter(MouseEvent.ANY, clicks.filter);
        });
        Scene scene = tabs.getScene();
        if (scene != null) scene.addEventFilter(MouseEvent.ANY, clicks.filter);
    }

    /**
     * Armed by the press, not the click: a press that selects another tab moves the header at the
     * next layout, and when the release comes after it, it lands elsewhere and makes no click here.
     */
    private void pressedOnTabs(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1 && inHeader(e.getPickResult().getIntersectedNode())) {
            armed = true;
        }
    }

    private void clickedOnTabs(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && inHeader(e.getPickResult().getIntersectedNode())) {
            armed = false;
            action.run();
        }
    }

    /** The second click of a double-click that began on the header and ends elsewhere: the header's. */
    private void anywhere(MouseEvent e) {
        if (!armed || !isClick(e)) return;
        if (e.getClickCount() != 2 || e.getButton() != MouseButton.PRIMARY) {
            if (e.getEventType() == MouseEvent.MOUSE_PRESSED) armed = false; // another click began
            return;
        }
        if (inHeader(e.getPickResult().getIntersectedNode())) return; // the header's own handler has it
        e.consume();
        if (e.getEventType() == MouseEvent.MOUSE_CLICKED) {
            armed = false;
            action.run();
        }
    }

    private static boolean isClick(Event e) {
        return e.getEventType() == MouseEvent.MOUSE_PRESSED || e.getEventType() == MouseEvent.MOUSE_RELEASED
                || e.getEventType() == MouseEvent.MOUSE_CLICKED;
    }

    private boolean inHeader(Node node) {
        for (Node n = node; n != null && n != tabs; n = n.getParent()) {
            // The header of these tabs, not of tabs inside them (the dashboard's runs and layers).
            if (n.getStyleClass().contains("tab-header-area")) return n.getParent() == tabs;
        }
        return false;
    }
}
