package io.layerlab.ui.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads an FXML view from the classpath folder {@code fxml/} with a controller made by the
 * caller (so a view gets its view model through its constructor, not through a static).
 */
public final class FxmlView {
    private FxmlView() { }

    /** Loads {@code fxml/<name>} with {@code controller} as its controller and returns its root. */
    public static Parent load(String name, Object controller) {
        URL url = FxmlView.class.getResource("/fxml/" + name);
        if (url == null) throw new IllegalStateException("missing view fxml/" + name + " on the classpath");
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException("fxml/" + name + " names controller " + type.getName()
                        + " but was given " + controller.getClass().getName());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view fxml/" + name + ": " + e.getMessage(), e);
        }
    }

    /** The URL of {@code styles/<name>} as a stylesheet string. */
    public static String stylesheet(String name) {
        URL url = FxmlView.class.getResource("/styles/" + name);
        if (url == null) throw new IllegalStateException("missing stylesheet styles/" + name + " on the classpath");
        return url.toExternalForm();
    }
}
