package io.layerlab.ui.shell;

import static io.layerlab.keras.KerasModels.dense;
import static io.layerlab.keras.KerasModels.other;
import static io.layerlab.keras.KerasModels.weight;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.keras.KerasH5Writer;
import io.layerlab.keras.KerasModels;
import io.layerlab.model.ModelFiles;
import io.layerlab.project.Project;
import io.layerlab.shape.Diagnostic;
import io.layerlab.train.ProjectRun;
import io.layerlab.ui.TestDocuments;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.support.FakeDialogService;
import io.layerlab.ui.support.MenuClicks;
import io.layerlab.ui.trymodel.PredictionRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The File menu's exports and imports, used as a person would: menu, file chooser, result on disk or on screen. */
@ExtendWith(ApplicationExtension.class)
class ExportImportTest {
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
    void deleteFiles() throws Exception { fixture.close(); }

    private DesignDocument doc() { return window.workspace().document(); }

    private void openXor(FxRobot robot) {
        robot.interact(() -> window.files().show(TestDocuments.document(TestDocuments.xorProject())));
    }

    private void export(FxRobot robot, String item, Path file) {
        dialogs.saveLocations.add(Optional.of(file));
        MenuClicks.choose(robot, "File", "Export", item);
    }

    @Test
    void eachDesignExportWritesItsFile(FxRobot robot) throws Exception {
        openXor(robot);

        export(robot, "Java Source…", fixture.file("XorNet.java"));
        export(robot, "Keras Script…", fixture.file("xor.py"));
        export(robot, "DL4J JSON…", fixture.file("xor.json"));
        export(robot, "Diagram as SVG…", fixture.file("xor.svg"));
        export(robot, "Model Card…", fixture.file("xor.md"));

        assertThat(Files.readString(fixture.file("XorNet.java"))).contains("public class XorNet");
        assertThat(Files.readString(fixture.file("xor.py"))).contains("keras.Model(");
        assertThat(Files.readString(fixture.file("xor.json"))).contains("\"vertices\"");
        assertThat(Files.readString(fixture.file("xor.svg"))).startsWith("<").contains("<svg");
        assertThat(Files.readString(fixture.file("xor.md"))).contains(doc().project().name());
        assertThat(dialogs.errors).isEmpty();
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText()).startsWith("Exported the model card to");
    }

    @Test
    void aNetworkTheExporterRefusesShowsItsProblemsAndWritesNothing(FxRobot robot) {
        robot.interact(() -> window.files().show(TestDocuments.document(TestDocuments.cnnWithoutFlatten())));
        Path py = fixture.file("broken.py");

        export(robot, "Keras Script…", py);

        assertThat(py).doesNotExist();
        TabPane tabs = robot.lookup("#bottomTabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).startsWith("Problems");
        ListView<Diagnostic> problems = robot.lookup(".problems-list").queryAs(ListView.class);
        assertThat(problems.getItems()).extracting(Diagnostic::nodeId).contains("dense1");
        assertThat(dialogs.errors).as("problems of the graph are not file errors").isEmpty();
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedInAnError(FxRobot robot) throws Exception {
        openXor(robot);
        Path blocked = fixture.file("not-a-folder");
        Files.writeString(blocked, "a file where a folder should be");

        export(robot, "Java Source…", blocked.resolve("XorNet.java"));

        assertThat(dialogs.lastError()).startsWith("Cannot export XorNet.java").contains(blocked.toString());
    }

    @Test
    void aTrainedModelIsTriedWithTypedValues(FxRobot robot) throws Exception {
        Project project = TestDocuments.xorProject();
        Path zip = fixture.file("xor.model.zip");
        ProjectRun.prepare(project, project.training().withEpochs(1)).saveModel(zip);

        dialogs.filesToOpen.add(Optional.of(zip));
        MenuClicks.choose(robot, "File", "Open Model…");
        assertThat(robot.lookup(".try-model-description").queryAs(Label.class).getText()).startsWith("Takes 2 values")
                .contains("classification");
        robot.clickOn(".try-model-input .text-field").write("1, 0");
        robot.clickOn("Predict");
        TableView<PredictionRow> table = robot.lookup(".try-model-predictions").queryAs(TableView.class);
        assertThat(table.getItems()).singleElement().satisfies(row -> {
            assertThat(row.source()).isEqualTo("typed");
            assertThat(row.prediction()).matches(".+ \\(\\d+\\.\\d %\\)");
        });

        robot.clickOn(".try-model-input .text-field").write(", 7");
        robot.clickOn("Predict");
        assertThat(robot.lookup(".try-model-problem").queryAs(Label.class).getText())
                .isEqualTo("Enter 2 values separated by commas; got 3.");
    }

    @Test
    void aCsvOfRowsIsPredictedRowByRow(FxRobot robot) throws Exception {
        Project project = TestDocuments.xorProject();
        Path zip = fixture.file("xor.model.zip");
        ProjectRun.prepare(project, project.training().withEpochs(1)).saveModel(zip);
        Path csv = fixture.file("rows.csv");
        Files.writeString(csv, "x,y\n0,0\n0,1\n1,1\n");

        dialogs.filesToOpen.add(Optional.of(zip));
        MenuClicks.choose(robot, "File", "Open Model…");
        dialogs.filesToOpen.add(Optional.of(csv));
        robot.clickOn("Predict a CSV file…");

        TableView<PredictionRow> table = robot.lookup(".try-model-predictions").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(PredictionRow::source)
                .containsExactly("rows.csv line 2", "rows.csv line 3", "rows.csv line 4");
    }

    @Test
    void aCorruptModelZipIsNamedInAnError(FxRobot robot) throws Exception {
        Path zip = fixture.file("broken.model.zip");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 1, 2, 3});

        dialogs.filesToOpen.add(Optional.of(zip));
        MenuClicks.choose(robot, "File", "Open Model…");

        assertThat(dialogs.lastError()).startsWith("Cannot open broken.model.zip").contains("broken.model.zip");
    }

    @Test
    void aKerasModelOpensAsAnUntitledProjectWhoseWeightsCanBeExported(FxRobot robot) throws Exception {
        Random random = new Random(3);
        Path h5 = fixture.file("flowers.h5");
        new KerasH5Writer()
                .modelConfig(KerasModels.sequential(new int[] {4}, dense("dense_1", 8, "relu"), dense("dense_2", 3, "softmax")))
                .trainingConfig(KerasModels.trainingConfig("categorical_crossentropy", "Adam", 0.002))
                .weights("dense_1", weight("kernel", random, 4, 8), weight("bias", random, 8))
                .weights("dense_2", weight("kernel", random, 8, 3), weight("bias", random, 3))
                .write(h5);

        assertThat(window.exchange().trainedNetworkProperty().get()).as("no weights yet").isNull();
        dialogs.filesToOpen.add(Optional.of(h5));
        MenuClicks.choose(robot, "File", "Import Keras Model (.h5)…");

        assertThat(doc().file()).isNull();
        assertThat(doc().graph().contains("dense_1")).isTrue();
        assertThat(doc().report().totalParams()).isEqualTo(4 * 8 + 8 + 8 * 3 + 3);
        assertThat(dialogs.informations).contains("Imported flowers.h5");
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText()).startsWith("Imported flowers.h5");

        Path zip = fixture.file("flowers.model.zip");
        dialogs.saveLocations.add(Optional.of(zip));
        MenuClicks.choose(robot, "File", "Export Trained Model…");
        assertThat(ModelFiles.load(zip).network().numParams()).isEqualTo(4 * 8 + 8 + 8 * 3 + 3);
    }

    @Test
    void aKerasModelWithAnUnsupportedLayerIsRefusedNamingIt(FxRobot robot) throws Exception {
        Path h5 = fixture.file("volumes.h5");
        new KerasH5Writer().modelConfig(KerasModels.sequential(new int[] {8}, dense("dense_1", 4, "relu"),
                other("Conv3D", "conv3d_1"), dense("dense_2", 2, "softmax"))).write(h5);
        String before = doc().project().name();

        dialogs.filesToOpen.add(Optional.of(h5));
        MenuClicks.choose(robot, "File", "Import Keras Model (.h5)…");

        assertThat(dialogs.lastError()).startsWith("Cannot import volumes.h5")
                .contains("layer 'conv3d_1' (Conv3D) is not supported");
        assertThat(doc().project().name()).isEqualTo(before);
    }
}
