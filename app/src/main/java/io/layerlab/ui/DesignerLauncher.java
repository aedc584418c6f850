package io.layerlab.ui;

import io.layerlab.train.BackgroundPriority;
import io.layerlab.train.MemorySettings;
import javafx.application.Application;

/**
 * Starts the designer. Deliberately not an {@link Application}: when the main class extends
 * Application, the JDK's launcher insists on JavaFX as named modules and refuses to start from a
 * plain classpath (java -jar).
 */
public final class DesignerLauncher {
    private DesignerLauncher() { }

    /**
     * How many separate areas Prism repaints per frame before it merges them (its default 6, its
     * most 15). The dashboard changes a dozen small places at once (progress, table cells, notes,
     * a chart, the boundary); merged into six, they made rectangles spanning half the window, which
     * the software renderer repainted whole: a third more render time per frame, as measured.
     */
    public static final String DIRTY_REGIONS = "15";

    public static void main(String[] args) {
        MemorySettings.configure();
        configureRendering();
        BackgroundPriority.lowerHelperThreadsMeanwhile();
        Application.launch(LayerLabApp.class, args);
    }

    /** Rendering settings the designer starts with; call before JavaFX starts. A -D on the command line wins. */
    public static void configureRendering() {
        if (System.getProperty("prism.dirtyregioncount") == null) {
            System.setProperty("prism.dirtyregioncount", DIRTY_REGIONS);
        }
    }
}
