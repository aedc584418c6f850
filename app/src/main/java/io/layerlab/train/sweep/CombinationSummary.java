package io.layerlab.train.sweep;

import java.util.List;

/**
 * One combination's runs taken together over their repeats: per epoch the mean, lowest and
 * highest loss (the band a chart draws around the mean), and the spread of the final losses.
 * An epoch's statistics cover the runs that completed it with a finite loss; an epoch none did is
 * NaN in all three curves.
 *
 * @param finalLossMean mean final loss of the runs that did not diverge; null if none has one
 * @param diverged      how many of its runs diverged
 */
public record CombinationSummary(Combination combination, List<SweepRun> runs, double[] meanCurve, double[] minCurve,
                                 double[] maxCurve, Double finalLossMean, Double finalLossMin, Double finalLossMax,
                                 Double finalAccuracyMean, int diverged) {

    static CombinationSummary of(Combination combination, List<SweepRun> runs) {
        int epochs = runs.stream().mapToInt(r -> r.curve().length).max().orElse(0);
        double[] mean = new double[epochs];
        double[] min = new double[epochs];
        double[] max = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            double sum = 0;
            int n = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (SweepRun run : runs) {
                double[] curve = run.curve();
                if (e < curve.length && Double.isFinite(curve[e])) {
                    sum += curve[e];
                    n++;
                    lo = Math.min(lo, curve[e]);
                    hi = Math.max(hi, curve[e]);
                }
            }
            mean[e] = n == 0 ? Double.NaN : sum / n;
            min[e] = n == 0 ? Double.NaN : lo;
            max[e] = n == 0 ? Double.NaN : hi;
        }
        List<SweepRun> healthy = runs.stream().filter(r -> !r.diverged() && r.finalLoss() != null).toList();
        Double finalMean = healthy.isEmpty() ? null : healthy.stream().mapToDouble(SweepRun::finalLoss).average().orElseThrow();
        Double finalMin = healthy.isEmpty() ? null : healthy.stream().mapToDouble(SweepRun::finalLoss).min().orElseThrow();
        Double finalMax = healthy.isEmpty() ? null : healthy.stream().mapToDouble(SweepRun::finalLoss).max().orElseThrow();
        List<SweepRun> withAccuracy = healthy.stream().filter(r -> r.finalAccuracy() != null).toList();
        Double accuracy = withAccuracy.isEmpty() ? null
                : withAccuracy.stream().mapToDouble(SweepRun::finalAccuracy).average().orElseThrow();
        int diverged = (int) runs.stream().filter(SweepRun::diverged).count();
        return new CombinationSummary(combination, List.copyOf(runs), mean, min, max, finalMean, finalMin, finalMax,
                accuracy, diverged);
    }

    /** Whether every run of this combination diverged. */
    public boolean allDiverged() {
        return !runs.isEmpty() && diverged == runs.size();
    }
}
