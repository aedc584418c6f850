package io.layerlab.train;

/**
 * Keeps optional work on the training thread (statistics, a decision boundary) to a fixed share of
 * its time: after work that took {@code t}, the next may start only when {@code t / share} has
 * passed since the last one started. A network ten times as large is measured ten times less often,
 * so the cost to training stays the same whatever the model. Times are passed in.
 */
final class DutyCycle {
    private final double share;
    private long lastStart;
    private long lastCost;
    private boolean started;

    /** @param share the largest fraction of elapsed time the work may take, e.g. 0.01 */
    DutyCycle(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be above 0 and at most 1, was " + share);
        }
        this.share = share;
    }

    /** Whether work may start at {@code nowNanos}. */
    boolean ready(long nowNanos) {
        return !started || nowNanos - lastStart >= lastCost / share;
    }

    /** Records work that ran from {@code startNanos} for {@code costNanos}. */
    void spent(long startNanos, long costNanos) {
        started = true;
        lastStart = startNanos;
        lastCost = costNanos;
    }
}
