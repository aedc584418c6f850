package io.layerlab.train.sweep;

import io.layerlab.train.RunHistory;
import io.layerlab.train.StopReason;
import io.layerlab.train.TrainingResult;

/**
 * What one run of a sweep measured. Losses are validation losses when the project holds validation
 * data back ({@code validated}), otherwise each epoch's mean training loss; either way they are
 * the run's {@linkplain #curve() curve}.
 *
 * @param epochs         completed epochs
 * @param finalLoss      the last completed epoch's loss; null when no epoch completed
 * @param bestLoss       the lowest epoch loss; null when no epoch completed
 * @param finalAccuracy  validation accuracy of the last epoch; null for regression or without validation
 * @param bestAccuracy   the highest validation accuracy of any epoch; null likewise
 * @param epochsToTarget the first epoch whose loss reached the sweep's target (at or below); null when
 *                       none did or the sweep has no target
 * @param secondsToTarget training time until the end of that epoch; null likewise
 * @param seconds        wall-clock time of the run: building the network, training and validating
 * @param message        why it diverged or failed; null otherwise
 * @param history        every iteration's and epoch's numbers; null when the run failed before training
 */
public record SweepRun(RunKey key, RunStatus status, int epochs, int iterations, Double finalLoss, Double bestLoss,
                       Double finalAccuracy, Double bestAccuracy, Integer epochsToTarget, Double secondsToTarget, double seconds,
                       boolean validated, String message, RunHistory history) {

    static SweepRun of(RunKey key, TrainingResult result, boolean validated, Double targetLoss, double seconds) {
        RunHistory history = result.history();
        double[] curve = validated ? history.valLosses() : history.trainLosses();
        double[] accuracy = history.valAccuracies();
        Double finalLoss = curve.length == 0 ? null : finite(curve[curve.length - 1]);
        Double bestLoss = null;
        Integer toTarget = null;
        for (int i = 0; i < curve.length; i++) {
            if (Double.isFinite(curve[i]) && (bestLoss == null || curve[i] < bestLoss)) bestLoss = curve[i];
            if (toTarget == null && targetLoss != null && curve[i] <= targetLoss) toTarget = i + 1;
        }
        Double bestAccuracy = null;
        for (double a : accuracy) {
            if (Double.isFinite(a) && (bestAccuracy == null || a > bestAccuracy)) bestAccuracy = a;
        }
        Double finalAccuracy = accuracy.length == 0 ? null : finite(accuracy[accuracy.length - 1]);
        RunStatus status = switch (result.stopReason()) {
            case COMPLETED -> RunStatus.COMPLETED;
            case DIVERGED -> RunStatus.DIVERGED;
            case STOPPED -> RunStatus.STOPPED;
        };
        String message = result.stopReason() == StopReason.DIVERGED ? result.hint() : null;
        Double secondsToTarget = toTarget == null ? null : history.epochSeconds()[toTarget - 1];
        return new SweepRun(key, status, result.epochs(), result.iterations(), finalLoss, bestLoss, finalAccuracy,
                bestAccuracy, toTarget, secondsToTarget, seconds, validated, message, history);
    }

    static SweepRun failed(RunKey key, String message, double seconds) {
        return new SweepRun(key, RunStatus.FAILED, 0, 0, null, null, null, null, null, null, seconds, false, message, null);
    }

    public boolean diverged() {
        return status == RunStatus.DIVERGED;
    }

    /** The run's loss per epoch: validation loss when {@code validated}, otherwise training loss. */
    public double[] curve() {
        if (history == null) return new double[0];
        return validated ? history.valLosses() : history.trainLosses();
    }

    /** The loss of every iteration (one minibatch each). */
    public float[] iterationLosses() {
        return history == null ? new float[0] : history.iterationLosses();
    }

    /** Each epoch's mean training loss. */
    public double[] trainCurve() {
        return history == null ? new double[0] : history.trainLosses();
    }

    /** The numbers observations read from this run. */
    public RunCurves curves() {
        return new RunCurves(key, curve(), trainCurve(), iterationLosses(), status, message, epochsToTarget, secondsToTarget,
                finalAccuracy);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
