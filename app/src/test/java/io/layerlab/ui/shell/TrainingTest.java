package io.layerlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.graph.SetParam;
import io.layerlab.shape.Diagnostic;
import io.layerlab.ui.TestDocuments;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.SetProjectSettings;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Train button: problems go to the problems list; a valid project trains and reports in the status bar. */
@ExtendWith(ApplicationExtension.class)
class TrainingTest {
    private final DesignerFixture fixture = new DesignerFixture();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, fixture.services());
        stage.setWidth(1250);
        stage.setHeight(780);
        window.show();
    }

    @AfterEach
    void deleteFiles() throws Exception { fixture.close(); }

    private DesignDocument doc() { return window.workspace().document(); }

    private String status(FxRobot robot) { return robot.lookup("#statusMessage").queryAs(Label.class).getText(); }

    @Test
    void aGraphTheCompilerRefusesShowsItsProblemsInsteadOfTraining(FxRobot robot) {
        robot.interact(() -> window.files().show(TestDocuments.document(TestDocuments.cnnWithoutFlatten())));

        robot.clickOn("#trainButton");

        TabPane tabs = robot.lookup("#bottomTabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).startsWith("Problems");
        ListView<Diagnostic> problems = robot.lookup(".problems-list").queryAs(ListView.class);
        assertThat(problems.getItems()).extracting(Diagnostic::nodeId).contains("dense1");
        assertThat(status(robot)).startsWith("Cannot train");
        assertThat(robot.lookup("#stopButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#trainButton").queryButton().isDisabled()).isFalse();
    }

    @Test
    void aNetworkThatDoesNotFitTheDataIsToldWhatWouldFit(FxRobot robot) {
        robot.interact(() -> {
            window.files().show(TestDocuments.document(TestDocuments.xorProject()));
            doc().execute(new SetParam("out", "units", 3));
        });

        robot.clickOn("#trainButton");

        ListView<Diagnostic> problems = robot.lookup(".problems-list").queryAs(ListView.class);
        assertThat(problems.getItems()).anySatisfy(d -> {
            assertThat(d.nodeId()).isEqualTo("out");
            assertThat(d.message()).contains("has 3 units").contains("2 classes");
            assertThat(d.hint()).isEqualTo("set units to 2");
        });

        robot.interact(() -> doc().undo());
        assertThat(problems.getItems()).as("an edit clears the compiler's stale problems").isEmpty();
    }

    @Test
    void aValidProjectTrainsInTheBackgroundAndReportsEpochsAndLoss(FxRobot robot) {
        robot.interact(() -> {
            window.files().show(TestDocuments.document(TestDocuments.xorProject()));
            doc().execute(new SetProjectSettings(doc().project(), doc().project().data(),
                    doc().project().training().withEpochs(3), "Set epochs"));
        });

        robot.clickOn("#trainButton");

        assertThat(status(robot)).startsWith("Training finished: 3 epochs").contains("loss").contains("validation accuracy");
        assertThat(robot.lookup("#trainingProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(robot.lookup("#trainButton").queryButton().isDisabled()).isFalse();
    }
}
