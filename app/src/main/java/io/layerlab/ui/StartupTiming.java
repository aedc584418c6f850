package io.layerlab.ui;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * With {@code -Dlayerlab.startupTiming=true}, prints to stderr how long after the JVM started the
 * window was first shown (with the opening scene) and the designer in it (each with the next frame
 * rendered after it); with {@code =exit} it also closes the application once the designer shows, so a
 * script can time several launches. Without the property it does nothing and loads nothing.
 */
final class StartupTiming {
    static final String PROPERTY = "layerlab.startupTiming";

    private StartupTiming() { }

    private static boolean enabled() {
        String mode = System.getProperty(PROPERTY);
        return mode != null && !mode.equals("false");
    }

    /**
     * Prints how long after the JVM started {@code phase} was reached, and the CPU time the calling
     * thread has used by then (on a busy machine the clock mostly measures waiting for a core), when
     * timing is on.
     */
    static void mark(String phase) {
        if (enabled()) {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            long threadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
            System.err.printf(Locale.ROOT, "startup: %s at %d ms (this thread CPU %d ms)%n", phase, ms, threadCpu);
        }
    }

    static void watch(Stage stage) {
        if (!enabled()) {
            return;
        }
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> reportAfterNextFrame("window shown", false));
    }

    /** Call once the designer is shown: reports it after its first frame, and exits then with {@code =exit}. */
    static void designerShown() {
        if (enabled()) {
            reportAfterNextFrame("designer shown", System.getProperty(PROPERTY).equals("exit"));
        }
    }

    private static void reportAfterNextFrame(String what, boolean exit) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long shown = System.currentTimeMillis() - jvmStart;
        // The frame that puts the window's content on screen is rendered by the next pulse.
        Platform.runLater(() -> Platform.runLater(() -> {
            long painted = System.currentTimeMillis() - jvmStart;
            // On a busy machine the wall-clock time mostly measures waiting for a core; CPU time does not.
            long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() / 1_000_000 : -1;
            long fxCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
            System.err.printf(Locale.ROOT, "startup: %s %d ms, first frame by %d ms after JVM start; "
                    + "CPU so far: process %d ms, JavaFX thread %d ms%n", what, shown, painted, cpu, fxCpu);
            if (exit) {
                Platform.exit();
                System.exit(0);
            }
        }));
    }
}
