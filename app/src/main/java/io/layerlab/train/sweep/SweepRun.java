package io.layerlab.train.sweep;

import io.layerlab.train.RunHistory;
import io.layerlab.train.StopReason;
import io.layerlab.train.TrainingResult;

/**
 * What one run of a sweep measured. Losses are validation losses when the project holds validation
 * data back ({@code validated}), otherwise each epoch's mean training loss; either way they are
 * the run's {@linkplain #curve() curve}, and {@code initialLoss} is its epoch 0.
 *
 * <h2>Diverged</h2>
 * A run counts as diverged when the trainer stopped it (the loss became NaN or infinite, or grew
 * far beyond its start), and also when its minibatch loss exploded to more than
 * {@value #EXPLOSION_FACTOR} times the untrained network's loss and the run never recovered: its
 * last epoch's training loss is above {@value #RECOVERED_SHARE} of that untrained loss. Adam at a
 * huge rate does this: the first updates throw the weights so far that every ReLU dies, the loss
 * spikes, then settles near chance level, finite, so the trainer's guard lets the run complete.
 *
 * @param status         the sweep's verdict
 * @param stopReason     how the trainer ended the run; null when it failed before training
 * @param epochs         completed epochs
 * @param initialLoss    the untrained network's loss on the curve's data (epoch 0); null when unknown
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
public record SweepRun(RunKey key, RunStatus status, StopReason stopReason, int epochs, int iterations, Double initialLoss,
                       Double finalLoss, Double bestLoss, Double finalAccuracy, Double bestAccuracy, Integer epochsToTarget,
                       Double secondsToTarget, double seconds, boolean validated, String message, RunHistory history) {
    public static final double EXPLOSION_FACTOR = 5;
    public static final double RECOVERED_SHARE = 0.5;

    static SweepRun of(RunKey key, TrainingResult result, boolean validated, double initialLoss, Double targetLoss,
                       double seconds) {
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
        Double secondsToTarget = toTarget == null ? null : history.epochSeconds()[toTarget - 1];
        RunStatus status = switch (result.stopReason()) {
            case COMPLETED -> RunStatus.COMPLETED;
            case DIVERGED -> RunStatus.DIVERGED;
            case STOPPED -> RunStatus.STOPPED;
        };
        String message = result.stopReason() == StopReason.DIVERGED ? result.hint() : null;
        String explosion = status == RunStatus.DIVERGED ? null : explosion(history, initialLoss);
        if (explosion != null) {
            status = RunStatus.DIVERGED;
            message = explosion;
        }
        return new SweepRun(key, status, result.stopReason(), result.epochs(), result.iterations(), finite(initialLoss),
                finalLoss, bestLoss, finalAccuracy, bestAccuracy, toTarget, secondsToTarget, seconds, validated, message,
                history);
    }

    static SweepRun failed(RunKey key, String message, double seconds) {
        return new SweepRun(key, RunStatus.FAILED, null, 0, 0, null, null, null, null, null, null, null, seconds, false,
                message, null);
    }

    /** Why the run counts as diverged although the trainer completed it; null when it does not. */
    static String explosion(RunHistory history, double initialLoss) {
        double[] train = history.trainLosses();
        if (!(initialLoss > 0) || train.length == 0) return null;
        float[] losses = history.iterationLosses();
        int peakAt = 0;
        for (int i = 1; i < losses.length; i++) {
            if (losses[i] > losses[peakAt]) peakAt = i;
        }
        double peak = losses.length == 0 ? Double.NaN : losses[peakAt];
        double last = train[train.length - 1];
        if (peak > EXPLOSION_FACTOR * initialLoss && last > RECOVERED_SHARE * initialLoss) {
            return "The loss exploded to " + CurveObservations.num(peak) + " at iteration " + (peakAt + 1) + ", "
                    + Math.round(peak / initialLoss) + "× the untrained network's " + CurveObservations.num(initialLoss)
                    + ", and never recovered: the last epoch's training loss was " + CurveObservations.num(last)
                    + ". The learning rate is too high.";
        }
        return null;
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
        return new RunCurves(key, initialLoss == null ? Double.NaN : initialLoss, curve(), trainCurve(), iterationLosses(),
                status, message, epochsToTarget, secondsToTarget, finalAccuracy);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
