package io.layerlab.ui.pad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import atlantafx.base.theme.PrimerLight;
import io.layerlab.data.LoadedData;
import io.layerlab.data.Sketch;
import io.layerlab.model.ClassProbabilities;
import io.layerlab.model.ImageClassifier;
import io.layerlab.project.SampleProjects;
import io.layerlab.train.ProjectRun;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The drawing pad as a person uses it, headless, with the shapes sample's network (built, not
 * trained: the pad's job is to show whatever the network answers): drawing brings the answer for
 * the drawing as it ends, Clear, the right button and Esc take it away.
 */
@ExtendWith(ApplicationExtension.class)
class DrawingPadTest {
    private static final int TIMEOUT_SECONDS = 60;
    private static ProjectRun shapes;

    private DrawingPad pad;
    private DrawingPadViewModel model;

    @BeforeAll
    static void buildNetwork() {
        SampleProjects samples = new SampleProjects();
        shapes = ProjectRun.prepare(samples.open(samples.find("shapes-cnn").orElseThrow()));
    }

    /** A classifier of its own for every user: a network runs on one thread at a time. */
    private static ImageClassifier classifier() {
        LoadedData data = shapes.data();
        return new ImageClassifier(shapes.network().clone(), data.normalizer(), data.inputShape(), data.classNames());
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new DrawingPadViewModel();
        model.setSource(DrawingPadViewModel.Source.of(classifier()));
        pad = new DrawingPad(model);
        stage.setScene(new Scene(pad, 560, 320));
        stage.show();
    }

    private static void waitUntil(Callable<Boolean> conditionOnFxThread) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(conditionOnFxThread).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static boolean sameAnswer(ClassProbabilities a, ClassProbabilities b) {
        if (a == null || b == null || a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (Math.abs(a.probability(i) - b.probability(i)) > 1e-6) return false;
        return true;
    }

    private double previewBrightness() throws Exception {
        return onFx(() -> {
            double sum = 0;
            for (int r = 0; r < 16; r++) for (int c = 0; c < 16; c++) sum += pad.preview().shownGrey(r, c);
            return sum;
        });
    }

    @Test
    void aStrokeBringsTheAnswerForTheFinishedDrawingAndClearTakesItAway(FxRobot robot) throws Exception {
        assertThat(onFx(() -> pad.bars().listedNames())).containsExactly("circle", "square", "triangle", "cross");
        assertThat(onFx(() -> pad.bars().shown())).isNull();

        PadMouse.drawRing(robot, 24);

        Sketch drawn = onFx(() -> model.sketchProperty().get());
        assertThat(drawn.strokes()).hasSize(1);
        assertThat(drawn.strokes().get(0).pointCount()).isGreaterThan(12);
        // Answers while drawing may lag; the one that stays is for the whole ring.
        ClassProbabilities expected = classifier().classify(drawn);
        waitUntil(() -> sameAnswer(model.probabilitiesProperty().get(), expected));
        ClassProbabilities shown = onFx(() -> pad.bars().shown());
        assertThat(shown.total()).isCloseTo(1.0, within(1e-5));
        assertThat(shown.names()).containsExactly("circle", "square", "triangle", "cross");
        assertThat(onFx(() -> pad.bars().highlighted())).isEqualTo(shown.name(shown.top()));
        assertThat(previewBrightness()).as("the ring in the network's 16×16 input").isGreaterThan(10);

        robot.clickOn("#pad-clear");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> model.sketchProperty().get().isEmpty())).isTrue();
        assertThat(onFx(() -> model.probabilitiesProperty().get())).isNull();
        assertThat(onFx(() -> pad.bars().shown())).isNull();
        assertThat(onFx(() -> pad.bars().highlighted())).isNull();
        assertThat(previewBrightness()).isZero();
    }

    @Test
    void theRightButtonAndEscapeClearTheDrawing(FxRobot robot) throws Exception {
        PadMouse.drawRing(robot, 12);
        waitUntil(() -> model.probabilitiesProperty().get() != null);

        robot.clickOn(PadMouse.canvas(robot), MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> model.sketchProperty().get().isEmpty())).isTrue();
        assertThat(onFx(() -> model.probabilitiesProperty().get())).isNull();

        PadMouse.drawRing(robot, 12);
        waitUntil(() -> model.probabilitiesProperty().get() != null);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> model.sketchProperty().get().isEmpty())).isTrue();
        assertThat(onFx(() -> pad.bars().shown())).isNull();
    }
}
