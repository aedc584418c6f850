package io.layerlab.ui.training;

import atlantafx.base.theme.PrimerLight;
import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import io.layerlab.train.BoundaryFrame;
import io.layerlab.ui.support.PulseBench;
import io.layerlab.ui.support.PulseBench.Scenario;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * What a new decision-boundary frame costs the window: the dashboard in a 1600x1000 window after a
 * short spiral run (its points and last frame on screen), then, measured by {@link PulseBench}, a new
 * frame every pulse (two frames in turn, their confidences apart so every pixel changes) against
 * pulses in which nothing changes. Each frame is painted ahead on another thread before it is shown,
 * as the boundary's worker paints them. The dashboard benchmark measures the same paints among everything
 * else a run does; here they stand alone, so a change to how the boundary is drawn shows in the
 * render thread's CPU per pulse ({@code -Dphases=true}).
 *
 * <p>Run: {@code DISPLAY=:96 java -XX:+UseParallelGC -Xmn24m -XX:-UseAdaptiveSizePolicy -XX:SurvivorRatio=4 -Dphases=true -cp <test classpath> io.layerlab.ui.training.BoundaryBenchmark}.
 */
public final class BoundaryBenchmark {
    private BoundaryBenchmark() { }

    public static void main(String[] args) throws Exception {
        PulseBench.run(BoundaryBenchmark::setup);
    }

    private static PulseBench.Setup setup() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        SampleProjects samples = new SampleProjects();
        Project project = samples.open(samples.find("spiral").orElseThrow());
        project.setTraining(project.training().withEpochs(30));
        TrainingDashboard dashboard = new TrainingDashboard(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "boundary-benchmark-worker");
            t.setDaemon(true);
            return t;
        }));
        Stage stage = new Stage();
        stage.setScene(new Scene(dashboard, 1600, 1000));
        stage.show();
        dashboard.start(project);
        BoundaryView view = (BoundaryView) dashboard.lookup("#boundary-view");
        ExecutorService painter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "boundary-benchmark-painter");
            t.setDaemon(true);
            return t;
        });
        Scenario frames = new Scenario() {
            private BoundaryFrame[] pair;
            private int shown;
            private Future<?> painting;

            @Override public String name() { return "a new boundary frame every pulse"; }
            @Override public boolean ready() {
                return dashboard.phaseProperty().get() == RunPhase.IDLE && view.frame() != null;
            }
            @Override public void begin() {
                if (pair == null && Boolean.getBoolean("census")) {
                    System.out.println(io.layerlab.ui.support.NodeCensus.report(dashboard.getScene().getRoot(), 40, 12));
                }
                if (pair == null) pair = new BoundaryFrame[]{view.frame(), fainter(view.frame())};
            }
            /** As the boundary's worker does: each frame is painted ahead on another thread, then shown. */
            @Override public void frame(double t) {
                if (painting != null && !painting.isDone()) return;
                view.setFrame(pair[shown % 2]);
                BoundaryFrame next = pair[++shown % 2];
                painting = painter.submit(() -> view.paintAhead(next));
            }
            @Override public void end() {
                System.out.printf("heatmap updates %d, %d of them painted ahead%n", view.heatUpdates(), view.paintedAheadUpdates());
            }
        };
        Scenario still = new Scenario() {
            @Override public String name() { return "baseline: nothing changes"; }
            @Override public boolean ready() { return frames.ready(); }
            @Override public void begin() { }
            @Override public void frame(double t) { }
            @Override public void end() { }
        };
        return new PulseBench.Setup("boundary frames on the dashboard after a 30-epoch spiral run, window 1600x1000",
                List.of(frames.named(PulseBench.WARM_UP), still, frames, still.named("baseline: nothing changes, again"),
                        frames.named("a new boundary frame every pulse, again")));
    }

    /** The same frame, less sure everywhere: every cell's colour differs from the original's. */
    private static BoundaryFrame fainter(BoundaryFrame f) {
        float[] confidence = f.confidence().clone();
        float chance = 1f / Math.max(2, f.classCount());
        for (int i = 0; i < confidence.length; i++) confidence[i] = chance + (confidence[i] - chance) * 0.6f;
        return new BoundaryFrame(f.size(), f.minX(), f.maxX(), f.minY(), f.maxY(), f.classCount(), f.classes(), confidence,
                f.iteration() + 1);
    }
}
