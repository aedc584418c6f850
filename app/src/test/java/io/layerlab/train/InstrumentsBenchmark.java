package io.layerlab.train;

import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the dashboard's training-thread instruments cost: the spiral sample trained plain and with
 * per-layer statistics and the decision boundary attached, in alternating rounds, side by side in
 * one JVM, as samples per CPU second of the training thread; plus the share of the run the
 * instruments report spending themselves.
 * {@code java -cp ... io.layerlab.train.InstrumentsBenchmark [epochs] [rounds]}
 */
public final class InstrumentsBenchmark {
    private InstrumentsBenchmark() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        SampleProjects samples = new SampleProjects();
        Project spiral = samples.open(samples.find("spiral").orElseThrow());
        TrainingSpec spec = spiral.training().withEpochs(epochs);
        run(spiral, spec.withEpochs(3), false);
        run(spiral, spec.withEpochs(3), true);
        double[] ratios = new double[rounds];
        double[] wallRatios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            boolean plainFirst = round % 2 == 0;
            double[] plain = plainFirst ? run(spiral, spec, false) : null;
            double[] instrumented = run(spiral, spec, true);
            if (!plainFirst) {
                plain = run(spiral, spec, false);
            }
            ratios[round] = instrumented[0] / plain[0];
            wallRatios[round] = instrumented[1] / plain[1];
            System.out.printf(Locale.ROOT, "round %d: plain %.0f samples per CPU-s (%.0f samples/s), instrumented %.0f per CPU-s (%.0f samples/s), ratio %.3f (%.3f)%n",
                    round + 1, plain[0], plain[1], instrumented[0], instrumented[1], ratios[round], wallRatios[round]);
        }
        Arrays.sort(ratios);
        Arrays.sort(wallRatios);
        System.out.printf(Locale.ROOT, "median ratio instrumented/plain: %.3f per CPU second, %.3f in samples/s%n",
                ratios[rounds / 2], wallRatios[rounds / 2]);
    }

    /** Samples per CPU second of the training thread, and samples/s as the trainer reports them. */
    private static double[] run(Project project, TrainingSpec spec, boolean instrumented) {
        ProjectRun run = ProjectRun.prepare(project, spec);
        LayerStatistics statistics = null;
        BoundarySampler boundary = null;
        if (instrumented) {
            statistics = LayerStatistics.attach(run, project.graph(), LayerStatistics.DEFAULT_RATE, event -> { });
            boundary = new BoundarySampler(DecisionBoundary.over(run.data(), 64), run.network(), frame -> { });
            run.trainer().addObserver(boundary, BoundarySampler.DEFAULT_RATE);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        TrainingResult result = run.trainer().run();
        long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        if (instrumented) {
            double seconds = result.seconds();
            System.out.printf(Locale.ROOT, "  statistics: %d samples, %.2f%% of the run; boundary: %d frames, %.2f%% of the run on its worker%n",
                    statistics.samples(), 100 * statistics.spentNanos() / 1e9 / seconds,
                    boundary.frames(), 100 * boundary.spentNanos() / 1e9 / seconds);
        }
        // Samples per CPU second of the training thread: on a machine shared with other work, wall-clock
        // throughput mostly measures the neighbours; CPU time measures what the instruments cost.
        return new double[] {(double) run.data().trainSize() * result.epochs() / (cpu / 1e9), result.samplesPerSecond()};
    }
}
