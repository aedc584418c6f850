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

    /** Halted or halting: the next pause-or-resume resumes. */
    public boolean isPaused() {
        return this == PAUSED || this == PAUSING;
    }

    /** What pause-or-resume does now, as its button and menu item name it. */
    public String pauseOrResumeWord() {
        return isPaused() ? "Resume" : "Pause";
    }

    /** The icon of the button and menu item that pause or resume (Ikonli literal). */
    public String pauseOrResumeIcon() {
        return isPaused() ? "mdi2p-play" : "mdi2p-pause";
    }

    /** A run that can be paused or resumed now (not while none trains or one is stopping). */
    public boolean canPauseOrResume() {
        return this != IDLE && this != STOPPING;
    }
}
