package io.layerlab.train.sweep;

import java.util.List;

/**
 * The curve of a learning-rate range test and the rate it suggests.
 *
 * <h2>The suggestion</h2>
 * The per-iteration loss scatters with each minibatch, so the curve is first smoothed with a
 * centred moving average over {@value #TREND_SHARE} of the points (at least 5), which, unlike the
 * running average shown live, does not lag behind the rate. The suggested rate is a tenth of the
 * rate at the lowest point of that trend (before the loss exploded): the classic rule of going one
 * decade back from where the loss stops falling, into the range where it still falls steadily.
 *
 * <p>The other common rule, the rate where the smoothed loss falls most steeply, was measured and
 * rejected: on small noisy data sets the steepest stretch is often the very first one, where only
 * the output layer's bias adjusts (on the spiral sample it pointed at 1e-5, three decades below any
 * rate that trains well), while a tenth of the minimum landed at 0.006 to 0.007 for batch sizes 16,
 * 32 and 128, close to the rates a sweep finds best there (0.01 to 0.03).
 *
 * @param points        one per iteration run, in order of growing rate
 * @param trend         the centred moving average of the points' losses, one value per point
 * @param ending        why the test ended
 * @param minLossRate   the rate at the lowest point of the trend; NaN with fewer than 10 points
 * @param minLoss       the trend's lowest value; NaN likewise
 * @param suggestedRate a tenth of {@code minLossRate}; NaN likewise
 */
public record LrRangeResult(List<LrRangeTest.Point> points, double[] trend, Ending ending, String optimizer,
                            int batchSize, LrRangeTest.Settings settings, double minLossRate, double minLoss,
                            double suggestedRate) {
    /** Share of the ramp's iterations the trend averages over. */
    public static final double TREND_SHARE = 0.05;
    private static final int MIN_POINTS = 10;

    public enum Ending {
        /** Every iteration of the ramp ran. */
        COMPLETED,
        /** The loss became non-finite or exceeded the explode factor times its lowest smoothed value. */
        EXPLODED,
        /** Someone stopped the test. */
        STOPPED
    }

    public LrRangeResult {
        points = List.copyOf(points);
    }

    static LrRangeResult of(List<LrRangeTest.Point> points, Ending ending, String optimizer, int batchSize,
                            LrRangeTest.Settings settings) {
        int n = points.size();
        int half = halfWindow(settings);
        double[] trend = new double[n];
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + points.get(i).loss();
        for (int i = 0; i < n; i++) {
            int lo = Math.max(0, i - half);
            int hi = Math.min(n - 1, i + half);
            trend[i] = (prefix[hi + 1] - prefix[lo]) / (hi - lo + 1);
        }
        if (n < MIN_POINTS) {
            return new LrRangeResult(points, trend, ending, optimizer, batchSize, settings, Double.NaN, Double.NaN, Double.NaN);
        }
        // The ends of a centred average see only half a window; search where it is whole when possible.
        int from = n > 2 * half + 1 ? half : 0;
        int to = n > 2 * half + 1 ? n - half : n;
        int lowest = from;
        for (int i = from; i < to; i++) {
            if (trend[i] < trend[lowest]) lowest = i;
        }
        double rate = points.get(lowest).learningRate();
        return new LrRangeResult(points, trend, ending, optimizer, batchSize, settings, rate, trend[lowest],
                LearningRates.round(rate / 10, 2));
    }

    /**
     * Whether the trend was lowest at the first point searched (half a window into the ramp): the
     * loss never fell, so no rate in the range helped.
     */
    public boolean neverFell() {
        if (points.isEmpty() || !Double.isFinite(minLossRate)) return false;
        int firstSearched = points.size() > 2 * halfWindow(settings) + 1 ? halfWindow(settings) : 0;
        return minLossRate <= points.get(firstSearched).learningRate();
    }

    /** Half the width of the trend's window: {@value #TREND_SHARE} of the ramp, at least 5 points wide. */
    private static int halfWindow(LrRangeTest.Settings settings) {
        return Math.max(5, (int) Math.round(settings.iterations() * TREND_SHARE)) / 2;
    }

    /** The suggestion in a sentence, with the numbers it rests on. */
    public String explanation() {
        if (Double.isNaN(suggestedRate)) {
            return "Too few iterations ran (" + points.size() + ") to suggest a learning rate.";
        }
        if (neverFell()) {
            return "The loss never fell below its start (its lowest point is at the first rates tried, from "
                    + LearningRates.format(settings.minRate()) + "): every rate in the range is too high, or the model "
                    + "cannot learn this data as it is.";
        }
        return "Suggested learning rate " + LearningRates.format(suggestedRate) + ": a tenth of "
                + LearningRates.format(minLossRate, 2) + ", where the smoothed loss was lowest ("
                + CurveObservations.num(minLoss) + ")" + (ending == Ending.EXPLODED ? ", before it exploded" : "") + ".";
    }
}
