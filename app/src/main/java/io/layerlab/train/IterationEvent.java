package io.layerlab.train;

/**
 * One training iteration (one minibatch update). {@code iteration} counts from 1 across the whole
 * run; {@code loss} is that minibatch's loss; {@code samplesPerSecond} is the training throughput
 * since the run started, pauses excluded.
 */
public record IterationEvent(int iteration, int epoch, double loss, double samplesPerSecond) {
}
