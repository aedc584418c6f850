package io.layerlab.train;

/**
 * One finished training run, kept with its project: how it was set up, what it measured (every
 * curve, as primitive arrays in {@link TrainingResult#history()}), how it ended, and how the
 * network it kept does on held-out data.
 *
 * @param evaluation null when the run ended before any epoch completed (no usable network)
 */
public record RunRecord(RunSetup setup, TrainingResult result, RunEvaluation evaluation) {

    public int id() {
        return setup.id();
    }

    public String name() {
        return setup.name();
    }

    public int colourIndex() {
        return setup.colourIndex();
    }

    public RunHistory history() {
        return result.history();
    }

    public StopReason stopReason() {
        return result.stopReason();
    }

    public double seconds() {
        return result.seconds();
    }

    /** Training loss of the last completed epoch; NaN when none completed. */
    public double finalTrainLoss() {
        return last(result.history().trainLosses());
    }

    /** Validation loss of the last completed epoch; NaN without validation data or epochs. */
    public double finalValLoss() {
        return last(result.history().valLosses());
    }

    /** Validation accuracy of the last completed epoch; NaN for regression, without validation data or epochs. */
    public double finalValAccuracy() {
        return last(result.history().valAccuracies());
    }

    /** The epoch whose weights the run kept (0 if none completed). */
    public int bestEpoch() {
        return result.bestEpoch();
    }

    public Double bestValLoss() {
        return result.bestValLoss();
    }

    /** Validation accuracy of the best epoch; null for regression or without validation data. */
    public Double bestValAccuracy() {
        return result.valAccuracy();
    }

    private static double last(double[] values) {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }
}
