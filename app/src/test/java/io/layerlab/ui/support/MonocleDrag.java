package io.layerlab.ui.support;

import java.lang.reflect.Field;

/**
 * Works around a Monocle (headless) bug: its mouse input remembers the window of the first
 * drag-and-drop as the drop target and never forgets it, so a drag in a later test's window
 * fails. Forgetting it before each drag makes the press pick the current window. Does nothing
 * on a real display.
 */
public final class MonocleDrag {
    private MonocleDrag() { }

    public static void forgetStaleDropTarget() {
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
