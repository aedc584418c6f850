package io.layerlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.graph.SetParam;
import io.layerlab.nd4j.Nd4jRuntime;
import io.layerlab.project.SampleProject;
import io.layerlab.project.SampleProjects;
import io.layerlab.ui.TestDocuments;
import io.layerlab.ui.model.SetProjectSettings;
import io.layerlab.ui.training.RunPhase;
import io.layerlab.ui.training.TrainingDashboard;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.summary.SummaryRow;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a person sees when the designer starts: the sample gallery, or the offer to restore work after a crash. */
@ExtendWith(ApplicationExtension.class)
class StartupTest {
    private final DesignerFixture fixture = new DesignerFixture();
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, fixture.services());
        stage.setWidth(1250);
        stage.setHeight(780);
        window.show();
    }

    @AfterEach
    void deleteFiles() throws Exception { fixture.close(); }

    private Node gallery(FxRobot robot) { return robot.lookup(".sample-gallery").query(); }

    @Test
    void nd4jLoadsInTheBackgroundAndTheStatusBarClearsOnceItIsReady(FxRobot robot) throws Exception {
        Label word = robot.lookup("#statusNd4j").queryAs(Label.class);
        assertThat(word.isVisible()).as("nothing to say before the load starts").isFalse();
        robot.interact(window::loadNd4jInBackground);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, Nd4jRuntime::ready);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(word.isVisible()).isFalse();
        assertThat(word.isManaged()).isFalse();
    }

    @Test
    void anEmptyStartShowsTheSampleGalleryAndACardOpensTheSampleAsAnUntitledCopy(FxRobot robot) {
        SampleProject spiral = new SampleProjects().find("spiral").orElseThrow();
        assertThat(gallery(robot).isVisible()).isTrue();
        FlowPane cards = robot.lookup(".sample-gallery #cards").queryAs(FlowPane.class);
        assertThat(cards.getChildren()).hasSize(new SampleProjects().list().size());
        // The cards of a row fill it: the last one of the first row ends at the row's end.
        double rowTop = cards.getChildren().get(0).getBoundsInParent().getMinY();
        double rowEnd = cards.getChildren().stream().filter(card -> card.getBoundsInParent().getMinY() == rowTop)
                .mapToDouble(card -> card.getBoundsInParent().getMaxX()).max().orElseThrow();
        assertThat(rowEnd).as("first row's end in a row %s wide", cards.getWidth()).isGreaterThan(cards.getWidth() - cards.getHgap());

        robot.clickOn("#sample-spiral");

        DesignDocument doc = window.workspace().document();
        assertThat(gallery(robot).isVisible()).isFalse();
        assertThat(doc.project().name()).isEqualTo(spiral.name());
        assertThat(doc.file()).isNull();
        assertThat(doc.isDirty()).isFalse();
        assertThat(doc.graph().size()).isGreaterThan(2);
        assertThat(stage.getTitle()).isEqualTo(spiral.name() + " — LayerLab");
        TableView<SummaryRow> summary = robot.lookup(".summary-table").queryAs(TableView.class);
        assertThat(summary.getItems()).hasSize(doc.graph().size() + 1);
    }

    @Test
    void theGalleryCanBeDismissedAndReopenedFromTheFileMenu(FxRobot robot) {
        robot.clickOn("Start with an empty canvas");
        assertThat(gallery(robot).isVisible()).isFalse();

        robot.clickOn("File").clickOn("Open Sample…");
        assertThat(gallery(robot).isVisible()).isTrue();
    }

    @Test
    void workLeftByACrashIsOfferedAtTheNextStartAndRestoredAsUnsaved(FxRobot robot) throws Exception {
        Path file = fixture.file("xor.layerlab.json");
        robot.interact(() -> {
            window.files().show(new DesignDocument(TestDocuments.xorProject(), file, TestDocuments.analyzer()));
            window.workspace().document().execute(new SetParam("dense1", "units", 32));
            window.files().autosave();
        });
        assertThat(fixture.recovery.list()).hasSize(1);

        // The first window is never closed, as after a crash; the next start finds its copy.
        fixture.dialogs.confirmations.add(true);
        MainWindow[] next = new MainWindow[1];
        robot.interact(() -> {
            next[0] = new MainWindow(new Stage(), fixture.services());
            next[0].show();
        });

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Stage nextStage = (Stage) next[0].scene().getWindow();
        assertThat(nextStage.getWidth()).as("a window nobody sized fits the screen").isLessThanOrEqualTo(screen.getWidth());
        assertThat(nextStage.getHeight()).isLessThanOrEqualTo(screen.getHeight());

        DesignDocument restored = next[0].workspace().document();
        assertThat(fixture.dialogs.confirmQuestions).hasSize(1);
        assertThat(fixture.dialogs.confirmQuestions.get(0)).contains("XOR").contains(file.toString());
        assertThat(restored.graph().node("dense1").orElseThrow().param("units")).isEqualTo(32);
        assertThat(restored.file()).isEqualTo(file);
        assertThat(restored.isDirty()).as("restored work is on no disk yet").isTrue();
        assertThat(robot.lookup(".sample-gallery").<Node>queryAll()).noneMatch(Node::isVisible);

        robot.interact(() -> next[0].files().save());
        assertThat(fixture.recovery.list()).as("saving deletes the copy").isEmpty();
        assertThat(restored.isDirty()).isFalse();
    }

    @Test
    void runsLeftByACrashAreRestoredWithTheirNetworks(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.files().show(TestDocuments.document(TestDocuments.xorProject()));
            window.workspace().document().execute(new SetProjectSettings(window.workspace().document().project(),
                    window.workspace().document().project().data(),
                    window.workspace().document().project().training().withEpochs(2), "Set epochs"));
            window.training().train();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> window.training().viewModel().phaseProperty().get() == RunPhase.IDLE
                        && !window.training().viewModel().runs().isEmpty()).get());
        INDArray input = Nd4j.create(new float[][] {{0, 1}});
        INDArray output = window.training().viewModel().runs().get(0).trained().network().outputSingle(input);
        robot.interact(() -> window.files().autosave());

        fixture.dialogs.confirmations.add(true);
        MainWindow[] next = new MainWindow[1];
        robot.interact(() -> {
            next[0] = new MainWindow(new Stage(), fixture.services());
            next[0].show();
        });

        assertThat(next[0].workspace().document().isDirty()).isTrue();
        assertThat(next[0].training().viewModel().runs()).singleElement().satisfies(run -> {
            assertThat(run.name()).isEqualTo("Run 1");
            assertThat(run.epochsDoneProperty().get()).isEqualTo(2);
            assertThat(run.trained()).as("its network came back too").isNotNull();
            assertThat(run.trained().network().outputSingle(input)).isEqualTo(output);
        });

        fixture.dialogs.saveChoices.add(io.layerlab.ui.support.DialogService.SaveChoice.DONT_SAVE);
        robot.interact(() -> next[0].files().newDocument());
        assertThat(fixture.recovery.folder()).as("the copy and its runs go once the person decides").isEmptyDirectory();
    }

    @Test
    void aRecoveryCopyAfterASaveLinksTheSavedNetworksInsteadOfWritingThemAgain(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.files().show(TestDocuments.document(TestDocuments.xorProject()));
            window.workspace().document().execute(new SetProjectSettings(window.workspace().document().project(),
                    window.workspace().document().project().data(),
                    window.workspace().document().project().training().withEpochs(1), "Set epochs"));
            window.training().train();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> window.training().viewModel().phaseProperty().get() == RunPhase.IDLE
                        && !window.training().viewModel().runs().isEmpty()).get());
        Path target = fixture.file("linked.layerlab.json");
        fixture.dialogs.saveLocations.add(java.util.Optional.of(target));
        robot.interact(() -> window.files().save());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.workspace().document().isDirty());
        Path saved = io.layerlab.train.RunNetworks.zipOf(io.layerlab.train.RunNetworks.folderBeside(target), 1);
        assertThat(saved).isRegularFile();

        robot.interact(() -> {
            DesignDocument doc = window.workspace().document();
            doc.execute(new SetProjectSettings(doc.project(), doc.project().data(), doc.project().training().withEpochs(3), "Set epochs"));
            window.files().autosave();
        });

        Path copied;
        try (var files = java.nio.file.Files.walk(fixture.recovery.folder())) {
            copied = files.filter(f -> f.getFileName().toString().equals("run-1.zip")).findFirst().orElseThrow();
        }
        assertThat(java.nio.file.Files.isSameFile(copied, saved)).as("the recovery copy's network is the saved zip, linked").isTrue();
    }

    @Test
    void aShortWindowOpensTheDashboardWithTheNextRunsSettingsFolded(FxRobot robot) throws Exception {
        Stage[] stages = new Stage[2];
        TrainingDashboard[] dashboards = new TrainingDashboard[2];
        robot.interact(() -> {
            for (int i = 0; i < 2; i++) {
                stages[i] = new Stage();
                stages[i].setWidth(1250);
                stages[i].setHeight(i == 0 ? 900 : 1040);
                dashboards[i] = new MainWindow(stages[i], fixture.services()).training().dashboard();
            }
        });
        assertThat(robot.from(dashboards[0]).lookup("#settingsToggle").queryAs(ToggleButton.class).isSelected())
                .as("the usual 900 pixels: folded, so the charts have room").isFalse();
        assertThat(robot.from(dashboards[1]).lookup("#settingsToggle").queryAs(ToggleButton.class).isSelected()).isTrue();
        robot.interact(() -> { stages[0].close(); stages[1].close(); });
    }

    @Test
    void aDeclinedRecoveryCopyIsDeleted(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.files().show(TestDocuments.document(TestDocuments.xorProject()));
            window.workspace().document().execute(new SetParam("dense1", "units", 32));
            window.files().autosave();
        });
        fixture.dialogs.confirmations.add(false);

        robot.interact(() -> new MainWindow(new Stage(), fixture.services()).show());

        assertThat(fixture.recovery.list()).isEmpty();
    }

    @Test
    void aCleanCloseLeavesNoRecoveryCopy(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.files().show(TestDocuments.document(TestDocuments.xorProject()));
            window.workspace().document().execute(new SetParam("dense1", "units", 32));
            window.files().autosave();
        });
        assertThat(fixture.recovery.list()).hasSize(1);
        fixture.dialogs.saveChoices.add(io.layerlab.ui.support.DialogService.SaveChoice.DONT_SAVE);

        robot.interact(window::quit);

        assertThat(stage.isShowing()).isFalse();
        assertThat(fixture.recovery.list()).isEmpty();
        assertThat(fixture.dialogs.errors).isEmpty();
    }
}
