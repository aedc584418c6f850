package io.layerlab.train.sweep;

/**
 * The measured numbers of one run that {@link CurveObservations} reads: plain arrays, so
 * observations can be checked on curves made up for the purpose.
 *
 * @param initialLoss    the untrained network's loss on the same data as {@code epochLoss} (epoch 0); NaN when unknown
 * @param epochLoss      the loss per epoch the sweep compares (validation loss when there is validation data)
 * @param trainLoss      each epoch's mean training loss
 * @param iterationLoss  every minibatch's training loss, in order
 * @param message        why the run diverged or failed; null otherwise
 * @param epochsToTarget  first epoch at or below the target loss; null when none or no target
 * @param secondsToTarget training time until the end of that epoch; null likewise
 * @param finalAccuracy   validation accuracy of the last epoch; null for regression or without validation
 */
public record RunCurves(RunKey key, double initialLoss, double[] epochLoss, double[] trainLoss, float[] iterationLoss, RunStatus status,
                        String message, Integer epochsToTarget, Double secondsToTarget,
                        Double finalAccuracy) {
    public boolean diverged() {
        return status == RunStatus.DIVERGED;
    }
}
