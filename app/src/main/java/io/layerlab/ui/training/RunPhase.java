package io.layerlab.ui.training;

/** Where the dashboard's current run is. */
public enum RunPhase {
    /** No run in progress: settings can be changed and a run started. */
    IDLE,
    /** Compiling the network and loading the data (the first time also loading ND4J). */
    PREPARING,
    RUNNING,
    /** A pause was asked for; the run halts after the current iteration. */
    PAUSING,
    PAUSED,
    /** A stop was asked for; the run ends after the current iteration. */
    STOPPING;

    public boolean isActive() {
        return this != IDLE;
    }
}
