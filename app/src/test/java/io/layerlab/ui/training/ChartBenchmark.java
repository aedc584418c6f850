package io.layerlab.ui.training;

import atlantafx.base.theme.PrimerLight;
import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import io.layerlab.train.RunHistories;
import io.layerlab.train.RunLog;
import io.layerlab.train.RunRecord;
import io.layerlab.train.RunSetup;
import io.layerlab.train.RunsFile;
import io.layerlab.train.SavedRun;
import io.layerlab.train.StopReason;
import io.layerlab.train.TrainingResult;
import io.layerlab.ui.support.PulseBench;
import io.layerlab.ui.support.PulseBench.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;

/**
 * The issue's chart target: the dashboard's charts stay smooth with ten runs of 100,000 iterations
 * each shown. A project's ten kept runs (100,000 iteration losses and 1,000 epochs each, as the runs
 * file keeps them) are read from a runs file and restored into the dashboard in a 1600x1000 window;
 * then, measured by {@link PulseBench} (JavaFX's pulse times, input through the windowing system):
 * overlaying them (one run, then all ten, then one, every half second: each change paints all three
 * charts whole), turning the wheel over the loss chart (each notch decimates every curve afresh for
 * the new range), dragging the zoomed chart, hovering it (the readout), and dragging the divider
 * above the runs table (each step resizes the charts, which paint in the layout pass).
 *
 * <p>Before JavaFX starts it also times what a person waits for once when saving and opening such a
 * project: writing and reading the runs file (ten runs of 100,000 losses), and then restoring the
 * runs into the dashboard. Options besides {@link PulseBench}'s: {@code -Dbench.runs=N} (runs shown),
 * {@code -Dhide=id,id} (views hidden by id, to see where the time goes; a hidden canvas still draws).
 *
 * <p>Run: {@code DISPLAY=:98 java -XX:+UseParallelGC -Xmn24m -XX:-UseAdaptiveSizePolicy -XX:SurvivorRatio=4 -cp <test classpath> io.layerlab.ui.training.ChartBenchmark}.
 */
public final class ChartBenchmark {
    private static final int RUNS = Integer.getInteger("bench.runs", 10);
    private static final int ITERATIONS = 100_000;
    private static final int EPOCHS = 1_000;

    private ChartBenchmark() { }

    public static void main(String[] args) throws Exception {
        Project project = spiral();
        Path file = Files.createTempFile("ten-runs", ".layerlab.runs.json");
        try {
            List<RunRecord> runs = runs(project);
            RunsFile.write(runs, file); // the first write loads and compiles the writer
            long start = System.nanoTime();
            RunsFile.write(runs, file);
            System.out.printf(Locale.ROOT, "Writing the runs file: %.2f s%n", (System.nanoTime() - start) / 1e9);
            List<RunRecord> read = timedRead(file);
            PulseBench.run(() -> setUp(project, read));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Project spiral() {
        SampleProjects samples = new SampleProjects();
        return samples.open(samples.find("spiral").orElseThrow());
    }

    /** Ten finished runs at learning rates 0.001 to 0.1: noisy losses falling at their own pace. */
    private static List<RunRecord> runs(Project project) {
        RunLog log = new RunLog();
        List<RunRecord> runs = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            double rate = 0.001 * Math.pow(100, r / Math.max(1, RUNS - 1.0));
            RunSetup setup = log.begin(project, project.training().withLearningRate(rate).withEpochs(EPOCHS), project.data());
            Random random = new Random(r);
            float[] losses = new float[ITERATIONS];
            for (int i = 0; i < ITERATIONS; i++) {
                double clean = Math.exp(-i / (8_000.0 * (1 + r))) + 0.02 * r;
                losses[i] = (float) Math.max(1e-4, clean * (1 + 0.3 * random.nextGaussian()));
            }
            double[] train = new double[EPOCHS];
            double[] val = new double[EPOCHS];
            double[] accuracy = new double[EPOCHS];
            for (int e = 0; e < EPOCHS; e++) {
                double clean = Math.exp(-(e + 1) * 100 / (8_000.0 * (1 + r))) + 0.02 * r;
                train[e] = clean;
                val[e] = clean * (1.05 + 0.05 * random.nextGaussian());
                accuracy[e] = 1 - clean / 2;
            }
            var history = RunHistories.of(losses, train, val, accuracy);
            runs.add(new RunRecord(setup, new TrainingResult(EPOCHS, ITERATIONS, train[EPOCHS - 1], val[EPOCHS - 1],
                    accuracy[EPOCHS - 1], EPOCHS, val[EPOCHS - 1], 1_000, 60, 20_000, StopReason.COMPLETED, "", history), null));
        }
        return runs;
    }

    /** Reads the runs file three times (the first loads and compiles the reader) and reports the last two. */
    private static List<RunRecord> timedRead(Path file) throws Exception {
        List<RunRecord> read = RunsFile.read(file);
        double[] seconds = new double[2];
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            read = RunsFile.read(file);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        System.out.printf(Locale.ROOT, "Reading the runs file (%d runs of %,d iterations, %.1f MB): %.2f s and %.2f s%n",
                RUNS, ITERATIONS, Files.size(file) / 1e6, seconds[0], seconds[1]);
        return read;
    }

    private static PulseBench.Setup setUp(Project project, List<RunRecord> records) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        TrainingDashboard dashboard = new TrainingDashboard(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dashboard-worker");
            t.setDaemon(true);
            return t;
        }));
        Stage stage = new Stage();
        stage.setX(0);
        stage.setY(0);
        stage.setScene(new Scene(dashboard, 1600, 1000));
        stage.show();
        if (dashboard.lookup("#bottomTabs") instanceof TabPane tabs) tabs.getSelectionModel().select(0); // Runs

        long start = System.nanoTime();
        // As the designer opens a project: its saved runs first, then the project is shown.
        dashboard.viewModel().restoreRuns(project, records.stream().map(r -> new SavedRun(r, null, null)).toList());
        dashboard.setProject(project);
        System.out.printf(Locale.ROOT, "Restoring them into the dashboard: %.0f ms%n", (System.nanoTime() - start) / 1e6);

        // -Dhide=epoch-chart,accuracy-chart,...: what the scenarios cost without these views (to see where it goes).
        for (String id : System.getProperty("hide", "").split(",")) {
            if (!id.isBlank()) dashboard.lookup("#" + id.trim()).setVisible(false);
        }
        @SuppressWarnings("unchecked")
        TableView<RunRow> table = (TableView<RunRow>) dashboard.lookup("#runsTable");
        ChartView lossChart = (ChartView) dashboard.lookup("#iteration-chart");
        Robot robot = new Robot();
        List<Scenario> scenarios = List.of(
                overlay(table).named(PulseBench.WARM_UP + " (overlay)"),
                wheel(lossChart, robot).named(PulseBench.WARM_UP + " (wheel)"),
                overlay(table),
                wheel(lossChart, robot),
                pan(lossChart, robot),
                hover(lossChart, robot),
                divider(dashboard, robot));
        return new PulseBench.Setup(String.format(Locale.ROOT, "%d runs of %,d iterations and %,d epochs; window 1600×1000",
                RUNS, ITERATIONS, EPOCHS), scenarios);
    }

    /** Selects one run, then all ten, then one, every half second, as a person picks runs to compare. */
    private static Scenario overlay(TableView<RunRow> table) {
        return new Scenario() {
            private int changes;

            @Override public String name() { return "overlay: one run ↔ all ten, every 0.5 s"; }

            @Override public void begin() {
                changes = 0;
                table.getSelectionModel().clearAndSelect(0);
            }

            @Override public void frame(double t) {
                int due = (int) (t * PulseBench.SCENARIO_SECONDS / 0.5);
                if (due <= changes) return;
                changes++;
                if (changes % 2 == 1) {
                    table.getSelectionModel().selectAll();
                } else {
                    table.getSelectionModel().clearAndSelect(changes / 2 % RUNS);
                }
            }

            @Override public void end() { table.getSelectionModel().selectAll(); }
        };
    }

    /** The wheel over the loss chart, one notch per frame, twenty notches in and out again. */
    private static Scenario wheel(ChartView chart, Robot robot) {
        return new Scenario() {
            private int notches;

            @Override public String name() { return "wheel zoom on the loss chart, ten runs"; }

            @Override public void prepare() { chart.resetView(); }

            @Override public void begin() {
                notches = 0;
                robot.mouseMove(chart.localToScreen(chart.getWidth() * 0.4, chart.getHeight() / 2));
            }

            @Override public void frame(double t) {
                // A negative wheel amount scrolls up, which zooms in.
                robot.mouseWheel(notches++ % 40 < 20 ? -1 : 1);
            }

            @Override public void end() { }
        };
    }

    /** Zoomed in to about a tenth of the iterations, drags the chart in circles. */
    private static Scenario pan(ChartView chart, Robot robot) {
        return new Scenario() {
            private Point2D centre;
            private boolean zoomed;

            @Override public String name() { return "drag the zoomed loss chart"; }

            @Override public void prepare() {
                chart.resetView();
                zoomed = false;
            }

            @Override public boolean ready() {
                if (!zoomed) {
                    robot.mouseMove(chart.localToScreen(chart.getWidth() / 2, chart.getHeight() / 2));
                    for (int i = 0; i < 30; i++) robot.mouseWheel(-1);
                    zoomed = true;
                    return false;
                }
                return chart.isZoomed();
            }

            @Override public void begin() {
                centre = chart.localToScreen(chart.getWidth() / 2, chart.getHeight() / 2);
                robot.mouseMove(centre);
                robot.mousePress(MouseButton.PRIMARY);
            }

            @Override public void frame(double t) {
                double a = 2 * Math.PI * t * 2;
                robot.mouseMove(centre.add(250 * Math.cos(a) - 250, 60 * Math.sin(a)));
            }

            @Override public void end() {
                robot.mouseRelease(MouseButton.PRIMARY);
                chart.resetView();
            }
        };
    }

    /** The mouse sweeps across the loss chart: the cursor line and the readout follow it. */
    private static Scenario hover(ChartView chart, Robot robot) {
        return new Scenario() {
            @Override public String name() { return "hover the loss chart (readout)"; }

            @Override public void begin() { frame(0); }

            @Override public void frame(double t) {
                double sweep = Math.abs(((t * 3) % 2) - 1); // there and back, three times
                robot.mouseMove(chart.localToScreen(70 + sweep * (chart.getWidth() - 100), chart.getHeight() / 2));
            }

            @Override public void end() { }
        };
    }

    /** Drags the divider above the runs table up and down: the charts resize at every step. */
    private static Scenario divider(TrainingDashboard dashboard, Robot robot) {
        return new Scenario() {
            private Point2D grab;

            @Override public String name() { return "drag the divider above the runs (charts resize)"; }

            @Override public void begin() {
                Node split = dashboard.lookup("#mainSplit");
                // The split's own divider, not one of the splits inside it.
                Node bar = split.lookupAll(".split-pane-divider").stream().filter(d -> d.getParent() == split).findFirst().orElseThrow();
                grab = bar.localToScreen(bar.getBoundsInLocal().getWidth() / 2, bar.getBoundsInLocal().getHeight() / 2);
                robot.mouseMove(grab);
                robot.mousePress(MouseButton.PRIMARY);
            }

            @Override public void frame(double t) {
                robot.mouseMove(grab.add(0, 120 * Math.sin(2 * Math.PI * t * 2)));
            }

            @Override public void end() {
                robot.mouseMove(grab);
                robot.mouseRelease(MouseButton.PRIMARY);
            }
        };
    }
}
