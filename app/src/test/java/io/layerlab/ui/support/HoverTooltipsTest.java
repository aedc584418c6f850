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

/**
 * Tooltips are made on the first hover, not up front, and a wrapping one follows its text; a note cut
 * short shows its whole text, and an empty one no tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class HoverTooltipsTest {
    private static final String NOTE = "Run 12: best epoch 83, loss 3.88e-4 (validation)";
    private Label label;
    private Label note;
    private final SimpleStringProperty detail = new SimpleStringProperty("loading its native code");

    @Start
    void start(Stage stage) {
        label = new Label("ND4J");
        HoverTooltips.installWrapping(label, detail, 300);
        note = new Label(NOTE);
        note.setMaxWidth(90);
        HoverTooltips.installWholeText(note);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(40, label, note);
        stage.setScene(new Scene(new StackPane(box), 300, 200));
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

    @Test
    void aNoteCutShortShowsItsWholeTextOnHoverAndAnEmptyNoteNone(FxRobot robot) {
        assertThat(robot.lookup(n -> n.getParent() == note && n instanceof javafx.scene.text.Text).queryAs(javafx.scene.text.Text.class).getText())
                .as("shown cut short").endsWith("...");
        assertThat(note.getTooltip()).as("nothing made before the pointer comes").isNull();
        robot.moveTo(note);
        assertThat(note.getTooltip()).isNotNull();
        assertThat(note.getTooltip().getText()).isEqualTo(NOTE);
        robot.interact(() -> note.setText("Run 13: best epoch 7"));
        assertThat(note.getTooltip().getText()).as("follows the note").isEqualTo("Run 13: best epoch 7");

        robot.moveTo(label);
        robot.interact(() -> note.setText(""));
        robot.moveTo(note);
        assertThat(note.getTooltip()).as("an empty note has no tooltip").isNull();
    }
}
