package io.layerlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.ui.support.MemoryPreferences;
import io.layerlab.ui.training.LayoutMemory;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window remembers where the person moved it and how large they made it, and opens there next time. */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementMemoryTest {
    private final LayoutMemory memory = new LayoutMemory(new MemoryPreferences());

    @Start
    void start(Stage stage) {
        // The extension's own stage stays unused: each test places stages of its own.
    }

    @Test
    void aWindowMovedAndResizedOpensThereNextTime(FxRobot robot) {
        Stage[] first = new Stage[1];
        robot.interact(() -> {
            first[0] = placed();
            // As a window manager reports a move and a resize.
            first[0].setX(40);
            first[0].setY(30);
            first[0].setWidth(1000);
            first[0].setHeight(700);
            first[0].close();
        });

        Stage[] next = new Stage[1];
        robot.interact(() -> next[0] = placed());
        assertThat(bounds(next[0])).isEqualTo(new Rectangle2D(40, 30, 1000, 700));
        robot.interact(() -> next[0].close());
    }

    @Test
    void aMaximizedWindowOpensMaximizedAndKeepsTheBoundsItReturnsTo(FxRobot robot) {
        Stage[] first = new Stage[1];
        robot.interact(() -> {
            first[0] = placed();
            first[0].setX(50);
            first[0].setY(60);
            first[0].setWidth(900);
            first[0].setHeight(600);
            first[0].setMaximized(true);
            // While maximized the window reports the screen's bounds: not the ones it returns to.
            first[0].setX(0);
            first[0].setY(0);
            first[0].close();
        });
        assertThat(memory.flag("maximized", false)).isTrue();
        assertThat(new Rectangle2D(memory.number("x", -1), memory.number("y", -1), memory.number("width", -1), memory.number("height", -1)))
                .isEqualTo(new Rectangle2D(50, 60, 900, 600));

        Stage[] next = new Stage[1];
        robot.interact(() -> next[0] = placed());
        assertThat(next[0].isMaximized()).isTrue();
        robot.interact(() -> next[0].close());
    }

    private Stage placed() {
        Stage stage = new Stage();
        stage.setScene(new Scene(new Pane()));
        WindowPlacement.place(stage, memory);
        stage.show();
        return stage;
    }

    private static Rectangle2D bounds(Stage stage) {
        return new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }
}
