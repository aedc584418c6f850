package io.layerlab.ui;

import javafx.application.Application;

/**
 * Starts the designer. Deliberately not an {@link Application}: when the main class extends
 * Application, the JDK's launcher insists on JavaFX as named modules and refuses to start from a
 * plain classpath (java -jar).
 */
public final class DesignerLauncher {
    private DesignerLauncher() { }

    public static void main(String[] args) {
        Application.launch(LayerLabApp.class, args);
    }
}
