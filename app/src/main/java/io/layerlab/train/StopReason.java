package io.layerlab.train;

import java.util.Locale;

/** Why a run ended. {@link #id()} is the word used in JSON output and files. */
public enum StopReason {
    /** All epochs ran. */
    COMPLETED,
    /** Someone asked the trainer to stop. */
    STOPPED,
    /** The loss became NaN/infinite or grew far beyond its start. */
    DIVERGED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
