package io.layerlab.ui.shell;

import io.layerlab.ui.training.LayoutMemory;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the main window opens: where the person left it when that is still on a screen, otherwise
 * at the designer's usual size shrunk to fit the primary screen's usable area, centred. A window
 * larger than its screen hides its own edges (the status bar, the scroll bars) on a small laptop.
 */
public final class WindowPlacement {
    /** The size the designer is laid out for. */
    public static final double USUAL_WIDTH = 1400;
    public static final double USUAL_HEIGHT = 900;
    /** Smaller than this the panels no longer fit side by side. */
    static final double MIN_WIDTH = 800;
    static final double MIN_HEIGHT = 500;
    /** How much of a remembered window's top edge (where it is dragged from) must be on a screen for it to open there. */
    static final double GRIP_WIDTH = 120;
    static final double GRIP_HEIGHT = 30;

    private WindowPlacement() {
    }

    /** The usual size, no larger than {@code screen}, centred on it. */
    public static Rectangle2D fitted(Rectangle2D screen) {
        double width = Math.min(USUAL_WIDTH, screen.getWidth());
        double height = Math.min(USUAL_HEIGHT, screen.getHeight());
        return new Rectangle2D(screen.getMinX() + (screen.getWidth() - width) / 2,
                screen.getMinY() + (screen.getHeight() - height) / 2, width, height);
    }

    /**
     * {@code saved}, made to fit the screen its top edge is on, or empty when no screen shows enough
     * of its top edge to drag it by (a monitor since unplugged, a resolution since lowered).
     */
    public static Optional<Rectangle2D> restored(Rectangle2D saved, List<Rectangle2D> screens) {
        if (!(saved.getWidth() > 0 && saved.getHeight() > 0)) {
            return Optional.empty();
        }
        Rectangle2D grip = new Rectangle2D(saved.getMinX(), saved.getMinY(), saved.getWidth(), GRIP_HEIGHT);
        for (Rectangle2D screen : screens) {
            double wide = Math.min(grip.getMaxX(), screen.getMaxX()) - Math.max(grip.getMinX(), screen.getMinX());
            double high = Math.min(grip.getMaxY(), screen.getMaxY()) - Math.max(grip.getMinY(), screen.getMinY());
            if (wide >= Math.min(GRIP_WIDTH, saved.getWidth()) && high >= GRIP_HEIGHT) {
                double width = Math.min(saved.getWidth(), screen.getWidth());
                double height = Math.min(saved.getHeight(), screen.getHeight());
                double x = Math.max(screen.getMinX(), Math.min(saved.getMinX(), screen.getMaxX() - width));
                double y = Math.max(screen.getMinY(), Math.min(saved.getMinY(), screen.getMaxY() - height));
                return Optional.of(new Rectangle2D(x, y, width, height));
            }
        }
        return Optional.empty();
    }

    /** Sizes a stage nobody has sized yet to fit the primary screen (the designer's preferred size may not). */
    static void fitIfUnsized(Stage stage) {
        if (Double.isNaN(stage.getWidth()) || Double.isNaN(stage.getHeight())) {
            apply(stage, fitted(Screen.getPrimary().getVisualBounds()));
        }
    }

    /**
     * Opens {@code stage} where {@code memory} says it was left (and maximized if it was), or fitted
     * to the primary screen; from then on remembers where the person moves it and how large they make it.
     */
    public static void place(Stage stage, LayoutMemory memory) {
        Rectangle2D saved = new Rectangle2D(memory.number("x", 0), memory.number("y", 0),
                memory.number("width", 0), memory.number("height", 0));
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D bounds = restored(saved, screens).orElseGet(() -> fitted(Screen.getPrimary().getVisualBounds()));
        apply(stage, bounds);
        stage.setMinWidth(Math.min(MIN_WIDTH, bounds.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, bounds.getHeight()));
        stage.setMaximized(memory.flag("maximized", false));
        // A maximized or minimized window's bounds are the screen's or nothing: keep the ones it returns to.
        stage.xProperty().addListener((o, was, is) -> remember(stage, memory, "x", is.doubleValue()));
        stage.yProperty().addListener((o, was, is) -> remember(stage, memory, "y", is.doubleValue()));
        stage.widthProperty().addListener((o, was, is) -> remember(stage, memory, "width", is.doubleValue()));
        stage.heightProperty().addListener((o, was, is) -> remember(stage, memory, "height", is.doubleValue()));
        stage.maximizedProperty().addListener((o, was, is) -> memory.putFlag("maximized", is));
    }

    private static void remember(Stage stage, LayoutMemory memory, String key, double value) {
        if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
            memory.putNumber(key, value);
        }
    }

    private static void apply(Stage stage, Rectangle2D bounds) {
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
    }
}
