package io.layerlab.train;

/** Where a trainer is in its life; a trainer runs once. */
public enum TrainerState {
    READY,
    RUNNING,
    PAUSED,
    FINISHED
}
