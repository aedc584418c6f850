package io.layerlab.train.sweep;

import java.util.List;

/**
 * One thing the measured curves of a sweep show, in a sentence that names its numbers.
 *
 * @param kind         what it is about
 * @param text         the sentence, e.g. "batch 8 curves are 3.1× noisier than batch 128 (...)"
 * @param combinations the combinations it is about, for a view to highlight; may be empty
 */
public record Observation(Kind kind, String text, List<Combination> combinations) {
    public enum Kind {
        /** Runs whose loss became NaN or exploded. */
        DIVERGED,
        /** Runs whose loss went up and down from epoch to epoch by a large part of what they learned. */
        OSCILLATED,
        /** Runs whose training loss fell too little in the epochs given. */
        TOO_SLOW,
        /** How the iteration-to-iteration noise of the loss changes with the batch size. */
        BATCH_NOISE,
        /** Which combination reached the target loss first, or that none did. */
        TARGET,
        /** The combination with the lowest final loss. */
        BEST,
        /** How much the final loss varies between repeats of one combination. */
        REPEAT_SPREAD
    }

    public Observation {
        combinations = List.copyOf(combinations);
    }

    @Override public String toString() { return text; }
}
