package io.layerlab.train;

/**
 * What a run ended with. The metrics describe the weights the network holds after the run: those
 * of {@code bestEpoch} (see {@link Trainer} for how the best epoch is chosen). When no epoch
 * completed, {@code bestEpoch} is 0, {@code trainLoss} is the mean loss of the healthy iterations
 * that ran (null if none), the validation metrics are null, and the network keeps the parameters it
 * had when the run ended: after a divergence they are not usable, so do not save that model.
 *
 * @param epochs           completed epochs
 * @param iterations       minibatch updates performed
 * @param valLoss          null without validation data
 * @param valAccuracy      null for regression or without validation data
 * @param bestValLoss      validation loss of {@code bestEpoch}; null without validation data
 * @param seconds          active run time, pauses excluded
 * @param samplesPerSecond training throughput, validation and pauses excluded
 * @param hint             a plain-language explanation when the run diverged, otherwise null
 * @param history          every iteration's loss and every epoch's metrics
 */
public record TrainingResult(int epochs, int iterations, Double trainLoss, Double valLoss, Double valAccuracy,
                             int bestEpoch, Double bestValLoss, long parameters, double seconds,
                             double samplesPerSecond, StopReason stopReason, String hint, RunHistory history) {

    public boolean diverged() {
        return stopReason == StopReason.DIVERGED;
    }
}
