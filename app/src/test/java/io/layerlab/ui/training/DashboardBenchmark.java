package io.layerlab.ui.training;

import atlantafx.base.theme.PrimerLight;
import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import io.layerlab.train.ProjectRun;
import io.layerlab.train.RunRecord;
import io.layerlab.train.TrainingResult;
import java.util.ArrayList;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Measures, side by side in one JVM, what the dashboard costs: the spiral sample trained headless
 * (as {@code layerlab train} does) and with the dashboard attached (per-layer statistics and the
 * decision boundary on), in alternating rounds, and the JavaFX pulses meanwhile. Run under Xvfb:
 * {@code DISPLAY=:97 java -cp ... io.layerlab.ui.training.DashboardBenchmark [epochs] [rounds]}.
 *
 * <p>Pulse work is the JavaFX thread's CSS and layout part of each pulse (pre- to post-layout
 * listener). Responsiveness is measured by a probe that posts a task to the JavaFX thread every 10 ms
 * and records how long it waited: that includes pulses, the dashboard's hand-overs, and waits for the
 * renderer. Nothing here forces pulses that the dashboard would not cause.
 */
public final class DashboardBenchmark {
    private DashboardBenchmark() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        private final ExecutorService worker = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "benchmark-worker");
            t.setDaemon(true);
            return t;
        });
        private final List<Long> pulseWork = new ArrayList<>();
        private final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile boolean measuring;
        private long pulseStart;

        @Override
        public void start(Stage stage) {
            var args = getParameters().getRaw();
            int epochs = args.isEmpty() ? 40 : Integer.parseInt(args.get(0));
            int rounds = args.size() < 2 ? 2 : Integer.parseInt(args.get(1));
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            TrainingDashboard dashboard = new TrainingDashboard(worker);
            Scene scene = new Scene(dashboard, 1600, 1000);
            stage.setScene(scene);
            stage.show();
            scene.addPreLayoutPulseListener(() -> pulseStart = System.nanoTime());
            scene.addPostLayoutPulseListener(() -> {
                if (measuring && pulseStart != 0) {
                    pulseWork.add(System.nanoTime() - pulseStart);
                }
            });
            Thread probe = new Thread(() -> {
                while (true) {
                    long posted = System.nanoTime();
                    CountDownLatch ran = new CountDownLatch(1);
                    Platform.runLater(() -> {
                        if (measuring) {
                            latencies.add(System.nanoTime() - posted);
                        }
                        ran.countDown();
                    });
                    try {
                        ran.await();
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "benchmark-latency-probe");
            probe.setDaemon(true);
            probe.start();
            Thread orchestrator = new Thread(() -> run(dashboard, epochs, rounds), "benchmark");
            orchestrator.setDaemon(true);
            orchestrator.start();
        }

        private void run(TrainingDashboard dashboard, int epochs, int rounds) {
            try {
                Project spiral = spiral(epochs);
                headless(spiral(3));
                dashboardRun(dashboard, spiral(3));
                List<Double> ratios = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    boolean headlessFirst = round % 2 == 1;
                    double h = 0;
                    double d;
                    if (headlessFirst) {
                        h = headless(spiral);
                    }
                    pulseWork.clear();
                    latencies.clear();
                    measuring = true;
                    Map<String, Long> cpuBefore = cpuByThreadGroup();
                    long wallBefore = System.nanoTime();
                    d = dashboardRun(dashboard, spiral);
                    long wall = System.nanoTime() - wallBefore;
                    Map<String, Long> cpuAfter = cpuByThreadGroup();
                    measuring = false;
                    if (!headlessFirst) {
                        h = headless(spiral);
                    }
                    ratios.add(d / h);
                    System.out.printf(Locale.ROOT, "round %d: headless %.0f samples/s, dashboard %.0f samples/s, ratio %.3f%n",
                            round, h, d, d / h);
                    for (String group : cpuAfter.keySet()) {
                        long used = cpuAfter.get(group) - cpuBefore.getOrDefault(group, 0L);
                        System.out.printf(Locale.ROOT, "  CPU of %s: %.0f%% of one core%n", group, 100.0 * used / wall);
                    }
                    report("pulse work (ms)", copy(pulseWork));
                    report("JavaFX thread latency (ms)", new ArrayList<>(latencies));
                }
                double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf(Locale.ROOT, "median ratio dashboard/headless: %.3f%n", sorted[sorted.length / 2]);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.exit();
            }
        }

        /** CPU time so far of the JavaFX thread, the renderer, the dashboard's ticker and the training worker. */
        private static Map<String, Long> cpuByThreadGroup() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<String, Long> cpu = new java.util.TreeMap<>();
            for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
                String name = info.getThreadName();
                String group = name.equals("JavaFX Application Thread") ? "JavaFX thread"
                        : name.startsWith("QuantumRenderer") ? "renderer"
                        : name.equals("layerlab-dashboard-ticker") ? "ticker"
                        : name.equals("benchmark-worker") ? "training worker" : null;
                if (group != null) {
                    long t = threads.getThreadCpuTime(info.getThreadId());
                    if (t > 0) {
                        cpu.merge(group, t, Long::sum);
                    }
                }
            }
            return cpu;
        }

        private List<Long> copy(List<Long> values) {
            CompletableFuture<List<Long>> copy = new CompletableFuture<>();
            Platform.runLater(() -> copy.complete(new ArrayList<>(values)));
            return copy.join();
        }

        private static void report(String what, List<Long> nanos) {
            if (nanos.isEmpty()) {
                return;
            }
            long[] v = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %s over %d samples: p50 %.1f, p99 %.1f, max %.1f%n", what, v.length,
                    v[v.length / 2] / 1e6, v[(int) Math.min(v.length - 1, Math.ceil(v.length * 0.99) - 1)] / 1e6,
                    v[v.length - 1] / 1e6);
        }

        private static Project spiral(int epochs) {
            SampleProjects samples = new SampleProjects();
            Project p = samples.open(samples.find("spiral").orElseThrow());
            p.setTraining(p.training().withEpochs(epochs));
            return p;
        }

        private static double headless(Project project) {
            TrainingResult result = ProjectRun.prepare(project).trainer().run();
            return result.samplesPerSecond();
        }

        private double dashboardRun(TrainingDashboard dashboard, Project project) throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                dashboard.setProject(null);
                dashboard.start(project);
                dashboard.phaseProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends RunPhase> obs, RunPhase was, RunPhase is) {
                        if (is == RunPhase.IDLE) {
                            obs.removeListener(this);
                            done.countDown();
                        }
                    }
                });
            });
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the dashboard run did not finish");
            }
            CompletableFuture<RunRecord> record = new CompletableFuture<>();
            Platform.runLater(() -> {
                List<RunRecord> runs = dashboard.viewModel().runLog().runs();
                record.complete(runs.get(runs.size() - 1));
            });
            RunRecord r = record.join();
            return r.result().samplesPerSecond();
        }

        @Override
        public void stop() {
            worker.shutdownNow();
        }
    }
}
