package io.layerlab.ui;

import atlantafx.base.theme.Styles;
import io.layerlab.ui.support.FirstFrame;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What the window shows while the designer is built: the application's name and a line saying it
 * opens, in the person's theme. Cheap to build and lay out (two labels), so the window appears as
 * soon as JavaFX runs. Should the designer fail to open, it says why and offers to quit.
 */
final class OpeningScene {
    /** How long the window shows this scene before the designer is built (the window system's first repaint). */
    private static final long SETTLE_MILLIS = 100;
    private final Label title = new Label("LayerLab");
    private final Label message = new Label("Opening the designer…");
    private final VBox root = new VBox(8, title, message);
    private final Scene scene = new Scene(root);

    OpeningScene() {
        title.getStyleClass().add(Styles.TITLE_2);
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.setWrapText(true);
        root.setAlignment(Pos.CENTER);
    }

    Scene scene() {
        return scene;
    }

    /** Runs {@code task} on the JavaFX thread once this scene's first frame has had time to reach the screen. */
    void afterItsFirstFrame(Runnable task) {
        FirstFrame.then(scene, SETTLE_MILLIS, task);
    }

    /** Shows why the designer could not open, with a way to quit; the error's details go to standard error. */
    void failed(Throwable error) {
        message.setText("The designer could not open: " + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage())
                + "\nThe details were printed to standard error (start LayerLab from a terminal to see them);"
                + " please report them with the steps that led here.");
        message.setStyle("-fx-text-fill: -color-danger-fg;");
        Button quit = new Button("Quit");
        quit.setOnAction(e -> Platform.exit());
        root.getChildren().add(quit);
    }
}
