package io.layerlab.ui.canvas;

import java.lang.reflect.Field;

/**
 * Works around a Monocle (headless) bug: its mouse input remembers the window of the first press
 * as the drag target and never forgets it, so the first drag-and-drop in a later scene sends a
 * "drag left" to a dead window and fails. Forgetting it before a drag makes the press pick the
 * current window. Does nothing when not running on Monocle.
 */
final class MonocleDragAndDrop {
    private MonocleDragAndDrop() { }

    static void forgetStaleDropTarget() {
        try {
            Class<?> mouseInput = Class.forName("com.sun.glass.ui.monocle.MouseInput");
            var getInstance = mouseInput.getDeclaredMethod("getInstance");
            getInstance.setAccessible(true);
            Object input = getInstance.invoke(null);
            Field dragView = mouseInput.getDeclaredField("dragView");
            dragView.setAccessible(true);
            dragView.set(input, null);
        } catch (ClassNotFoundException notMonocle) {
            // A real display: nothing to work around.
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reset Monocle's drag target", e);
        }
    }
}
