package io.layerlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.model.ModelFiles;
import io.layerlab.model.TrainedModel;
import io.layerlab.ui.TestDocuments;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.SetProjectSettings;
import io.layerlab.ui.support.FakeDialogService;
import io.layerlab.ui.support.MenuClicks;
import io.layerlab.ui.training.RunPhase;
import io.layerlab.ui.training.TrainedRun;
import io.layerlab.ui.training.TrainingDashboard;
import io.layerlab.ui.training.TrainingViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
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

/** File ▸ Export Trained Model… and Model Card… after a run in the dashboard. */
@ExtendWith(ApplicationExtension.class)
class TrainedModelExportTest {
    private final DesignerFixture fixture = new DesignerFixture();
    private final FakeDialogService dialogs = fixture.dialogs;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, fixture.services());
        stage.setWidth(1250);
        stage.setHeight(780);
        window.show();
    }

    @AfterEach
    void deleteFiles() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.training().dispose());
        WaitForAsyncUtils.waitForFxEvents();
        fixture.close();
    }

    private DesignDocument doc() { return window.workspace().document(); }

    private TrainingDashboard dashboard() { return window.training().dashboard(); }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Label exportTrainedLabel(FxRobot robot) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        return (Label) bar.getMenus().get(0).getItems().stream().filter(i -> "exportTrainedItem".equals(i.getId()))
                .map(i -> ((CustomMenuItem) i).getContent()).findFirst().orElseThrow();
    }

    @Test
    void afterARunTheMenuExportsItsBestNetworkWithItsNormaliserAndTheCardCarriesItsResults(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.files().show(TestDocuments.document(TestDocuments.xorProject()));
            doc().execute(new SetProjectSettings(doc().project(), doc().project().data(),
                    doc().project().training().withEpochs(2), "Set epochs"));
        });
        assertThat(window.exchange().trainedNetworkProperty().get()).isNull();
        assertThat(exportTrainedLabel(robot).getTooltip().getText())
                .isEqualTo(TrainingViewModel.NO_RUN_YET);
        MenuClicks.choose(robot, "File", "Export Trained Model…");
        assertThat(dialogs.informations).as("a click says why there is nothing to export").contains("No trained model to export");

        robot.clickOn("#trainButton");
        waitUntil(() -> dashboard().phaseProperty().get() == RunPhase.IDLE && dashboard().viewModel().trainedRunProperty().get() != null);
        TrainedRun run = dashboard().viewModel().trainedRunProperty().get();
        assertThat(run.name()).isEqualTo("Run 1");
        assertThat(exportTrainedLabel(robot).getTooltip().getText()).contains("Run 1");

        Path zip = fixture.file("xor.model.zip");
        dialogs.saveLocations.add(Optional.of(zip));
        MenuClicks.choose(robot, "File", "Export Trained Model…");
        waitUntil(() -> Files.exists(zip));
        TrainedModel saved = ModelFiles.load(zip);
        INDArray input = Nd4j.create(new float[][] {{0.1f, 0.9f}, {0.8f, 0.2f}});
        assertThat(saved.network().outputSingle(input)).as("the run's own weights")
                .isEqualTo(run.network().outputSingle(input));
        assertThat(saved.normalizer().isPresent()).isEqualTo(run.normalizer() != null);
        assertThat(saved.info().orElseThrow().classes()).hasSize(2);

        Path card = fixture.file("xor.md");
        dialogs.saveLocations.add(Optional.of(card));
        MenuClicks.choose(robot, "File", "Export", "Model Card…");
        waitUntil(() -> Files.exists(card));
        String text = Files.readString(card);
        assertThat(text).contains("## Results").contains("| Epochs trained | 2 |").contains("| Ended | completed |")
                .contains("![Loss curves](xor-loss.png)");
        assertThat(fixture.file("xor-loss.png")).isNotEmptyFile();
    }
}
