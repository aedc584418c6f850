package io.layerlab.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Live content in a scroll pane repaints where it changed, not as one cached image of the viewport. */
@ExtendWith(ApplicationExtension.class)
class LiveScrollPaneTest {
    @Start
    void start(Stage stage) {
        Region live = new Region();
        live.setPrefSize(200, 400);
        live.setId("live");
        Region plain = new Region();
        plain.setPrefSize(200, 400);
        plain.setId("plain");
        stage.setScene(new Scene(new HBox(new LiveScrollPane(live), new ScrollPane(plain)), 500, 200));
        stage.show();
    }

    @Test
    void itsViewportIsNotCachedWhereAPlainScrollPanesIs(FxRobot robot) {
        assertThat(viewportOf(robot, "#live").isCache()).isFalse();
        assertThat(viewportOf(robot, "#plain").isCache()).as("the default skin's, which this one changes").isTrue();
    }

    private static javafx.scene.Node viewportOf(FxRobot robot, String contentId) {
        return robot.lookup(contentId).query().getParent().getParent(); // content -> its group -> the viewport
    }
}
