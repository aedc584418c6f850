package io.layerlab.ui.training;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whether the thread that trains matters: two headless JVMs alike but for that, one training on its
 * main thread (as {@code layerlab train}), one on a thread of its own started once (as the designer's
 * training pool), in alternating rounds after the same warm-up. The designer's JVM trained the spiral
 * with 1.06-1.07 times the command line's CPU even with no dashboard attached; the main thread is one
 * of the few things the command line has that the designer has not (for one, glibc gives it the main
 * malloc arena, other threads arenas of their own).
 * {@code java -cp <test classpath> io.layerlab.ui.training.TrainingThreadProbe [rounds]}
 */
public final class TrainingThreadProbe {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        try (HeadlessTrainer main = HeadlessTrainer.start();
             HeadlessTrainer own = HeadlessTrainer.start(List.of("-D" + HeadlessTrainer.OWN_THREAD_PROPERTY + "=true"))) {
            main.train(3000);
            own.train(3000);
            for (int i = 0; i < 10; i++) {
                main.train(100);
                own.train(100);
            }
            double[] cpu = new double[rounds];
            double[] speed = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                main.collect();
                own.collect();
                boolean mainFirst = r % 2 == 0;
                HeadlessTrainer.Run a = mainFirst ? main.train(100) : null;
                HeadlessTrainer.Run b = own.train(100);
                if (!mainFirst) a = main.train(100);
                cpu[r] = (double) b.trainingCpuNanos() / a.trainingCpuNanos();
                speed[r] = b.samplesPerSecond() / a.samplesPerSecond();
                System.out.printf(Locale.ROOT, "round %d: main thread %.0f samples/s %d ms, own thread %.0f samples/s %d ms; cpu %.3f speed %.3f%n",
                        r + 1, a.samplesPerSecond(), a.trainingCpuNanos() / 1_000_000, b.samplesPerSecond(),
                        b.trainingCpuNanos() / 1_000_000, cpu[r], speed[r]);
            }
            Arrays.sort(cpu);
            Arrays.sort(speed);
            System.out.printf(Locale.ROOT, "median CPU ratio (own thread / main thread) %.3f; speed ratio %.3f%n",
                    cpu[rounds / 2], speed[rounds / 2]);
        }
    }
}
