package io.layerlab.train.sweep;

import java.util.Locale;

/** How a run of a sweep ended. {@link #id()} is the word used in tables, JSON and CSV. */
public enum RunStatus {
    /** All epochs ran. */
    COMPLETED,
    /** The loss became NaN or exploded; the trainer stopped it. */
    DIVERGED,
    /** The sweep was cancelled while this run trained. */
    STOPPED,
    /** The run could not train (an error building or training it); see {@link SweepRun#message()}. */
    FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
