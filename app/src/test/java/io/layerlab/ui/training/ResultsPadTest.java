package io.layerlab.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import atlantafx.base.theme.PrimerLight;
import io.layerlab.data.DataSpec;
import io.layerlab.model.ClassProbabilities;
import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import io.layerlab.train.RunEvaluation;
import io.layerlab.ui.pad.DrawingPadViewModel;
import io.layerlab.ui.pad.PadMouse;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A run on pictures gets a drawing pad in the dashboard's Results area, beside its confusion matrix
 * on a switch where the area is short of height for both, answering with the network the run kept;
 * a run on 2-D points gets none. Tiny data, two epochs.
 */
@ExtendWith(ApplicationExtension.class)
class ResultsPadTest {
    private static final int TIMEOUT_SECONDS = 120;

    private final ExecutorService worker = Executors.newFixedThreadPool(1);
    private TrainingDashboard dashboard;
    private TrainingViewModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        dashboard = new TrainingDashboard(worker);
        model = dashboard.viewModel();
        stage.setScene(new Scene(dashboard, 1260, 780));
        stage.show();
    }

    @AfterEach
    void shutDown() {
        WaitForAsyncUtils.asyncFx(dashboard::dispose);
        WaitForAsyncUtils.waitForFxEvents();
        worker.shutdownNow();
    }

    private static Project sample(String name, DataSpec data, int epochs) {
        SampleProjects samples = new SampleProjects();
        Project project = samples.open(samples.find(name).orElseThrow());
        if (data != null) project.setData(data);
        project.setTraining(project.training().withEpochs(epochs).withBatchSize(24));
        return project;
    }

    private static void waitUntil(Callable<Boolean> conditionOnFxThread) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(conditionOnFxThread).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    /** Whether {@code node} and every parent it has are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        return true;
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private RunRow train(FxRobot robot, Project project) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dashboard.setProject(project));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#startButton");
        waitUntil(() -> model.runLog().size() == 1 && model.phase() == RunPhase.IDLE);
        // The results panel takes its turn a frame or two after the run ends.
        waitUntil(() -> robot.lookup("#confusion-matrix").tryQuery().isPresent());
        return onFx(() -> model.runs().get(0));
    }

    /** Whether {@code node} shows whole in the dashboard's side column, without scrolling it. */
    private static boolean wholeInSideColumn(FxRobot robot, Node node) throws Exception {
        Bounds viewport = sceneBounds(robot.lookup(".dashboard-side-scroll > .viewport").query());
        return onFx(() -> {
            Bounds b = sceneBounds(node);
            return shown(node) && b.getMinX() >= viewport.getMinX() - 0.5 && b.getMaxX() <= viewport.getMaxX() + 0.5
                    && b.getMinY() >= viewport.getMinY() - 0.5 && b.getMaxY() <= viewport.getMaxY() + 0.5;
        });
    }

    @Test
    void aRunOnPicturesIsTriedOnThePadASwitchAwayFromItsConfusionMatrix(FxRobot robot) throws Exception {
        // As narrow as the dashboard is between the side panels of a 1400-pixel window, its side column at the least width.
        robot.interact(() -> {
            dashboard.getScene().getWindow().setWidth(840);
            robot.lookup("#chartSplit").queryAs(javafx.scene.control.SplitPane.class).setDividerPositions(0.76);
        });
        RunRow run = train(robot, sample("shapes-cnn", new DataSpec("shapes", Map.of("samples", 96), 0.25, 7), 2));

        assertThat(run.evaluation()).isInstanceOf(RunEvaluation.ConfusionMatrix.class);
        // The column is short of height for both: the matrix shows whole (once laid out, a pulse or two
        // after it came), the switch to the pad in its header.
        Node matrix = robot.lookup("#confusion-matrix").query();
        Node padPanel = robot.lookup("#results-pad").query();
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> wholeInSideColumn(robot, matrix));
        assertThat(padPanel.isVisible()).isFalse();
        assertThat(robot.lookup("#results-switch-results").queryAs(javafx.scene.control.ToggleButton.class).getText()).isEqualTo("Confusion matrix");
        // The class names over the columns do not run into each other ("square" into "triangle").
        List<Bounds> names = robot.lookup("#confusion-matrix .confusion-header").queryAll().stream()
                .filter(n -> javafx.scene.layout.GridPane.getRowIndex(n) == 0 && javafx.scene.layout.GridPane.getColumnIndex(n) > 0)
                .sorted(java.util.Comparator.comparing(n -> javafx.scene.layout.GridPane.getColumnIndex(n)))
                .map(ResultsPadTest::sceneBounds).toList();
        assertThat(names).hasSize(4);
        for (int i = 1; i < names.size(); i++) {
            assertThat(names.get(i).getMinX()).as("class " + i + "'s name starts after the one before it ends")
                    .isGreaterThanOrEqualTo(names.get(i - 1).getMaxX() - 0.5);
        }

        robot.clickOn("#results-switch-pad");
        // The pad in the matrix's place, whole: the sketch, every class's bar and Clear, with no scrolling.
        Node clear = robot.lookup("#pad-clear").query();
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> wholeInSideColumn(robot, clear));
        assertThat(matrix.isVisible()).isFalse();
        for (String part : List.of("#sketch-canvas", "#probability-bars")) {
            assertThat(wholeInSideColumn(robot, robot.lookup(part).query())).as(part + " whole in view").isTrue();
        }
        assertThat(run.pictureClassifier().isFinal()).isTrue();
        DrawingPadViewModel pad = onFx(() -> dashboard.resultsPad().pad().viewModel());

        PadMouse.drawRing(robot, 16);

        waitUntil(() -> pad.probabilitiesProperty().get() != null);
        ClassProbabilities answer = onFx(() -> pad.probabilitiesProperty().get());
        assertThat(answer.names()).containsExactly("circle", "square", "triangle", "cross");
        assertThat(answer.total()).isCloseTo(1.0, within(1e-5));
        // The answer comes from the weights the run kept (asked once the pad has stopped using them).
        waitUntil(() -> !pad.busyProperty().get());
        ClassProbabilities kept = run.pictureClassifier().classifier().classify(onFx(() -> pad.sketchProperty().get()));
        ClassProbabilities shown = onFx(() -> pad.probabilitiesProperty().get());
        for (int i = 0; i < kept.size(); i++) assertThat(shown.probability(i)).isCloseTo(kept.probability(i), within(1e-6f));

        robot.clickOn("#pad-clear");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> pad.probabilitiesProperty().get())).isNull();

        // Back to the matrix: one click, the choice is the person's.
        robot.clickOn("#results-switch-results");
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> wholeInSideColumn(robot, matrix));
        assertThat(padPanel.isVisible()).isFalse();
    }

    @Test
    void aRunOnPointsHasNoPad(FxRobot robot) throws Exception {
        train(robot, sample("xor", null, 1));

        assertThat(robot.lookup("#confusion-matrix").tryQuery()).isPresent();
        assertThat(robot.lookup("#results-pad").tryQuery()).isEmpty();
        assertThat(robot.lookup("#results-switch-pad").tryQuery()).get().matches(n -> !shown(n), "hidden");
        assertThat(robot.lookup("#resultsTitle").tryQuery()).get().matches(ResultsPadTest::shown, "the title shows");
    }
}
