package io.layerlab.train.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Observations read off made-up curves whose shape is known. */
class CurveObservationsTest {
    private static final double UNTRAINED = 0.7;

    private static Combination combination(double rate, int batch) {
        return new Combination(rate, batch, "adam", null, SweepPlan.label(rate, batch, null, null));
    }

    private static RunCurves run(double rate, int batch, int repeat, double[] epochLoss, float[] iterations, RunStatus status) {
        return run(rate, batch, repeat, epochLoss, iterations, status, null, null);
    }

    private static RunCurves run(double rate, int batch, int repeat, double[] epochLoss, float[] iterations, RunStatus status,
                                 Integer epochsToTarget, Double secondsToTarget) {
        Combination c = combination(rate, batch);
        RunKey key = new RunKey(0, c, repeat, 42 + repeat, c.label());
        return new RunCurves(key, UNTRAINED, epochLoss, epochLoss, iterations, status, null, epochsToTarget, secondsToTarget, 0.9);
    }

    /** A curve falling from the untrained loss towards {@code floor}, smoothly. */
    private static double[] falling(int epochs, double floor) {
        double[] curve = new double[epochs];
        for (int e = 0; e < epochs; e++) curve[e] = floor + (UNTRAINED - floor) * Math.exp(-0.4 * (e + 1));
        return curve;
    }

    /** Per-iteration losses around a slowly falling trend, scattered by {@code noise} (normal, fixed seed). */
    private static float[] iterations(int count, double noise, long seed) {
        Random random = new Random(seed);
        float[] losses = new float[count];
        for (int i = 0; i < count; i++) losses[i] = (float) (0.3 + 0.4 * Math.exp(-i / 300.0) + noise * random.nextGaussian());
        return losses;
    }

    private static Optional<Observation> find(List<Observation> observations, Observation.Kind kind) {
        return observations.stream().filter(o -> o.kind() == kind).findFirst();
    }

    @Test
    void aDivergedRunIsNamedWithTheLossAndIterationWhereItWentWrong() {
        List<RunCurves> runs = List.of(
                run(0.01, 32, 0, falling(10, 0.1), iterations(100, 0.02, 1), RunStatus.COMPLETED),
                run(1, 32, 0, new double[0], new float[] {0.7f, 5.5f, Float.NaN}, RunStatus.DIVERGED));

        Observation diverged = find(CurveObservations.of(runs, null, true), Observation.Kind.DIVERGED).orElseThrow();

        assertThat(diverged.text()).isEqualTo("Diverged: lr 1 · batch 32 (loss NaN at iteration 3).");
        assertThat(diverged.combinations()).containsExactly(combination(1, 32));
    }

    @Test
    void aRateThatDivergesWithEveryBatchSizeIsSaidOnceWithItsPeaks() {
        List<RunCurves> runs = List.of(
                run(0.01, 8, 0, falling(10, 0.1), iterations(100, 0.02, 1), RunStatus.COMPLETED),
                run(0.01, 64, 0, falling(10, 0.1), iterations(100, 0.02, 2), RunStatus.COMPLETED),
                run(10, 8, 0, falling(10, 0.6), new float[] {0.7f, 9.1f, 0.8f}, RunStatus.DIVERGED),
                run(10, 64, 0, falling(10, 0.6), new float[] {0.7f, 0.9f, 12.5f, 0.8f}, RunStatus.DIVERGED));

        Observation diverged = find(CurveObservations.of(runs, null, true), Observation.Kind.DIVERGED).orElseThrow();

        assertThat(diverged.text()).isEqualTo(
                "Diverged: lr 10 with every batch size tried (loss 9.1 at iteration 2, loss 12.5 at iteration 3).");
    }

    @Test
    void aCurveThatGoesUpAndDownByMuchOfWhatItLearnedOscillatesAndASmoothOneDoesNot() {
        double[] zigzag = {0.50, 0.30, 0.55, 0.28, 0.52, 0.25, 0.50, 0.27, 0.49, 0.26};
        double[] wobbling = falling(10, 0.1);
        for (int e = 0; e < wobbling.length; e++) wobbling[e] += (e % 2 == 0 ? 0.004 : -0.004);
        List<RunCurves> runs = List.of(
                run(0.3, 32, 0, zigzag, iterations(100, 0.05, 1), RunStatus.COMPLETED),
                run(0.01, 32, 0, wobbling, iterations(100, 0.05, 2), RunStatus.COMPLETED));

        Observation oscillated = find(CurveObservations.of(runs, null, true), Observation.Kind.OSCILLATED).orElseThrow();

        assertThat(oscillated.combinations()).containsExactly(combination(0.3, 32));
        assertThat(oscillated.text()).startsWith("Oscillated: lr 0.3 · batch 32 (the validation loss changed direction 8 times in 9 epochs")
                .contains("of the untrained loss 0.7");
        CurveObservations.Oscillation measured = CurveObservations.oscillation(zigzag);
        assertThat(measured.directionChanges()).isEqualTo(8);
        assertThat(measured.backAndForth()).isGreaterThan(0.2);
        assertThat(CurveObservations.oscillation(falling(10, 0.1)).backAndForth()).isZero();
    }

    @Test
    void aRunThatFellLittleComparedWithTheBestIsTooSlowAndSaysByHowMuch() {
        double[] slow = new double[10];
        for (int e = 0; e < 10; e++) slow[e] = UNTRAINED - 0.002 * (e + 1);
        List<RunCurves> runs = List.of(
                run(1e-5, 32, 0, slow, iterations(100, 0.01, 1), RunStatus.COMPLETED),
                run(0.01, 32, 0, falling(10, 0.07), iterations(100, 0.02, 2), RunStatus.COMPLETED));

        Observation tooSlow = find(CurveObservations.of(runs, null, true), Observation.Kind.TOO_SLOW).orElseThrow();

        assertThat(tooSlow.combinations()).containsExactly(combination(1e-5, 32));
        assertThat(tooSlow.text()).isEqualTo("Too slow to learn in 10 epochs: lr 1e-5 · batch 32 (validation loss fell 2.9%, "
                + "0.7 → 0.68). That is less than a third of the 88% fall at lr 0.01 · batch 32.");
    }

    @Test
    void smallerBatchesGiveNoisierCurvesAndTheRatioIsMeasured() {
        List<RunCurves> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(run(0.01 * (i + 1), 8, 0, falling(20, 0.1), iterations(2000, 0.10, 10 + i), RunStatus.COMPLETED));
            runs.add(run(0.01 * (i + 1), 128, 0, falling(20, 0.1), iterations(2000, 0.025, 20 + i), RunStatus.COMPLETED));
        }

        Observation noise = find(CurveObservations.of(runs, null, true), Observation.Kind.BATCH_NOISE).orElseThrow();

        Matcher ratio = Pattern.compile("^Batch 8 curves are ([0-9.]+)× noisier than batch 128 \\(").matcher(noise.text());
        assertThat(ratio.find()).as(noise.text()).isTrue();
        assertThat(Double.parseDouble(ratio.group(1))).isBetween(3.6, 4.4);
        assertThat(noise.text()).contains("batch 8 0.09", "batch 128 0.02");
    }

    @Test
    void equallyNoisyBatchSizesAreSaidToBeAboutAsNoisy() {
        List<RunCurves> runs = List.of(
                run(0.01, 16, 0, falling(20, 0.1), iterations(1000, 0.05, 1), RunStatus.COMPLETED),
                run(0.01, 64, 0, falling(20, 0.1), iterations(1000, 0.05, 2), RunStatus.COMPLETED));

        Observation noise = find(CurveObservations.of(runs, null, true), Observation.Kind.BATCH_NOISE).orElseThrow();

        assertThat(noise.text()).startsWith("Batch 16 curves are about as noisy as batch 64");
    }

    @Test
    void theTargetGoesToTheFewestEpochsAndTheSoonestRunIsNamedWhenItDiffers() {
        List<RunCurves> runs = List.of(
                run(0.01, 32, 0, falling(10, 0.05), iterations(100, 0.02, 1), RunStatus.COMPLETED, 7, 3.0),
                run(0.03, 8, 0, falling(10, 0.05), iterations(100, 0.02, 2), RunStatus.COMPLETED, 4, 5.0),
                run(1e-5, 32, 0, falling(10, 0.6), iterations(100, 0.02, 3), RunStatus.COMPLETED));

        Observation target = find(CurveObservations.of(runs, 0.1, true), Observation.Kind.TARGET).orElseThrow();

        assertThat(target.text()).isEqualTo("lr 0.03 · batch 8 reached the target validation loss 0.1 first, at epoch 4 (5.00 s); "
                + "in time, lr 0.01 · batch 32 was sooner: 3.00 s at epoch 7. 2 of 3 runs reached it.");
    }

    @Test
    void whenNoRunReachesTheTargetTheClosestIsNamed() {
        double[] curve = {0.5, 0.3, 0.2, 0.25};
        List<RunCurves> runs = List.of(run(0.01, 32, 0, curve, iterations(40, 0.02, 1), RunStatus.COMPLETED));

        Observation target = find(CurveObservations.of(runs, 0.1, false), Observation.Kind.TARGET).orElseThrow();

        assertThat(target.text()).isEqualTo("No run reached the target training loss 0.1; the lowest was 0.2 (lr 0.01 · batch 32, epoch 3).");
    }

    @Test
    void repeatsAreAveragedForTheBestAndTheirSpreadIsReported() {
        List<RunCurves> runs = List.of(
                run(0.01, 32, 0, new double[] {0.4, 0.10}, iterations(40, 0.02, 1), RunStatus.COMPLETED),
                run(0.01, 32, 1, new double[] {0.4, 0.20}, iterations(40, 0.02, 2), RunStatus.COMPLETED),
                run(0.01, 32, 2, new double[] {0.4, 0.15}, iterations(40, 0.02, 3), RunStatus.COMPLETED),
                run(0.1, 32, 0, new double[] {0.5, 0.30}, iterations(40, 0.02, 4), RunStatus.COMPLETED),
                run(0.1, 32, 1, new double[] {0.5, 0.31}, iterations(40, 0.02, 5), RunStatus.COMPLETED));

        List<Observation> observations = CurveObservations.of(runs, null, true);

        assertThat(find(observations, Observation.Kind.BEST).orElseThrow().text()).isEqualTo(
                "Lowest final validation loss: 0.15 at lr 0.01 · batch 32 (mean of 3 runs, 0.1 to 0.2), validation accuracy 0.900.");
        assertThat(find(observations, Observation.Kind.REPEAT_SPREAD).orElseThrow().text()).isEqualTo(
                "Seeds matter most at lr 0.01 · batch 32: its final validation loss ranged from 0.1 to 0.2 over 3 runs; "
                        + "the median range over all settings is 0.055.");
    }
}
