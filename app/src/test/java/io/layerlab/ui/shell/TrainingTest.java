package io.layerlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.graph.SetParam;
import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import io.layerlab.shape.Diagnostic;
import io.layerlab.train.RunNetworks;
import io.layerlab.train.RunsFile;
import io.layerlab.ui.TestDocuments;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.SetProjectSettings;
import io.layerlab.train.sweep.LearningRates;
import io.layerlab.ui.training.RunPhase;
import io.layerlab.ui.training.RunRow;
import io.layerlab.ui.training.TrainingDashboard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
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

/**
 * Train in the window drives the training dashboard: problems go to the problems list, a valid
 * project trains in the Training tab with the project's settings, and the status bar follows.
 * Waits for conditions with a timeout, never for a fixed time.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingTest {
    private static final int TIMEOUT_SECONDS = 120;
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
    void deleteFiles() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.training().dispose());
        WaitForAsyncUtils.waitForFxEvents();
        fixture.close();
    }

    private DesignDocument doc() { return window.workspace().document(); }

    /** Opens the XOR project set to train this many epochs. Call on the JavaFX thread. */
    private void openXor(int epochs) {
        window.files().show(TestDocuments.document(TestDocuments.xorProject()));
        doc().execute(new SetProjectSettings(doc().project(), doc().project().data(),
                doc().project().training().withEpochs(epochs), "Set epochs"));
    }

    private TrainingDashboard dashboard() { return window.training().dashboard(); }

    private String status(FxRobot robot) { return robot.lookup("#statusMessage").queryAs(Label.class).getText(); }

    /** Opens XOR (two epochs) in a window as large as a 1366 x 768 screen leaves, less a panel. */
    private void openXorOnALaptopsScreen(FxRobot robot) {
        openXorInAWindowOf(robot, 1366, 740);
    }

    /** Opens XOR (two epochs) in a window of this size. */
    private void openXorInAWindowOf(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            Stage stage = (Stage) window.scene().getWindow();
            stage.setWidth(width);
            stage.setHeight(height);
            openXor(2);
        });
    }

    /** Lets the window build the dashboard at an idle moment, and waits until it has; returns its tab. */
    private Tab buildDashboardAhead(FxRobot robot) throws Exception {
        robot.interact(window::buildAheadWhenIdle);
        Tab trainingTab = robot.lookup("#bottomTabs").queryAs(TabPane.class).getTabs().stream()
                .filter(t -> t.getText().equals("Training")).findFirst().orElseThrow();
        waitUntil(() -> trainingTab.getContent() != null && trainingTab.getContent().lookup("#runsTable") instanceof TableView<?> table
                && table.getSkin() != null);
        return trainingTab;
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Nodes on the canvas showing training gauges. */
    private static int gaugedCards(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".node-gauges").queryAll().size();
    }

    private String selectedTab(FxRobot robot) {
        return robot.lookup("#bottomTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getText();
    }

    @Test
    void aGraphTheCompilerRefusesShowsItsProblemsInsteadOfTraining(FxRobot robot) throws Exception {
        robot.interact(() -> window.files().show(TestDocuments.document(TestDocuments.cnnWithoutFlatten())));

        robot.clickOn("#trainButton");
        waitUntil(() -> !dashboard().problems().isEmpty() && dashboard().phaseProperty().get() == RunPhase.IDLE);

        assertThat(selectedTab(robot)).startsWith("Problems");
        ListView<Diagnostic> problems = robot.lookup(".problems-list").queryAs(ListView.class);
        assertThat(problems.getItems()).extracting(Diagnostic::nodeId).contains("dense1");
        assertThat(status(robot)).startsWith("Cannot train");
        assertThat(robot.lookup("#stopButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#trainButton").queryButton().isDisabled()).isFalse();
    }

    @Test
    void aNetworkThatDoesNotFitTheDataIsToldWhatWouldFit(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.files().show(TestDocuments.document(TestDocuments.xorProject()));
            doc().execute(new SetParam("out", "units", 3));
        });

        robot.clickOn("#trainButton");
        waitUntil(() -> !dashboard().problems().isEmpty());

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
    void aValidProjectTrainsInTheDashboardWithTheProjectsSettingsAndRunsOverlay(FxRobot robot) throws Exception {
        robot.interact(() -> openXor(3));

        robot.clickOn("#trainButton");
        assertThat(selectedTab(robot)).isEqualTo("Training");
        assertThat(robot.lookup("#trainButton").queryButton().isDisabled()).as("one run at a time").isTrue();
        waitUntil(() -> dashboard().phaseProperty().get() == RunPhase.IDLE);

        assertThat(dashboard().viewModel().runs()).singleElement().satisfies(run -> {
            assertThat(run.isFinished()).isTrue();
            assertThat(run.epochsDoneProperty().get()).as("the project's epochs").isEqualTo(3);
        });
        assertThat(status(robot)).as("the outcome, in the status bar").startsWith("Run 1 finished after 3 epochs");
        assertThat(robot.lookup("#statusTraining").queryAs(Label.class).getText()).as("progress only while training").isEmpty();
        Label outcome = robot.lookup("#progressLabel").queryAs(Label.class);
        assertThat(((javafx.scene.text.Text) outcome.lookup(".text")).getText()).as("the dashboard's line reads whole")
                .startsWith("Run 1 finished after 3 epochs").isEqualTo(outcome.getText());
        assertThat(robot.lookup("#trainButton").queryButton().isDisabled()).isFalse();
        assertThat(gaugedCards(robot)).as("the layers' statistics as gauges on the canvas").isEqualTo(2);

        robot.interact(() -> doc().execute(new SetParam("out", "loss", "mse")));
        assertThat(gaugedCards(robot)).as("the edited output no longer matches what was measured").isEqualTo(1);
        robot.interact(() -> doc().undo());

        double projectRate = doc().project().training().learningRate();
        assertThat(robot.lookup("#settingsToggle").queryAs(ToggleButton.class).isSelected())
                .as("folded in a window shorter than a full-HD screen's").isFalse();
        robot.clickOn("#settingsToggle");
        robot.doubleClickOn("#learningRateField").eraseText(12).write("0.1");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#startButton");
        waitUntil(() -> dashboard().phaseProperty().get() == RunPhase.IDLE && dashboard().viewModel().runs().size() == 2);
        assertThat(dashboard().viewModel().runs()).allMatch(RunRow::isFinished);
        assertThat(doc().project().training().learningRate()).as("the project keeps what its last run trained with").isEqualTo(0.1);
        assertThat(robot.lookup("#param-learningRate").queryAs(javafx.scene.control.TextField.class).getText())
                .as("and the inspector shows it").isEqualTo("0.1");
        robot.interact(() -> doc().undo());
        assertThat(doc().project().training().learningRate()).as("one undoable edit").isEqualTo(projectRate);
        assertThat(robot.lookup("#learningRateField").queryAs(javafx.scene.control.TextField.class).getText())
                .as("the dashboard follows the undo").isEqualTo(LearningRates.format(projectRate));

        // Docked under the canvas of a window smaller than the default, both runs and a line of
        // what changed between them can be read without moving a divider (at least three quarters
        // of each line's height in view: its text).
        WaitForAsyncUtils.waitForFxEvents();
        Bounds table = sceneBounds(robot.lookup("#runsTable").query());
        for (int index = 0; index < 2; index++) {
            int row = index;
            Node cell = robot.lookup("#runsTable .table-row-cell").match(n -> ((TableRow<?>) n).getIndex() == row).query();
            assertThat(readableBottom(cell)).as("run " + (row + 1) + "'s row inside the table").isLessThanOrEqualTo(table.getMaxY());
        }
        Node change = robot.lookup("#changesList .list-cell").match(n -> !((ListCell<?>) n).isEmpty()).query();
        assertThat(readableBottom(change)).as("the first line of what changed inside its list")
                .isLessThanOrEqualTo(sceneBounds(robot.lookup("#changesList").query()).getMaxY());
    }

    @Test
    void f6PausesAndResumesTheRunAndShiftF5StopsIt(FxRobot robot) throws Exception {
        robot.interact(() -> openXor(5000));
        javafx.scene.control.MenuItem pause = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "pauseItem".equals(i.getId())).findFirst().orElseThrow();
        assertThat(pause.isDisable()).as("nothing to pause").isTrue();

        robot.clickOn("#trainButton");
        waitUntil(() -> dashboard().phaseProperty().get() == RunPhase.RUNNING);
        robot.type(KeyCode.F6);
        waitUntil(() -> dashboard().phaseProperty().get() == RunPhase.PAUSED);
        assertThat(pause.getText()).as("the menu offers to resume").isEqualTo("_Resume");
        int halted = dashboard().viewModel().iterationProperty().get();

        robot.type(KeyCode.F6);
        waitUntil(() -> dashboard().viewModel().iterationProperty().get() > halted);
        assertThat(pause.getText()).isEqualTo("_Pause");

        robot.press(KeyCode.SHIFT).type(KeyCode.F5).release(KeyCode.SHIFT);
        waitUntil(() -> dashboard().phaseProperty().get() == RunPhase.IDLE);
        assertThat(dashboard().viewModel().runs().get(0).statusProperty().get()).isEqualTo("Stopped");
        assertThat(pause.isDisable()).isTrue();
    }

    @Test
    void onALaptopsScreenTheRunsRowAndTheChartsFitTheDockedDashboard(FxRobot robot) throws Exception {
        openXorOnALaptopsScreen(robot);
        robot.clickOn("#trainButton");
        waitUntil(() -> dashboard().phaseProperty().get() == RunPhase.IDLE && dashboard().viewModel().runs().size() == 1);

        Node row = robot.lookup("#runsTable .table-row-cell").match(n -> ((TableRow<?>) n).getIndex() == 0).query();
        // In view: inside the table, and above the end of the window's tabs.
        double shownBottom = runsShownBottom(robot);
        assertThat(readableBottom(row)).as("the run's row in view").isLessThanOrEqualTo(shownBottom);
        for (String chart : new String[]{"#iterationChartHolder", "#epochChartHolder"}) {
            Node holder = robot.lookup(chart).query();
            assertThat(((javafx.scene.layout.Region) holder).getHeight()).as(chart + " at least its least height")
                    .isGreaterThanOrEqualTo(TrainingDashboard.CHART_MIN_HEIGHT);
        }
    }

    @Test
    void leftAloneTheWindowBuildsTheDashboardAheadAndTrainShowsThatOne(FxRobot robot) throws Exception {
        openXorOnALaptopsScreen(robot);
        Tab trainingTab = robot.lookup("#bottomTabs").queryAs(TabPane.class).getTabs().stream()
                .filter(t -> t.getText().equals("Training")).findFirst().orElseThrow();
        assertThat(trainingTab.getContent()).as("the window opens without it").isNull();

        assertThat(buildDashboardAhead(robot)).isSameAs(trainingTab);

        assertThat(selectedTab(robot)).as("built out of sight: the person's tab stays in front").isNotEqualTo("Training");
        Node builtAhead = trainingTab.getContent();
        robot.clickOn("#trainButton");
        assertThat(selectedTab(robot)).isEqualTo("Training");
        assertThat(trainingTab.getContent()).as("not built again").isSameAs(builtAhead);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds canvas = sceneBounds(robot.lookup("#canvasSlot").query());
        assertThat(robot.lookup(".node-view").<Node>queryAll()).as("the graph fitted to the canvas's new height").hasSize(3)
                .allSatisfy((Node card) -> assertThat(canvas.contains(sceneBounds(card))).as(card + " in " + canvas).isTrue());
        waitUntil(() -> dashboard().phaseProperty().get() == RunPhase.IDLE && dashboard().viewModel().runs().size() == 1);
        Node row = robot.lookup("#runsTable .table-row-cell").match(n -> ((TableRow<?>) n).getIndex() == 0).query();
        assertThat(readableBottom(row)).as("the run's row in view, as when built at the click").isLessThanOrEqualTo(runsShownBottom(robot));
    }

    @Test
    void aDashboardBuiltAheadOpensWithTheCanvasAtItsShareWhenTheChartsHaveRoom(FxRobot robot) throws Exception {
        openXorInAWindowOf(robot, 1400, 900);
        buildDashboardAhead(robot);

        robot.clickOn("#trainButton");
        waitUntil(() -> dashboard().phaseProperty().get() == RunPhase.IDLE && dashboard().viewModel().runs().size() == 1);

        assertThat(robot.lookup("#centerSplit").queryAs(SplitPane.class).getDividerPositions()[0])
                .as("where the dashboard puts it: the tab's switch is no loan the canvas is owed back")
                .isCloseTo(MainWindowView.DASHBOARD_DIVIDER, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aNoteShownWhileTypingLendsTheCanvasHeightOnlyWhileItShows(FxRobot robot) throws Exception {
        openXorOnALaptopsScreen(robot);
        robot.clickOn("#trainButton");
        waitUntil(() -> dashboard().phaseProperty().get() == RunPhase.IDLE && dashboard().viewModel().runs().size() == 1);
        Region canvas = robot.lookup("#canvasSlot").queryAs(Region.class);
        double before = canvas.getHeight();

        // Typing 0.03 over the rate passes through "0", which the settings' problem note refuses.
        robot.interact(() -> dashboard().viewModel().settings().learningRateProperty().set("0"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settingsProblem").queryAs(Label.class).isVisible()).as("the note").isTrue();
        assertThat(canvas.getHeight()).as("the canvas lent the note its room").isLessThan(before - 5);
        robot.interact(() -> dashboard().viewModel().settings().learningRateProperty().set("0.03"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(canvas.getHeight()).as("and has it back once the note is gone").isCloseTo(before, org.assertj.core.data.Offset.offset(1.5));
    }

    @Test
    void foldingTheSettingsGivesTheirRowsToTheChartsNotBackToTheCanvas(FxRobot robot) throws Exception {
        openXorInAWindowOf(robot, 1280, 800); // a 1280 x 800 laptop's: with the form shown the canvas lends the dashboard height
        robot.clickOn("#trainButton");
        waitUntil(() -> dashboard().phaseProperty().get() == RunPhase.IDLE && dashboard().viewModel().runs().size() == 1);
        robot.clickOn("#settingsToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settingsPane").queryAs(Region.class).isVisible()).as("the form unfolded").isTrue();
        Region canvas = robot.lookup("#canvasSlot").queryAs(Region.class);
        Region charts = robot.lookup("#chartSplit").queryAs(Region.class);
        double canvasUnfolded = canvas.getHeight();
        double chartsUnfolded = charts.getHeight();

        robot.clickOn("#settingsToggle");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(canvas.getHeight()).as("the canvas keeps its height").isCloseTo(canvasUnfolded, org.assertj.core.data.Offset.offset(1.5));
        assertThat(charts.getHeight()).as("the charts get the form's rows").isGreaterThan(chartsUnfolded + 40);
    }

    @Test
    void aDivergenceBannerTakesRoomFromTheCanvasNotFromTheRunsRows(FxRobot robot) throws Exception {
        trainTheSineThenDivergeIt(robot, 1440, 900, true);

        assertThat(robot.lookup("#banner").queryAs(HBox.class).isVisible()).as("the divergence banner").isTrue();
        assertRunRowsInView(robot);
        assertThat(robot.lookup("#canvasSlot").queryAs(Region.class).getHeight()).as("the canvas gave the banner its room")
                .isLessThan(canvasBeforeBanner).isGreaterThanOrEqualTo(canvasLeastHeight(robot));
        assertThat(dashboardScroll(robot).getVvalue()).as("no scrolling needed").isZero();
    }

    @Test
    void inAWindowTooShortForTheBannerTheDashboardScrollsToItsRuns(FxRobot robot) throws Exception {
        trainTheSineThenDivergeIt(robot, 1366, 740, false); // a 1366 x 768 screen, less a panel

        assertThat(robot.lookup("#canvasSlot").queryAs(Region.class).getHeight()).as("the canvas at its least")
                .isEqualTo(canvasLeastHeight(robot));
        ScrollPane scroll = dashboardScroll(robot);
        assertThat(dashboard().getHeight()).as("the dashboard taller than its viewport").isGreaterThan(scroll.getViewportBounds().getHeight());
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        assertRunRowsInView(robot);
    }

    private double canvasBeforeBanner;

    /**
     * Trains the sine sample for two epochs in a window of this size, then again at a learning rate
     * that diverges, with the settings' form shown or folded.
     */
    private void trainTheSineThenDivergeIt(FxRobot robot, double width, double height, boolean settingsShown) throws Exception {
        robot.interact(() -> {
            Stage stage = (Stage) window.scene().getWindow();
            stage.setWidth(width);
            stage.setHeight(height);
            // A regression's squared error has no ceiling: at rate 50 it diverges within an epoch.
            SampleProjects samples = new SampleProjects();
            Project project = samples.open(samples.find("regression-sine").orElseThrow());
            project.setTraining(project.training().withEpochs(2));
            window.files().show(TestDocuments.document(project));
        });
        robot.clickOn("#trainButton");
        waitUntil(() -> dashboard().phaseProperty().get() == RunPhase.IDLE && dashboard().viewModel().runs().size() == 1);
        robot.interact(() -> dashboard().showSettings(settingsShown));
        WaitForAsyncUtils.waitForFxEvents();
        canvasBeforeBanner = robot.lookup("#canvasSlot").queryAs(Region.class).getHeight();
        robot.interact(() -> dashboard().viewModel().settings().learningRateProperty().set("50"));
        robot.clickOn("#startButton");
        waitUntil(() -> dashboard().phaseProperty().get() == RunPhase.IDLE && dashboard().viewModel().runs().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double canvasLeastHeight(FxRobot robot) {
        return robot.lookup("#canvasSlot").queryAs(Region.class).getMinHeight();
    }

    private static ScrollPane dashboardScroll(FxRobot robot) {
        return robot.lookup("." + DashboardRoom.STYLE_CLASS).queryAs(ScrollPane.class);
    }

    /**
     * Where the runs table stops being seen: its own bottom, or the window's tabs' (a dashboard
     * squeezed below its least height runs past them, under the status bar).
     */
    private static double runsShownBottom(FxRobot robot) {
        return Math.min(sceneBounds(robot.lookup("#runsTable").query()).getMaxY(),
                sceneBounds(robot.lookup("#bottomTabs").match(n -> ((TabPane) n).getTabs().size() == 3).query()).getMaxY());
    }

    /** Both runs' rows lie whole inside the runs table and the window's tabs. */
    private static void assertRunRowsInView(FxRobot robot) {
        double shownBottom = runsShownBottom(robot);
        for (int index = 0; index < 2; index++) {
            int runIndex = index;
            Node row = robot.lookup("#runsTable .table-row-cell").match(n -> ((TableRow<?>) n).getIndex() == runIndex).query();
            assertThat(sceneBounds(row).getMaxY()).as("run %d's row whole in view", runIndex + 1).isLessThanOrEqualTo(shownBottom);
        }
    }

    @Test
    void aRunIsUnsavedWorkSavedBesideTheProjectAndShownAgainWhenItOpens(FxRobot robot) throws Exception {
        robot.interact(() -> openXor(2));
        Path target = fixture.file("trained.layerlab.json");
        fixture.dialogs.saveLocations.add(Optional.of(target));
        robot.interact(() -> window.files().save());
        assertThat(doc().isDirty()).isFalse();

        robot.clickOn("#trainButton");
        waitUntil(() -> dashboard().phaseProperty().get() == RunPhase.IDLE && !dashboard().viewModel().runs().isEmpty());
        assertThat(doc().isDirty()).as("a finished run is unsaved work").isTrue();
        RunRow trained = dashboard().viewModel().runs().get(0);
        double valLoss = trained.valLossProperty().get();
        INDArray input = Nd4j.create(new float[][] {{0, 1}, {1, 1}});
        INDArray output = trained.trained().network().outputSingle(input);

        robot.interact(() -> window.files().save());
        waitUntil(() -> !doc().isDirty());
        assertThat(RunsFile.besideProject(target)).exists();
        assertThat(RunNetworks.zipOf(RunNetworks.folderBeside(target), 1)).isRegularFile();

        robot.clickOn("#newButton");
        assertThat(dashboard().viewModel().runs()).isEmpty();
        fixture.dialogs.filesToOpen.add(Optional.of(target));
        robot.clickOn("#openButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(doc().isDirty()).isFalse();
        assertThat(dashboard().viewModel().runs()).singleElement().satisfies(run -> {
            assertThat(run.name()).isEqualTo("Run 1");
            assertThat(run.isFinished()).isTrue();
            assertThat(run.epochsDoneProperty().get()).isEqualTo(2);
            assertThat(run.valLossProperty().get()).isEqualTo(valLoss);
            assertThat(run.noWeightsReason()).isNull();
            assertThat(run.trained().network().outputSingle(input)).as("the network it kept, weights and all").isEqualTo(output);
        });
        assertThat(window.exchange().trainedNetworkProperty().get()).as("exportable as if trained now").isNotNull();
        RunRow restored = dashboard().viewModel().runs().get(0);
        robot.interact(() -> dashboard().viewModel().selection().setAll(restored));
        waitUntil(() -> dashboard().viewModel().boundaryProperty().get() != null);
        assertThat(dashboard().viewModel().boundaryProperty().get().iteration()).as("the regions its kept network draws")
                .isEqualTo(restored.record().result().iterations());

        Path copy = fixture.file("copy.layerlab.json");
        fixture.dialogs.saveLocations.add(Optional.of(copy));
        robot.interact(() -> window.files().saveAs());
        waitUntil(() -> copy.equals(doc().file()));
        assertThat(RunNetworks.zipOf(RunNetworks.folderBeside(copy), 1)).as("saved as another file, with its networks").isRegularFile();
        assertThat(Files.isSameFile(RunNetworks.zipOf(RunNetworks.folderBeside(copy), 1), RunNetworks.zipOf(RunNetworks.folderBeside(target), 1)))
                .as("linked to the zip it was read from, not written again").isTrue();

        robot.clickOn("#trainButton");
        waitUntil(() -> dashboard().phaseProperty().get() == RunPhase.IDLE && dashboard().viewModel().runs().size() == 2);
        assertThat(dashboard().viewModel().runs().get(1).name()).as("numbered after the saved run").isEqualTo("Run 2");
    }

    @Test
    void deletedRunsLeaveTheListAndAtTheNextSaveTheFilesBesideTheProject(FxRobot robot) throws Exception {
        robot.interact(() -> openXor(1));
        Path target = fixture.file("pruned.layerlab.json");
        fixture.dialogs.saveLocations.add(Optional.of(target));
        robot.clickOn("#trainButton");
        waitUntil(() -> dashboard().phaseProperty().get() == RunPhase.IDLE && dashboard().viewModel().runs().size() == 1);
        robot.clickOn("#trainButton");
        waitUntil(() -> dashboard().phaseProperty().get() == RunPhase.IDLE && dashboard().viewModel().runs().size() == 2);
        robot.interact(() -> window.files().save());
        waitUntil(() -> !doc().isDirty());
        Path networks = RunNetworks.folderBeside(target);
        assertThat(RunNetworks.zipOf(networks, 1)).exists();

        TableView<?> table = robot.lookup("#runsTable").queryAs(TableView.class);
        robot.interact(() -> {
            doc().selection().add("dense1");
            table.getSelectionModel().clearAndSelect(0);
            table.requestFocus();
        });
        fixture.dialogs.confirmations.add(false);
        robot.type(KeyCode.DELETE);
        assertThat(fixture.dialogs.confirmQuestions).last().asString().contains("Delete Run 1?");
        assertThat(dashboard().viewModel().runs()).as("cancelled").hasSize(2);

        fixture.dialogs.confirmations.add(true);
        robot.type(KeyCode.DELETE);
        assertThat(dashboard().viewModel().runs()).extracting(RunRow::name).containsExactly("Run 2");
        assertThat(doc().graph().contains("dense1")).as("Delete in the runs table deletes runs, not the selected node").isTrue();
        assertThat(doc().isDirty()).as("the runs beside the file are out of date").isTrue();

        robot.interact(() -> window.files().save());
        waitUntil(() -> !doc().isDirty());
        assertThat(RunNetworks.zipOf(networks, 1)).doesNotExist();
        assertThat(RunNetworks.zipOf(networks, 2)).exists();
        assertThat(RunsFile.read(RunsFile.besideProject(target))).extracting(r -> r.name()).containsExactly("Run 2");

        int questions = fixture.dialogs.confirmQuestions.size();
        robot.interact(() -> window.canvas().requestFocus());
        robot.type(KeyCode.DELETE);
        assertThat(doc().graph().contains("dense1")).as("Delete on the canvas still deletes the selected node").isFalse();
        assertThat(fixture.dialogs.confirmQuestions).as("and asks nothing about runs").hasSize(questions);
    }

    @Test
    void savedRunsThatCannotBeReadAreSetAsideAndTheProjectOpensWithoutThem(FxRobot robot) throws Exception {
        robot.interact(() -> window.files().show(TestDocuments.document(TestDocuments.xorProject())));
        Path target = fixture.file("damaged.layerlab.json");
        fixture.dialogs.saveLocations.add(Optional.of(target));
        robot.interact(() -> window.files().save());
        Path runs = RunsFile.besideProject(target);
        Files.writeString(runs, "{\"format\": \"layerlab-runs\", \"version\": 1, \"runs\": [");

        robot.clickOn("#newButton");
        fixture.dialogs.filesToOpen.add(Optional.of(target));
        robot.clickOn("#openButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(doc().file()).isEqualTo(target);
        assertThat(dashboard().viewModel().runs()).isEmpty();
        assertThat(fixture.dialogs.errors).singleElement().asString()
                .startsWith("Cannot read the runs saved with damaged.layerlab.json")
                .contains("damaged.layerlab.runs.unreadable.json");
        assertThat(runs).doesNotExist();
        assertThat(fixture.file("damaged.layerlab.runs.unreadable.json")).hasContent("{\"format\": \"layerlab-runs\", \"version\": 1, \"runs\": [");
    }

    private static double readableBottom(Node line) {
        Bounds b = sceneBounds(line);
        return b.getMinY() + 0.75 * b.getHeight();
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }
}
