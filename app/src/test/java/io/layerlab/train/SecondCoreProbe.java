package io.layerlab.train;

import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What a busy second core costs training, with no window: the spiral sample trains headless in
 * alternating rounds with and without a thread in the same JVM that only computes (normal priority,
 * no memory traffic, stopping at safepoints like any Java thread), after ten warm-up runs. Prints the
 * training thread's CPU per run and samples/s, each side's median. {@code -Dlower=true} first lowers
 * the helper threads as the designer does ({@link BackgroundPriority#lowerHelperThreads()}).
 * {@code java -cp ... [-Dlower=true] io.layerlab.train.SecondCoreProbe [rounds]}
 */
public final class SecondCoreProbe {
    private static volatile boolean spinning;
    private static volatile double sink;

    private SecondCoreProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        SampleProjects samples = new SampleProjects();
        Project spiral = samples.open(samples.find("spiral").orElseThrow());
        TrainingSpec spec = spiral.training().withEpochs(100);
        for (int i = 0; i < 10; i++) {
            ProjectRun.prepare(spiral, spec).trainer().run();
        }
        if (Boolean.getBoolean("lower")) {
            System.out.println("helper threads lowered: " + BackgroundPriority.lowerHelperThreads());
        }
        startSpinner();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> cpuBusy = new ArrayList<>();
        List<Double> cpuIdle = new ArrayList<>();
        List<Double> speedBusy = new ArrayList<>();
        List<Double> speedIdle = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int side = 0; side < 2; side++) {
                boolean busy = (round % 2 == 0) == (side == 0);
                System.gc();
                Thread.sleep(200);
                spinning = busy;
                Thread.sleep(50);
                long cpuBefore = threads.getCurrentThreadCpuTime();
                TrainingResult result = ProjectRun.prepare(spiral, spec).trainer().run();
                long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
                spinning = false;
                (busy ? cpuBusy : cpuIdle).add(cpu / 1e6);
                (busy ? speedBusy : speedIdle).add(result.samplesPerSecond());
            }
        }
        System.out.printf(Locale.ROOT, "training thread CPU per run: %.0f ms beside the busy core, %.0f ms beside an idle one (%.3f);"
                        + " samples/s %.0f and %.0f (%.3f)%n", median(cpuBusy), median(cpuIdle), median(cpuBusy) / median(cpuIdle),
                median(speedBusy), median(speedIdle), median(speedBusy) / median(speedIdle));
    }

    private static void startSpinner() {
        Thread spinner = new Thread(() -> {
            double x = 1;
            while (!Thread.currentThread().isInterrupted()) {
                if (spinning) {
                    for (int i = 0; i < 1_000_000; i++) {
                        x = x * 1.0000001 + 1e-9;
                    }
                    sink = x;
                } else {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "second-core");
        spinner.setDaemon(true);
        spinner.start();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
