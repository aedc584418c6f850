package io.layerlab.train;

/**
 * One completed epoch. {@code trainLoss} is the mean minibatch loss over the epoch.
 * {@code valLoss} is null without validation data; {@code valAccuracy} is null for regression or
 * without validation data. {@code samplesPerSecond} is this epoch's training throughput (validation
 * and pauses excluded); {@code elapsedSeconds} is the active time since the run started.
 * {@code best} says whether this epoch's weights are the best so far (the ones the run will keep).
 */
public record EpochEvent(int epoch, int iteration, double trainLoss, Double valLoss, Double valAccuracy,
                         double learningRate, double samplesPerSecond, double elapsedSeconds, boolean best) {
}
