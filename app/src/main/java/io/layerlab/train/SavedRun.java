package io.layerlab.train;

import io.layerlab.model.TrainedModel;

/**
 * A finished run read back with its project: the run, and the network it kept when that was saved
 * beside it ({@link RunNetworks}).
 *
 * @param network        null when no network was saved for the run, or it could not be read
 * @param networkProblem why a saved network could not be read (file and what was wrong); null otherwise
 */
public record SavedRun(RunRecord record, TrainedModel network, String networkProblem) {
}
