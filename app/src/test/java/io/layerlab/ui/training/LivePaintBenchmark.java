package io.layerlab.ui.training;

import atlantafx.base.theme.PrimerLight;
import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import io.layerlab.train.BoundaryFrame;
import io.layerlab.ui.support.NodeCensus;
import io.layerlab.ui.support.PulseBench;
import io.layerlab.ui.support.PulseBench.Scenario;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

/**
 * What each of the dashboard's live paints costs the window, alone: the dashboard in a 1600x1000
 * window after a short spiral run, then, measured by {@link PulseBench}, a new decision-boundary
 * frame every pulse (two frames in turn, their confidences apart so every pixel changes; each painted
 * ahead on another thread, as the boundary's worker paints them), and a training run's loss curves
 * growing on the loss chart, thirty iterations every other pulse (each growth a strip of the live
 * layer, as while a long run trains), against pulses in which nothing changes. The dashboard benchmark
 * measures the same paints among everything else a run does; here they stand alone, so a change to
 * how they are drawn shows in the threads' CPU per pulse ({@code -Dphases=true}).
 * {@code -Dcensus=true} also lists the scene's larger subtrees (JavaFX walks every node to update
 * bounds in each pulse that changes anything).
 *
 * <p>Run: {@code DISPLAY=:96 java -XX:+UseParallelGC -Xmn24m -XX:-UseAdaptiveSizePolicy -XX:SurvivorRatio=4 -Dphases=true -cp <test classpath> io.layerlab.ui.training.LivePaintBenchmark}.
 */
public final class LivePaintBenchmark {
    private LivePaintBenchmark() { }

    public static void main(String[] args) throws Exception {
        PulseBench.run(LivePaintBenchmark::setup);
    }

    private static PulseBench.Setup setup() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        SampleProjects samples = new SampleProjects();
        Project project = samples.open(samples.find("spiral").orElseThrow());
        project.setTraining(project.training().withEpochs(30));
        TrainingDashboard dashboard = new TrainingDashboard(Executors.newSingleThreadExecutor(r -> daemon(r, "live-paint-benchmark-worker")));
        Stage stage = new Stage();
        stage.setScene(new Scene(dashboard, 1600, 1000));
        stage.show();
        dashboard.start(project);
        if (Boolean.getBoolean("census")) {
            System.out.println(NodeCensus.report(dashboard, 40, 12));
        }
        Scenario still = new Scenario() {
            @Override public String name() { return "baseline: nothing changes"; }
            @Override public boolean ready() { return dashboard.phaseProperty().get() == RunPhase.IDLE; }
            @Override public void begin() { }
            @Override public void frame(double t) { }
            @Override public void end() { }
        };
        Scenario frames = new BoundaryFrames(dashboard);
        Scenario strips = new LossStrips(dashboard);
        return new PulseBench.Setup("live paints on the dashboard after a 30-epoch spiral run, window 1600x1000",
                List.of(frames.named(PulseBench.WARM_UP), strips.named(PulseBench.WARM_UP + " (strips)"), still, frames, strips,
                        still.named("baseline: nothing changes, again"), frames.named(frames.name() + ", again"),
                        strips.named(strips.name() + ", again")));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** A new boundary frame every pulse, painted ahead on another thread as the boundary's worker does. */
    private static final class BoundaryFrames implements Scenario {
        private final TrainingDashboard dashboard;
        private final ExecutorService painter = Executors.newSingleThreadExecutor(r -> daemon(r, "live-paint-benchmark-painter"));
        private BoundaryView view;
        private BoundaryFrame[] pair;
        private int shown;
        private Future<?> painting;

        BoundaryFrames(TrainingDashboard dashboard) {
            this.dashboard = dashboard;
        }

        @Override public String name() { return "a new boundary frame every pulse"; }

        @Override public boolean ready() {
            view = (BoundaryView) dashboard.lookup("#boundary-view");
            return dashboard.phaseProperty().get() == RunPhase.IDLE && view.frame() != null;
        }

        @Override public void begin() {
            if (pair == null) pair = new BoundaryFrame[]{view.frame(), fainter(view.frame())};
        }

        @Override public void frame(double t) {
            if (painting != null && !painting.isDone()) return;
            view.setFrame(pair[shown % 2]);
            BoundaryFrame next = pair[++shown % 2];
            painting = painter.submit(() -> view.paintAhead(next));
        }

        @Override public void end() {
            System.out.printf("heatmap updates %d, %d of them painted ahead%n", view.heatUpdates(), view.paintedAheadUpdates());
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

    /** A run's loss curves growing on the loss chart's live layer: thirty iterations every other pulse, to 6,000 planned. */
    private static final class LossStrips implements Scenario {
        private final TrainingDashboard dashboard;
        private final Random random = new Random(3);
        private ChartView chart;
        private RunCurves live;
        private List<ChartView.Series> series;
        private int frame;

        LossStrips(TrainingDashboard dashboard) {
            this.dashboard = dashboard;
        }

        @Override public String name() { return "the loss chart's live curves grow every other pulse"; }

        @Override public boolean ready() { return dashboard.phaseProperty().get() == RunPhase.IDLE; }

        @Override public void begin() {
            chart = (ChartView) dashboard.lookup("#iteration-chart");
            live = new RunCurves();
            grow();
            series = List.of(
                    new ChartView.Series("bench-raw", SeriesData.numbered(live::iterations, live::iterationLoss), Color.STEELBLUE, 1, 0.3, false).asLive(),
                    new ChartView.Series("bench-smooth", SeriesData.numbered(live::iterations, live::smoothedLoss), Color.STEELBLUE, 2.2, 1, false)
                            .asSmooth().asLive());
            chart.setGrowing(true);
            chart.setPlannedEnd(6_000);
            chart.setSeries(series);
        }

        @Override public void frame(double t) {
            if (++frame % 2 == 0) {
                grow();
                chart.setSeries(series);
            }
        }

        @Override public void end() {
            System.out.printf("loss chart: %d paints, %d of them whole%n", chart.redraws(), chart.fullPaints());
        }

        private void grow() {
            int n = live.iterations();
            for (int i = 0; i < 30; i++) live.addIteration((float) (Math.exp(-(n + i) / 2000.0) + 0.05 * random.nextGaussian() + 0.1));
        }
    }
}
