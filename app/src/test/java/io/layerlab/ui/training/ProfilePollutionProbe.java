package io.layerlab.ui.training;

import java.util.Arrays;
import java.util.Locale;

/**
 * Whether the dashboard's observers slow the training they watch after they are gone: two headless
 * JVMs, one warmed up with the layer statistics and the decision boundary attached and one without,
 * then both train bare in alternating rounds. A difference in the training thread's CPU per run is
 * what the observers' runs left in the JIT's compiled code (profiles, inlining), not their own work.
 * {@code java -cp <test classpath> io.layerlab.ui.training.ProfilePollutionProbe [rounds] [observedMeasured]}
 */
public final class ProfilePollutionProbe {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        boolean observedMeasured = args.length > 1 && Boolean.parseBoolean(args[1]);
        try (HeadlessTrainer plain = HeadlessTrainer.start(); HeadlessTrainer observed = HeadlessTrainer.start()) {
            plain.train(3000, false);
            observed.train(3000, true);
            for (int i = 0; i < 10; i++) {
                plain.train(100, false);
                observed.train(100, true);
            }
            double[] cpu = new double[rounds];
            double[] speed = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                plain.collect();
                observed.collect();
                boolean plainFirst = r % 2 == 0;
                HeadlessTrainer.Run a = plainFirst ? plain.train(100, false) : null;
                HeadlessTrainer.Run b = observed.train(100, observedMeasured);
                if (!plainFirst) a = plain.train(100, false);
                cpu[r] = (double) b.trainingCpuNanos() / a.trainingCpuNanos();
                speed[r] = b.samplesPerSecond() / a.samplesPerSecond();
                System.out.printf(Locale.ROOT, "round %d: plain %.0f samples/s %d ms, observed-warm-up %.0f samples/s %d ms; cpu %.3f speed %.3f%n",
                        r + 1, a.samplesPerSecond(), a.trainingCpuNanos() / 1_000_000, b.samplesPerSecond(),
                        b.trainingCpuNanos() / 1_000_000, cpu[r], speed[r]);
            }
            Arrays.sort(cpu);
            Arrays.sort(speed);
            System.out.printf(Locale.ROOT, "median CPU ratio (observed warm-up / plain) %.3f; speed ratio %.3f%n",
                    cpu[rounds / 2], speed[rounds / 2]);
        }
    }
}
