package io.layerlab.train;

import io.layerlab.data.Task;

/** Sent once, before the first iteration. */
public record StartEvent(int epochs, long parameters, String optimizer, double learningRate, boolean hasValidation,
                         Task task) {
}
