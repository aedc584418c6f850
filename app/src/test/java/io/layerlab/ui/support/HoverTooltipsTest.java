package io.layerlab.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Tooltips are made on the first hover, not up front, and a wrapping one follows its text. */
@ExtendWith(ApplicationExtension.class)
class HoverTooltipsTest {
    private Label label;
    private final SimpleStringProperty detail = new SimpleStringProperty("loading its native code");

    @Start
    void start(Stage stage) {
        label = new Label("ND4J");
        HoverTooltips.installWrapping(label, detail, 300);
        stage.setScene(new Scene(new StackPane(label), 300, 200));
        stage.show();
    }

    @Test
    void aWrappingTooltipIsMadeOnTheFirstHoverAndFollowsItsText(FxRobot robot) {
        assertThat(label.getTooltip()).as("nothing made before the pointer comes").isNull();
        robot.moveTo(label);
        assertThat(label.getTooltip()).isNotNull();
        assertThat(label.getTooltip().isWrapText()).isTrue();
        assertThat(label.getTooltip().getMaxWidth()).isEqualTo(300);
        assertThat(label.getTooltip().getText()).isEqualTo("loading its native code");
        robot.interact(() -> detail.set("could not load: no native library"));
        assertThat(label.getTooltip().getText()).isEqualTo("could not load: no native library");
    }
}
