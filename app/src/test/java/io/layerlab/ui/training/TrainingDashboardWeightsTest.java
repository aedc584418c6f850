package io.layerlab.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import io.layerlab.train.NetworkWeights;
import io.layerlab.train.ProjectRun;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A project with initial weights: the Training tab says so, and its runs start from them. */
@ExtendWith(ApplicationExtension.class)
class TrainingDashboardWeightsTest {
    private static final int TIMEOUT_SECONDS = 120;

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private TrainingDashboard dashboard;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        dashboard = new TrainingDashboard(worker);
        stage.setScene(new Scene(dashboard, 1260, 780));
        stage.show();
    }

    @AfterEach
    void shutDown() {
        WaitForAsyncUtils.asyncFx(dashboard::dispose);
        WaitForAsyncUtils.waitForFxEvents();
        worker.shutdownNow();
    }

    private static Project xor(int epochs, double learningRate) {
        SampleProjects samples = new SampleProjects();
        Project project = samples.open(samples.find("xor").orElseThrow());
        project.setTraining(project.training().withEpochs(epochs).withLearningRate(learningRate));
        return project;
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void theSettingsSayTheRunStartsFromTheWeightsAndItDoes(FxRobot robot) throws Exception {
        ProjectRun pretraining = ProjectRun.prepare(xor(40, 0.03));
        double trainedLoss = pretraining.trainer().run().trainLoss();
        // Barely moving from the trained weights: the first epoch's loss is the trained network's, not a fresh one's (~0.69).
        Project project = xor(1, 1e-9);
        project.setInitialWeights(NetworkWeights.snapshot(pretraining.network(), "Keras model xor.h5"));

        WaitForAsyncUtils.asyncFx(() -> dashboard.setProject(project));
        WaitForAsyncUtils.waitForFxEvents();
        Label notice = robot.lookup("#weightsNotice").queryAs(Label.class);
        assertThat(onFx(notice::isVisible)).isTrue();
        assertThat(onFx(notice::getText)).isEqualTo("Starts from imported weights (Keras model xor.h5)");

        robot.clickOn("#startButton");
        TrainingViewModel model = dashboard.viewModel();
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> onFx(() -> model.runLog().size() == 1));
        double firstEpochLoss = onFx(() -> model.runLog().runs().get(0).finalTrainLoss());
        assertThat(trainedLoss).as("the pre-training learned").isLessThan(0.3);
        assertThat(firstEpochLoss).isCloseTo(trainedLoss, org.assertj.core.api.Assertions.within(0.1));
    }
}
