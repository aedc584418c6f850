package io.layerlab.train;

/** Sent once, before the first iteration. */
public record StartEvent(int epochs, long parameters, String optimizer, double learningRate, boolean hasValidation,
                         TaskKind task) {
}
