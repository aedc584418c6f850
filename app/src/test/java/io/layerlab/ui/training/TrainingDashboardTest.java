package io.layerlab.ui.training;

import atlantafx.base.theme.PrimerLight;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import io.layerlab.train.RunEvaluation;
import io.layerlab.train.StopReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard as a person uses it, headless: runs of the sample projects (few epochs, tiny nets),
 * pause, resume, stop, divergence, two runs compared, exports. Waits for conditions with a timeout,
 * never for a fixed time.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingDashboardTest {
    private static final int TIMEOUT_SECONDS = 120;

    private final ExecutorService worker = Executors.newFixedThreadPool(2);
    private TrainingDashboard dashboard;
    private TrainingViewModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        dashboard = new TrainingDashboard(worker);
        model = dashboard.viewModel();
        // Within Monocle's default 1280×800 headless screen.
        stage.setScene(new Scene(dashboard, 1260, 780));
        stage.show();
    }

    @AfterEach
    void shutDown() {
        WaitForAsyncUtils.asyncFx(dashboard::dispose);
        WaitForAsyncUtils.waitForFxEvents();
        worker.shutdownNow();
    }

    private static Project sample(String name, int epochs) {
        SampleProjects samples = new SampleProjects();
        Project project = samples.open(samples.find(name).orElseThrow());
        project.setTraining(project.training().withEpochs(epochs));
        return project;
    }

    private void show(Project project) {
        WaitForAsyncUtils.asyncFx(() -> dashboard.setProject(project));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Callable<Boolean> conditionOnFxThread) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(conditionOnFxThread).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private void waitForIdle() throws Exception {
        waitUntil(() -> model.phase() == RunPhase.IDLE);
    }

    /** Presses Train and waits until the run it started has ended; returns that run. */
    private RunRow train(FxRobot robot) throws Exception {
        int before = onFx(() -> model.runLog().size());
        pressTrain(robot);
        waitUntil(() -> model.runLog().size() > before);
        waitForIdle();
        return onFx(() -> model.runs().get(model.runs().size() - 1));
    }

    /** Presses Train and waits until the run has begun (its row is listed). */
    private void pressTrain(FxRobot robot) throws Exception {
        int before = onFx(() -> model.runs().size());
        robot.clickOn("#startButton");
        waitUntil(() -> model.runs().size() > before || model.bannerProperty().get() != null);
    }

    private void setLearningRate(FxRobot robot, String rate) {
        robot.doubleClickOn("#learningRateField").eraseText(12).write(rate);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aRunDrawsItsCurvesLiveAndIsKeptWithItsResultsWhenItEnds(FxRobot robot) throws Exception {
        show(sample("spiral", 3));

        RunRow run = train(robot);

        assertThat(onFx(() -> run.statusProperty().get())).isEqualTo("Completed");
        assertThat(run.curves().iterations()).isEqualTo(3 * 15);
        assertThat(onFx(() -> dashboard.iterationChart().drawnPoints("smooth-1"))).isEqualTo(45);
        assertThat(onFx(() -> dashboard.epochChart().drawnPoints("val-1"))).isEqualTo(3);
        assertThat(onFx(() -> robot.lookup("#runsTable").queryAs(TableView.class).getItems().size())).isEqualTo(1);
        assertThat(onFx(() -> epochsCell(robot))).as("all its epochs: the number alone").isEqualTo("3");
        assertThat(onFx(() -> nameCell(robot))).as("the run's colour dot says its status").isEqualTo("Run 1 · Completed mdi2c-check-circle");
        // Inside the network: the spiral's layers were measured while it trained.
        assertThat(onFx(() -> model.layerRows().stream().map(LayerRow::nodeId).toList()))
                .containsExactly("hidden1", "hidden2", "out");
        assertThat(onFx(() -> model.layerStatisticsProperty().keySet())).contains("hidden1", "hidden2");
        // Two features: the boundary was drawn over the points; a classifier gets its confusion matrix.
        waitUntil(() -> dashboard.boundaryView().frame() != null);
        assertThat(run.evaluation()).isInstanceOf(RunEvaluation.ConfusionMatrix.class);
        // The results panel takes its turn a frame or two after the run ends.
        waitUntil(() -> robot.lookup("#confusion-matrix").tryQuery().isPresent());
        assertThat(onFx(() -> model.progressTextProperty().get())).startsWith("Run 1 finished after 3 epochs");
        assertThat(onFx(() -> model.runLog().runs())).hasSize(1);
    }

    /** The first run's Epochs cell as the table shows it. */
    @SuppressWarnings("unchecked")
    /** The first run's name cell as a person reads it: its tooltip and its icon. */
    private static String nameCell(FxRobot robot) {
        RunNameCell cell = robot.lookup("#runsTable .table-cell").queryAll().stream()
                .filter(n -> n instanceof RunNameCell c && !c.isEmpty() && c.getIndex() == 0).map(RunNameCell.class::cast)
                .findFirst().orElseThrow();
        return cell.getTooltip().getText() + " " + ((org.kordamp.ikonli.javafx.FontIcon) cell.getGraphic()).getIconLiteral();
    }

    private static String epochsCell(FxRobot robot) {
        TableView<RunRow> table = robot.lookup("#runsTable").queryAs(TableView.class);
        TableColumn<RunRow, ?> epochs = table.getColumns().stream().filter(c -> "runEpochsColumn".equals(c.getId())).findFirst().orElseThrow();
        return String.valueOf(epochs.getCellData(0));
    }

    /** Whether {@code node} and its parents are visible and it lies whole inside the side column's viewport. JavaFX thread. */
    private static boolean wholeInSideColumn(FxRobot robot, javafx.scene.Node node) {
        javafx.scene.Node viewport = robot.lookup(".dashboard-side-scroll > .viewport").query();
        javafx.geometry.Bounds shown = viewport.localToScene(viewport.getLayoutBounds());
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        javafx.geometry.Bounds b = node.localToScene(node.getLayoutBounds());
        return b.getMinY() >= shown.getMinY() - 0.5 && b.getMaxY() <= shown.getMaxY() + 0.5
                && b.getMinX() >= shown.getMinX() - 0.5 && b.getMaxX() <= shown.getMaxX() + 0.5;
    }

    @Test
    void inAShortColumnTheResultsFoldToTheirHeaderUnderTheBoundaryAndOpenWithAClick(FxRobot robot) throws Exception {
        // As short as the side column is in the first-start window (1400x900) with the canvas above the
        // dashboard: the runs take more of the dashboard's height (the window's size is left alone, as
        // the next test class shares it).
        robot.interact(() -> robot.lookup("#mainSplit").queryAs(javafx.scene.control.SplitPane.class).setDividerPositions(0.42));
        show(sample("xor", 2));
        train(robot);
        waitUntil(() -> robot.lookup("#confusion-matrix").tryQuery().isPresent());

        javafx.scene.Node matrix = robot.lookup("#confusion-matrix").query();
        javafx.scene.Node header = robot.lookup("#resultsHeader").query();
        javafx.scene.Node boundary = robot.lookup("#boundary-view").query();
        // Laid out a pulse or two after the results came.
        waitUntil(() -> wholeInSideColumn(robot, header));
        assertThat(onFx(() -> ((PanelPair) robot.lookup("#side-panels").query()).foldingProperty().get())).as("short of height for both").isTrue();
        assertThat(onFx(() -> wholeInSideColumn(robot, boundary))).as("the boundary open").isTrue();
        assertThat(onFx(() -> matrix.isVisible() && matrix.getParent().isVisible())).as("the matrix folded").isFalse();

        robot.clickOn("#resultsTitle");
        waitUntil(() -> wholeInSideColumn(robot, matrix));
        assertThat(onFx(() -> wholeInSideColumn(robot, boundary))).as("the boundary folded").isFalse();

        // The next run shows its boundary forming again.
        pressTrain(robot);
        waitUntil(() -> wholeInSideColumn(robot, boundary));
        waitForIdle();
    }

    @Test
    void pauseHaltsIterationsResumeContinuesAndStopKeepsTheRun(FxRobot robot) throws Exception {
        show(sample("spiral", 400));

        pressTrain(robot);
        waitUntil(() -> model.iterationProperty().get() > 20);
        robot.clickOn("#pauseButton");
        waitUntil(() -> model.phase() == RunPhase.PAUSED);
        // The settings are locked while a run is under way, paused or not (they take effect at the next run).
        waitUntil(() -> robot.lookup("#settingsPane").query().isDisabled());

        RunRow run = onFx(() -> model.runs().get(0));
        int atPause = onFx(() -> run.curves().iterations());
        for (int look = 0; look < 5; look++) {
            WaitForAsyncUtils.asyncFx(model::pump);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(onFx(() -> run.curves().iterations())).isEqualTo(atPause);
        }
        assertThat(onFx(() -> run.statusProperty().get())).isEqualTo("Paused");
        assertThat(onFx(() -> nameCell(robot))).isEqualTo("Run 1 · Paused mdi2p-pause-circle");
        assertThat(onFx(() -> robot.lookup("#pauseButton").queryAs(Button.class).getText())).isEqualTo("Resume");

        robot.clickOn("#pauseButton");
        waitUntil(() -> run.curves().iterations() > atPause + 10);
        assertThat(onFx(model::phase)).isEqualTo(RunPhase.RUNNING);

        robot.clickOn("#stopButton");
        waitForIdle();
        assertThat(onFx(() -> run.statusProperty().get())).isEqualTo("Stopped");
        assertThat(onFx(() -> nameCell(robot))).isEqualTo("Run 1 · Stopped mdi2s-stop-circle");
        assertThat(run.record().stopReason()).isEqualTo(StopReason.STOPPED);
        assertThat(run.record().result().epochs()).isLessThan(400);
        assertThat(onFx(() -> model.runs())).containsExactly(run);
        assertThat(onFx(() -> model.runLog().runs())).hasSize(1);
        assertThat(onFx(() -> epochsCell(robot))).as("short of its plan").isEqualTo(run.record().result().epochs() + " / 400");
        waitUntil(() -> !robot.lookup("#settingsPane").query().isDisabled());
        // The boundary's worker painted the frames after the first (which showed the view's size and
        // colours) itself: the JavaFX thread only copied their pixels.
        BoundaryView boundary = robot.lookup("#boundary-view").queryAs(BoundaryView.class);
        waitUntil(() -> boundary.heatUpdates() >= 2);
        assertThat(onFx(boundary::paintedAheadUpdates)).isPositive();
    }

    @Test
    void aLearningRateOf50DivergesMarksThePointAndExplainsItWhileTheUiStaysResponsive(FxRobot robot) throws Exception {
        // A regression: its squared error has no ceiling, so a huge rate makes it explode. (A classifier's
        // saturated softmax keeps its loss bounded: at rate 50 it thrashes at chance without diverging.)
        show(sample("regression-sine", 20));
        setLearningRate(robot, "50");

        pressTrain(robot);
        long slowest = 0;
        while (onFx(model::phase) != RunPhase.IDLE) {
            long asked = System.nanoTime();
            WaitForAsyncUtils.asyncFx(() -> true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            slowest = Math.max(slowest, System.nanoTime() - asked);
        }

        HBox banner = robot.lookup("#banner").queryAs(HBox.class);
        assertThat(banner.isVisible()).as("banner shown; run ended as %s: %s", onFx(() -> model.runs().get(0).statusProperty().get()),
                onFx(() -> model.progressTextProperty().get())).isTrue();
        assertThat(robot.lookup("#bannerTitle").queryAs(Label.class).getText()).isEqualTo("Run 1 diverged");
        assertThat(robot.lookup("#bannerText").queryAs(Label.class).getText())
                .contains("learning rate 50 is probably too high for Adam");
        RunRow run = onFx(() -> model.runs().get(0));
        assertThat(onFx(() -> run.statusProperty().get())).isEqualTo("Diverged");
        assertThat(onFx(() -> nameCell(robot))).isEqualTo("Run 1 · Diverged mdi2a-alert-circle");
        int divergedAt = run.curves().divergedAt();
        assertThat(divergedAt).isPositive().isEqualTo(run.curves().iterations());
        assertThat(onFx(() -> dashboard.iterationChart().currentMarks()))
                .anySatisfy(mark -> assertThat(mark).isEqualTo(new ChartView.VerticalLine(divergedAt, "Run 1 diverged", "diverged",
                        dashboard.palette().danger(), true, false)));
        // The JavaFX thread kept answering while the network was built and trained.
        assertThat(slowest).isLessThan(TimeUnit.SECONDS.toNanos(2));

        robot.clickOn("#bannerClose");
        assertThat(banner.isVisible()).isFalse();
    }

    @Test
    void runsThatEndWhileTheLayersTabShowsAreListedWhenTheRunsTabIsChosen(FxRobot robot) throws Exception {
        show(sample("xor", 2));
        robot.clickOn("Layers");
        train(robot);
        setLearningRate(robot, "0.1");
        train(robot);

        robot.clickOn("Runs");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> runsTable = robot.lookup("#runsTable").queryAs(TableView.class);
        assertThat(onFx(() -> runsTable.getItems().size())).isEqualTo(2);
        assertThat(onFx(() -> List.copyOf(runsTable.getSelectionModel().getSelectedIndices()))).containsExactlyInAnyOrder(0, 1);
        ListView<?> changes = robot.lookup("#changesList").queryAs(ListView.class);
        assertThat(onFx(() -> changes.getItems().stream().map(String::valueOf).toList())).containsExactly("learning rate 0.03 → 0.1");
    }

    @Test
    void twoRunsAreOverlaidAndWhatChangedNamesTheDifference(FxRobot robot) throws Exception {
        show(sample("xor", 2));
        train(robot);
        // The view's lists follow the model's through listeners, which must outlive a collection.
        System.gc();
        setLearningRate(robot, "0.1");
        train(robot);

        assertThat(onFx(() -> model.shownRuns().stream().map(RunRow::name).toList())).containsExactly("Run 1", "Run 2");
        // The new run joined the selection in the runs list too, beside the first.
        TableView<?> runsTable = robot.lookup("#runsTable").queryAs(TableView.class);
        assertThat(onFx(() -> runsTable.getItems().size())).isEqualTo(2);
        assertThat(onFx(() -> List.copyOf(runsTable.getSelectionModel().getSelectedIndices()))).containsExactlyInAnyOrder(0, 1);
        assertThat(onFx(() -> dashboard.iterationChart().series().stream().map(ChartView.Series::key).toList()))
                .contains("smooth-1", "smooth-2");
        assertThat(onFx(() -> dashboard.iterationChart().drawnPoints("smooth-1"))).isPositive();
        assertThat(onFx(() -> dashboard.iterationChart().drawnPoints("smooth-2"))).isPositive();
        ListView<?> changes = robot.lookup("#changesList").queryAs(ListView.class);
        assertThat(onFx(() -> changes.getItems().stream().map(String::valueOf).toList())).containsExactly("learning rate 0.03 → 0.1");
        assertThat(robot.lookup("#changesNote").queryAs(Label.class).getText()).isEqualTo("From Run 1 to Run 2:");

        // Choosing one run in the list shows only its curves.
        robot.clickOn("Run 1");
        waitUntil(() -> model.shownRuns().size() == 1);
        assertThat(onFx(() -> dashboard.iterationChart().series().stream().map(ChartView.Series::key).toList()))
                .doesNotContain("smooth-2");
        assertThat(onFx(() -> model.changesNoteProperty().get())).isEqualTo("Ctrl+click runs to compare them.");
        // ... as the list's one row, in place of the changes (the note beside the title is empty then).
        waitUntil(() -> changes.getItems().stream().map(String::valueOf).toList().equals(List.of("Ctrl+click runs to compare them.")));
        assertThat(robot.lookup("#changesNote").queryAs(Label.class).getText()).isEmpty();

        // A selection made elsewhere (here: the model's) shows in the list, the run left out deselected.
        WaitForAsyncUtils.asyncFx(() -> model.selection().setAll(model.runs().get(1))).get();
        assertThat(onFx(() -> List.copyOf(runsTable.getSelectionModel().getSelectedIndices()))).containsExactly(1);
    }

    /** Opens {@code project} with {@code count} kept runs of a learning-rate sweep (0.001 to 0.01), as read with a project: nothing trains. */
    private void openWithKeptRuns(Project project, int count) throws Exception {
        io.layerlab.train.RunLog log = new io.layerlab.train.RunLog();
        List<io.layerlab.train.SavedRun> saved = new java.util.ArrayList<>();
        for (int run = 0; run < count; run++) {
            io.layerlab.train.RunSetup setup = log.begin(project, project.training().withLearningRate(0.001 * Math.pow(10, run / 9.0)), project.data());
            io.layerlab.train.RunHistory history = io.layerlab.train.RunHistories.of(new float[]{0.7f, 0.5f, 0.4f},
                    new double[]{0.6}, new double[]{0.5}, new double[]{0.8});
            saved.add(new io.layerlab.train.SavedRun(new io.layerlab.train.RunRecord(setup, new io.layerlab.train.TrainingResult(1, 3, 0.6, 0.5,
                    0.8, 1, 0.5, 9, 1, 100, io.layerlab.train.StopReason.COMPLETED, "", history), null), null, null));
        }
        WaitForAsyncUtils.asyncFx(() -> {
            model.restoreRuns(project, saved);
            dashboard.setProject(project);
        }).get();
    }

    /** Whether {@code table} shows the row of the run named {@code name} whole (not cut by its edge). JavaFX thread. */
    private static boolean rowWholeInView(TableView<?> table, String name) {
        javafx.scene.Node clip = table.lookup(".clipped-container");
        javafx.geometry.Bounds shown = clip.localToScene(clip.getLayoutBounds());
        return table.lookupAll(".table-row-cell").stream()
                .map(n -> (javafx.scene.control.TableRow<?>) n)
                .filter(row -> row.isVisible() && row.getItem() instanceof RunRow run && run.name().equals(name))
                .map(row -> row.localToScene(row.getLayoutBounds()))
                .anyMatch(b -> b.getMinY() >= shown.getMinY() - 0.5 && b.getMaxY() <= shown.getMaxY() + 0.5);
    }

    @Test
    void aNewRunsRowComesIntoViewWhileAProjectOpensAtItsFirstRuns(FxRobot robot) throws Exception {
        openWithKeptRuns(sample("xor", 1), 10);
        robot.clickOn("Runs");
        TableView<?> runsTable = robot.lookup("#runsTable").queryAs(TableView.class);
        waitUntil(() -> runsTable.getItems().size() == 10);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> rowWholeInView(runsTable, "Run 1"))).as("a project opens at its first run").isTrue();
        assertThat(onFx(() -> rowWholeInView(runsTable, "Run 10"))).as("the table is too short for ten rows").isFalse();

        train(robot);
        waitUntil(() -> rowWholeInView(runsTable, "Run 11"));
        assertThat(onFx(() -> rowWholeInView(runsTable, "Run 1"))).as("scrolled no further than the new row").isFalse();
    }

    @Test
    void severalRunsSelectedShowWhatDiffersAmongThemWithEveryRunsValueOnWrappedLines(FxRobot robot) throws Exception {
        Project project = sample("xor", 3);
        openWithKeptRuns(project, 10);
        TableView<?> runsTable = robot.lookup("#runsTable").queryAs(TableView.class);
        // The table lists the runs at a coming pulse (one change a pulse): then a person selects them all.
        waitUntil(() -> runsTable.getItems().size() == 10);
        WaitForAsyncUtils.asyncFx(() -> runsTable.getSelectionModel().selectAll()).get();

        ListView<?> changes = robot.lookup("#changesList").queryAs(ListView.class);
        String rates = "learning rate 0.001, 0.001292, 0.001668, 0.002154, 0.002783, 0.003594, 0.004642, 0.005995, 0.007743, 0.01";
        // One row: the note ("Ctrl+click runs ...") until the selection reaches the list, then the rates.
        waitUntil(() -> changes.getItems().size() == 1 && String.valueOf(changes.getItems().get(0)).equals(rates));
        assertThat(robot.lookup("#changesNote").queryAs(Label.class).getText())
                .isEqualTo("Run 1 to Run 10, in order:");
        // The line wraps to the list's width, whole, instead of ending in an ellipsis.
        ListCell<?> cell = (ListCell<?>) robot.lookup("#changesList .list-cell").match(n -> !((ListCell<?>) n).isEmpty()).query();
        assertThat(onFx(() -> ((javafx.scene.text.Text) cell.getGraphic()).getText())).isEqualTo(rates);
        assertThat(onFx(() -> cell.getGraphic().getBoundsInParent().getMaxY())).as("the text fits in its cell").isLessThanOrEqualTo(onFx(() -> cell.getHeight()));
        assertThat(onFx(() -> cell.getHeight() / cell.getFont().getSize())).as("cell height in font sizes: wrapped").isGreaterThan(2.4);
        assertThat(onFx(() -> cell.getWidth())).isLessThanOrEqualTo(onFx(() -> changes.getWidth()));

        WaitForAsyncUtils.asyncFx(() -> {
            runsTable.getSelectionModel().clearSelection();
            runsTable.getSelectionModel().selectIndices(0, 1, 2);
        }).get();
        waitUntil(() -> model.changesNoteProperty().get().equals("Run 1, Run 2 and Run 3, in order:"));
        assertThat(onFx(() -> model.changes().stream().toList())).containsExactly("learning rate 0.001, 0.001292, 0.001668");
    }

    @Test
    void aRunStartedTheMomentThePreviousOneEndsTrainsToo() throws Exception {
        show(sample("xor", 1));
        WaitForAsyncUtils.asyncFx(() -> {
            model.phaseProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends RunPhase> obs, RunPhase was, RunPhase is) {
                    if (is == RunPhase.IDLE) {
                        obs.removeListener(this);
                        model.settings().learningRateProperty().set("0.01");
                        model.start();
                    }
                }
            });
            model.start();
        });

        waitUntil(() -> model.runLog().size() == 2);
        waitForIdle();
        assertThat(onFx(() -> model.runs().stream().map(r -> r.statusProperty().get()).toList()))
                .containsExactly("Completed", "Completed");
        assertThat(onFx(() -> List.copyOf(model.changes()))).containsExactly("learning rate 0.03 → 0.01");
    }

    @Test
    void aGraphThatCannotBeCompiledIsReportedAndNoRunIsKept(FxRobot robot) throws Exception {
        Project broken = sample("xor", 2);
        Graph graph = Graph.of(List.of(
                new Node("in", "Input", 0, 0, Map.of("shape", List.of(2))),
                new Node("out", "Output", 200, 0, Map.of("units", 2, "activation", "softmax", "loss", "mcxent")),
                new Node("lonely", "Dense", 100, 100, Map.of("units", 4))),
                List.of(new Edge("in", "lonely")));
        Project project = new Project("Broken", "", graph, broken.data(), broken.training());
        show(project);

        pressTrain(robot);
        waitForIdle();

        assertThat(robot.lookup("#bannerTitle").queryAs(Label.class).getText()).isEqualTo("The network cannot be trained yet");
        assertThat(onFx(() -> List.copyOf(model.problems()))).isNotEmpty().anySatisfy(d -> assertThat(d.isError()).isTrue());
        assertThat(onFx(() -> model.runs())).isEmpty();
        assertThat(onFx(() -> model.runLog().runs())).isEmpty();
        assertThat(onFx(() -> robot.lookup("#startButton").queryAs(Button.class).isDisabled())).isFalse();
    }

    @Test
    void invalidSettingsAreNamedAndKeepTrainFromStarting(FxRobot robot) throws Exception {
        show(sample("xor", 2));
        setLearningRate(robot, "fast");

        assertThat(robot.lookup("#startButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#settingsProblem").queryAs(Label.class).getText())
                .isEqualTo("Learning rate must be a positive number such as 0.01.");

        setLearningRate(robot, "1e-3");
        assertThat(robot.lookup("#startButton").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(onFx(() -> model.settings().trainingSpec().learningRate())).isEqualTo(0.001);
    }

    @Test
    void theHistoryAndTheChartAreExported(FxRobot robot, @TempDir Path folder) throws Exception {
        show(sample("xor", 2));
        train(robot);
        Path csv = folder.resolve("history.csv");
        Path png = folder.resolve("loss.png");
        WaitForAsyncUtils.asyncFx(() -> dashboard.setSaveTarget((title, name, extension) ->
                Optional.of(extension.equals("csv") ? csv : png)));

        robot.clickOn("#exportMenu").clickOn("History of the shown runs as CSV…");
        robot.clickOn("#exportMenu").clickOn("Loss chart as PNG…");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Files.readAllLines(csv)).hasSize(3)
                .first().isEqualTo("run,epoch,trainLoss,valLoss,valAccuracy,learningRate,seconds");
        assertThat(Files.readAllLines(csv).get(1)).startsWith("Run 1,1,");
        byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertThat(header).containsExactly(0x89, 'P', 'N', 'G');
        // The picture shows the run's curves (in its colour), not only the axes.
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(png.toFile());
        int coloured = 0;
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                int rgb = picture.getRGB(x, y);
                float[] hsb = java.awt.Color.RGBtoHSB(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff, null);
                coloured += hsb[1] > 0.4f ? 1 : 0;
            }
        }
        assertThat(coloured).as("pixels in a run's colour").isGreaterThan(200);
    }

    @Test
    void theLossAxisTurnsLogarithmicAndTheChartZoomsAndFitsAgain(FxRobot robot) throws Exception {
        show(sample("xor", 3));
        train(robot);
        ChartView chart = dashboard.iterationChart();
        double fullWidth = onFx(() -> chart.shownMaxX() - chart.shownMinX());

        robot.clickOn("#logToggle");
        assertThat(onFx(() -> chart.logScaleProperty().get())).isTrue();
        assertThat(onFx(chart::shownMinY)).isPositive();

        robot.moveTo(chart);
        assertThat(onFx(chart::shownReadout)).startsWith("Run 1 · iteration ").contains("\nloss ");

        robot.scroll(5, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(chart::isZoomed)).isTrue();
        double zoomedWidth = onFx(() -> chart.shownMaxX() - chart.shownMinX());
        assertThat(zoomedWidth).isNotEqualTo(fullWidth);

        robot.doubleClickOn(chart);
        assertThat(onFx(chart::isZoomed)).isFalse();
        assertThat(onFx(() -> chart.shownMaxX() - chart.shownMinX())).isEqualTo(fullWidth);
    }
}
