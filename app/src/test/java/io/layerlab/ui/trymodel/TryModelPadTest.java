package io.layerlab.ui.trymodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import atlantafx.base.theme.PrimerLight;
import io.layerlab.model.ClassProbabilities;
import io.layerlab.model.ModelFiles;
import io.layerlab.model.Predictor;
import io.layerlab.project.SampleProjects;
import io.layerlab.train.ProjectRun;
import io.layerlab.ui.pad.DrawingPadViewModel;
import io.layerlab.ui.pad.PadMouse;
import io.layerlab.ui.support.DirectTaskExecutor;
import io.layerlab.ui.support.FakeDialogService;
import io.layerlab.ui.support.FxmlView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Try model" for a model zip of pictures shows the drawing pad in place of the text field, and
 * drawing on it brings the model's class probabilities; a model of features keeps the text field.
 * The zips hold sample networks as built (untrained): the window's behaviour does not depend on accuracy.
 */
@ExtendWith(ApplicationExtension.class)
class TryModelPadTest {
    private static final int TIMEOUT_SECONDS = 60;
    private static Path folder;
    private static Predictor shapes;
    private static Predictor iris;
    private Stage owner;
    private Stage window;

    @BeforeAll
    static void saveModels() throws Exception {
        folder = Files.createTempDirectory("try-model-pad");
        shapes = saved("shapes-cnn");
        iris = saved("iris");
    }

    private static Predictor saved(String sample) throws Exception {
        SampleProjects samples = new SampleProjects();
        Path zip = folder.resolve(sample + ".zip");
        ProjectRun.prepare(samples.open(samples.find(sample).orElseThrow())).saveModel(zip);
        return Predictor.of(ModelFiles.load(zip));
    }

    @AfterAll
    static void removeModels() throws Exception {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(folder);
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        owner = stage;
        stage.setScene(new Scene(new Pane(), 200, 100));
        stage.show();
    }

    private TryModelViewModel open(Predictor predictor) throws Exception {
        TryModelViewModel model = new TryModelViewModel(predictor, new DirectTaskExecutor());
        window = WaitForAsyncUtils.asyncFx(() -> TryModelView.open(model, new FakeDialogService(), owner, FxmlView.stylesheet("app.css")))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return model;
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (window != null) onFx(() -> {
            window.close();
            return null;
        });
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aPictureModelIsTriedByDrawing(FxRobot robot) throws Exception {
        TryModelViewModel model = open(shapes);

        assertThat(robot.lookup("#drawing-pad").tryQuery()).get().matches(Node::isVisible);
        assertThat(robot.lookup("#valuesField").query().isVisible()).isFalse();
        DrawingPadViewModel pad = model.drawingPad().orElseThrow();
        PadMouse.drawRing(robot, 16);

        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> onFx(() -> pad.probabilitiesProperty().get() != null));
        ClassProbabilities answer = onFx(() -> pad.probabilitiesProperty().get());
        assertThat(answer.names()).containsExactly("circle", "square", "triangle", "cross");
        assertThat(answer.total()).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void aModelOfFeaturesKeepsTheTextFieldAndHasNoPad(FxRobot robot) throws Exception {
        TryModelViewModel model = open(iris);

        assertThat(model.drawingPad()).isEmpty();
        assertThat(robot.lookup("#drawing-pad").tryQuery()).isEmpty();
        assertThat(robot.lookup("#valuesField").query().isVisible()).isTrue();
    }
}
