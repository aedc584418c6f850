package io.layerlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.train.sweep.SweepRun;
import io.layerlab.ui.TestDocuments;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.training.RunRow;
import io.layerlab.ui.training.TrainingViewModel;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Run ▸ Experiments on the XOR project: a small sweep fills the table and the heatmap; a run's settings go back to the project. */
@ExtendWith(ApplicationExtension.class)
class ExperimentsTest {
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

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void replaceText(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.clickOn(field).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text);
    }

    @Test
    void aSweepOfTwoRatesFillsTheTableAndARunsSettingsGoBackToTheProject(FxRobot robot) throws Exception {
        robot.interact(() -> window.files().show(TestDocuments.document(TestDocuments.xorProject())));
        robot.clickOn("#experimentsButton");

        replaceText(robot, "#learningRatesField", "zero");
        robot.clickOn("#runSweepButton");
        assertThat(robot.lookup(".experiments-problem").queryAs(Label.class).getText()).contains("\"zero\" is not a number");

        replaceText(robot, "#learningRatesField", "0.01, 0.3");
        replaceText(robot, "#batchSizesField", "16");
        replaceText(robot, "#sweepEpochsSpinner .text-field", "2");
        robot.type(KeyCode.TAB);
        assertThat(robot.lookup("#sweepEpochsSpinner").queryAs(javafx.scene.control.Spinner.class).getValue()).isEqualTo(2);
        robot.clickOn("#runSweepButton");
        TableView<SweepRun> table = robot.lookup("#sweepResults").queryAs(TableView.class);
        waitUntil(() -> robot.lookup("#sweepProgress").queryAs(Label.class).getText().startsWith("Finished"));

        assertThat(table.getItems()).extracting(run -> run.key().index()).as("in the sweep's own order").isSorted();
        assertThat(table.getItems()).hasSize(2).allSatisfy(run -> {
            assertThat(run.epochs()).isEqualTo(2);
            assertThat(run.key().batchSize()).isEqualTo(16);
        });
        assertThat(table.getItems()).extracting(r -> r.key().learningRate()).containsExactlyInAnyOrder(0.01, 0.3);
        assertThat(epochsToTargetColumn(table).isVisible()).as("no target loss, no column for it").isFalse();

        robot.interact(() -> table.getSelectionModel().select(
                table.getItems().stream().filter(r -> r.key().learningRate() == 0.3).findFirst().orElseThrow()));
        robot.clickOn("#useRunSettingsButton");
        assertThat(doc().project().training().learningRate()).isEqualTo(0.3);
        assertThat(doc().project().training().batchSize()).isEqualTo(16);
        assertThat(doc().undoLabelProperty().get()).isEqualTo("Use learning rate 0.3, batch 16");
    }

    @Test
    void aTargetLossAddsAColumnWithTheEpochEachRunFirstReachedIt(FxRobot robot) throws Exception {
        openXorExperimentsForTwoRatesOfTwoEpochs(robot);

        replaceText(robot, "#targetLossField", "-1");
        robot.clickOn("#runSweepButton");
        assertThat(robot.lookup(".experiments-problem").queryAs(Label.class).getText())
                .isEqualTo("the target loss must be a number above 0 (e.g. 0.1), or empty for none; was -1");

        // Every loss of the first epoch is under 10, so each run reaches it at epoch 1.
        replaceText(robot, "#targetLossField", "10");
        robot.clickOn("#runSweepButton");
        TableView<SweepRun> table = robot.lookup("#sweepResults").queryAs(TableView.class);
        waitUntil(() -> robot.lookup("#sweepProgress").queryAs(Label.class).getText().startsWith("Finished"));

        TableColumn<SweepRun, ?> column = epochsToTargetColumn(table);
        assertThat(column.isVisible()).isTrue();
        assertThat(column.getText()).isEqualTo("Epochs to 10");
        assertThat(table.getItems()).extracting(run -> run.key().index()).as("in the sweep's own order").isSorted();
        assertThat(table.getItems()).hasSize(2).allSatisfy(run -> {
            assertThat(run.epochsToTarget()).isEqualTo(1);
            assertThat(column.getCellData(run)).isEqualTo("1");
        });
        // Each observation shows whole, however many lines it wraps to, and no taller: no blank line under it.
        List<Label> paragraphs = List.copyOf(robot.lookup(".experiments-observation").queryAllAs(Label.class));
        assertThat(paragraphs).anySatisfy(p -> assertThat(p.getText()).contains("reached the target"));
        assertThat(paragraphs).allSatisfy(p -> {
            javafx.scene.text.Text shown = (javafx.scene.text.Text) p.lookup(".text");
            assertThat(shown.getText()).as("not cut short").isEqualTo(p.getText());
            assertThat(p.getHeight()).as(p.getText()).isGreaterThanOrEqualTo(shown.getLayoutBounds().getHeight())
                    .isLessThan(shown.getLayoutBounds().getHeight() + 8);
        });

        // The next sweep without a target drops the column.
        robot.clickOn("#targetLossField").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).type(KeyCode.BACK_SPACE);
        robot.clickOn("#runSweepButton");
        waitUntil(() -> robot.lookup("#sweepProgress").queryAs(Label.class).getText().startsWith("Finished"));
        assertThat(column.isVisible()).isFalse();
    }

    /** XOR open, its Experiments window showing, the form set for learning rates 0.01 and 0.3 at batch 16, two epochs each. */
    private void openXorExperimentsForTwoRatesOfTwoEpochs(FxRobot robot) {
        robot.interact(() -> window.files().show(TestDocuments.document(TestDocuments.xorProject())));
        robot.clickOn("#experimentsButton");
        replaceText(robot, "#learningRatesField", "0.01, 0.3");
        replaceText(robot, "#batchSizesField", "16");
        replaceText(robot, "#sweepEpochsSpinner .text-field", "2");
        robot.type(KeyCode.TAB);
    }

    private static TableColumn<SweepRun, ?> epochsToTargetColumn(TableView<SweepRun> table) {
        return table.getColumns().stream().filter(c -> "epochsToTargetColumn".equals(c.getId())).findFirst().orElseThrow();
    }

    @Test
    void theRangeTestSuggestsARateThatUseThisRateWritesIntoTheProject(FxRobot robot) throws Exception {
        robot.interact(() -> window.files().show(TestDocuments.document(TestDocuments.xorProject())));
        robot.clickOn("#experimentsButton");
        robot.clickOn("Learning-rate range test");

        robot.clickOn("#runRangeTestButton");
        waitUntil(() -> !robot.lookup("#suggestedRate").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#stopRangeTestButton").queryButton().isDisabled()).as("nothing left to stop").isTrue();

        String suggestion = robot.lookup("#suggestedRate").queryAs(Label.class).getText();
        assertThat(suggestion).startsWith("Suggested learning rate: ");
        double rate = Double.parseDouble(suggestion.substring("Suggested learning rate: ".length()));
        robot.clickOn("#useRateButton");
        assertThat(doc().project().training().learningRate()).isCloseTo(rate, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(doc().undoLabelProperty().get()).startsWith("Use learning rate ");
    }

    @Test
    void aGraphThatDoesNotCompileIsRefusedWithItsProblem(FxRobot robot) throws Exception {
        robot.interact(() -> window.files().show(TestDocuments.document(TestDocuments.cnnWithoutFlatten())));
        robot.clickOn("#experimentsButton");
        replaceText(robot, "#learningRatesField", "0.01");

        robot.clickOn("#runSweepButton");
        waitUntil(() -> !robot.lookup(".experiments-problem").queryAs(Label.class).getText().isEmpty());

        assertThat(robot.lookup(".experiments-problem").queryAs(Label.class).getText())
                .startsWith("The sweep cannot run: ").contains("dense1");
        assertThat(robot.lookup("#runSweepButton").queryButton().isDisabled()).isFalse();
    }

    @Test
    void sweepRunsOpenInTheDashboardAsRunsThatOverlayAndCompare(FxRobot robot) throws Exception {
        openXorExperimentsForTwoRatesOfTwoEpochs(robot);
        robot.clickOn("#runSweepButton");
        TableView<SweepRun> table = robot.lookup("#sweepResults").queryAs(TableView.class);
        waitUntil(() -> robot.lookup("#sweepProgress").queryAs(Label.class).getText().startsWith("Finished"));
        SweepRun slow = table.getItems().stream().filter(r -> r.key().learningRate() == 0.01).findFirst().orElseThrow();
        SweepRun fast = table.getItems().stream().filter(r -> r.key().learningRate() == 0.3).findFirst().orElseThrow();

        robot.interact(() -> table.getSelectionModel().select(slow));
        robot.clickOn("#openInDashboardButton");
        // The dashboard's window came forward; back to the Experiments window for the next run.
        robot.interact(() -> ((Stage) table.getScene().getWindow()).toFront());
        javafx.scene.Node fastRow = robot.lookup("#sweepResults .table-row-cell").queryAll().stream()
                .filter(n -> ((javafx.scene.control.TableRow<?>) n).getItem() == fast).findFirst().orElseThrow();
        robot.rightClickOn(fastRow);
        robot.clickOn("Open in Dashboard");

        TrainingViewModel dashboard = window.training().dashboard().viewModel();
        assertThat(robot.lookup("#bottomTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getText()).isEqualTo("Training");
        assertThat(dashboard.runs()).extracting(RunRow::name)
                .containsExactly("Run 1 (sweep lr 0.01 · batch 16)", "Run 2 (sweep lr 0.3 · batch 16)");
        RunRow opened = dashboard.runs().get(1);
        assertThat(dashboard.selection()).as("the opened run is shown").containsExactly(opened);
        assertThat(opened.statusProperty().get()).isEqualTo("Completed");
        assertThat(opened.epochsDoneProperty().get()).isEqualTo(2);
        assertThat(opened.valLossProperty().get()).isEqualTo(fast.finalLoss());
        assertThat(opened.setup().training().learningRate()).isEqualTo(0.3);
        assertThat(dashboard.noTrainedRunProperty().get()).as("no weights to export").contains("came from a sweep");

        robot.interact(() -> dashboard.selection().setAll(dashboard.runs()));
        assertThat(dashboard.shownRuns()).hasSize(2);
        assertThat(dashboard.changes()).containsExactly("learning rate 0.01 → 0.3");
    }
}
