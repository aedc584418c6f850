package io.layerlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.ui.TestDocuments;
import io.layerlab.ui.support.MemoryPreferences;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.control.ListCell;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The runs table's menu button hides columns a narrow dashboard cannot show readably, and they stay hidden. */
@ExtendWith(ApplicationExtension.class)
class RunsColumnsTest {
    private final DesignerFixture fixture = new DesignerFixture();
    private final Preferences preferences = new MemoryPreferences();

    @Start
    void start(Stage stage) {
        MainWindow window = fixture.windowRemembering(stage, preferences);
        window.files().show(TestDocuments.document(TestDocuments.xorProject()));
    }

    @AfterEach
    void deleteFiles() throws Exception { fixture.close(); }

    @Test
    void aColumnHiddenWithTheTablesMenuStaysHiddenAtTheNextStart(FxRobot robot) {
        robot.interact(() -> robot.lookup("#bottomTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#runsTable").queryAs(TableView.class);
        assertThat(table.isTableMenuButtonVisible()).as("the column chooser").isTrue();
        robot.interact(() -> column(table, "runOptimizerColumn").setVisible(false));

        MainWindow[] next = new MainWindow[1];
        robot.interact(() -> {
            next[0] = fixture.windowRemembering(new Stage(), preferences);
            ((TabPane) next[0].scene().lookup("#bottomTabs")).getSelectionModel().select(2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> again = (TableView<?>) next[0].scene().lookup("#runsTable");
        assertThat(column(again, "runOptimizerColumn").isVisible()).as("hidden, as it was left").isFalse();
        assertThat(column(again, "runNameColumn").isVisible()).isTrue();
        robot.interact(() -> ((Stage) next[0].scene().getWindow()).close());
    }

    @Test
    void atTheDefaultWindowEveryColumnsHeaderReadsWhole(FxRobot robot) {
        Stage stage = (Stage) robot.lookup("#bottomTabs").query().getScene().getWindow();
        robot.interact(() -> {
            stage.setWidth(1400); // the window's size at a first start (main-window.fxml)
            stage.setHeight(900);
            robot.lookup("#bottomTabs").queryAs(TabPane.class).getSelectionModel().select(2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> headers = robot.lookup("#runsTable .column-header .label").queryAll().stream()
                .map(label -> ((Text) label.lookup(".text")).getText()).toList();
        assertThat(headers).containsExactly("Run", "Optimiser", "LR", "Batch", "Epochs", "Val. loss", "Val. acc.", "Time");
    }

    @Test
    void atTheDefaultWindowTheWhatChangedNoteReadsWhole(FxRobot robot) {
        Stage stage = (Stage) robot.lookup("#bottomTabs").query().getScene().getWindow();
        robot.interact(() -> {
            stage.setWidth(1400);
            stage.setHeight(900);
            robot.lookup("#bottomTabs").queryAs(TabPane.class).getSelectionModel().select(2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        // The list is a few lines high beside the runs table: its one row, the note, reads whole there.
        ListCell<?> note = robot.lookup("#changesList .list-cell").match(n -> !((ListCell<?>) n).isEmpty()).query();
        Text text = (Text) note.getGraphic();
        assertThat(text.getText()).isEqualTo("Train twice to compare two runs.");
        assertThat(note.localToScene(note.getBoundsInLocal()).getMaxY())
                .isLessThanOrEqualTo(robot.lookup("#changesList").query().localToScene(robot.lookup("#changesList").query().getBoundsInLocal()).getMaxY());
    }

    private static TableColumn<?, ?> column(TableView<?> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
