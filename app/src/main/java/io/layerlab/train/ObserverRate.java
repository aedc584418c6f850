package io.layerlab.train;

import java.time.Duration;

/**
 * How often an observer wants iteration events: every {@code everyIterations}-th iteration, and
 * no sooner than {@code minIntervalNanos} after the last one it received. Start, epoch, pause and
 * finish events are always delivered; they are rare and every chart point needs them.
 *
 * <p>{@code everyIterations == 0} means no iteration events at all.
 */
public record ObserverRate(int everyIterations, long minIntervalNanos) {

    public ObserverRate {
        if (everyIterations < 0) {
            throw new IllegalArgumentException("everyIterations must be 0 (never) or a positive count, was " + everyIterations);
        }
        if (minIntervalNanos < 0) {
            throw new IllegalArgumentException("minIntervalNanos must be 0 or positive, was " + minIntervalNanos);
        }
    }

    public static ObserverRate everyIteration() {
        return new ObserverRate(1, 0);
    }

    public static ObserverRate everyIterations(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("every N iterations needs N >= 1, was " + n);
        }
        return new ObserverRate(n, 0);
    }

    /** At most one iteration event per {@code interval}, whatever the iteration rate. */
    public static ObserverRate atMostEvery(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative, was " + interval);
        }
        return new ObserverRate(1, interval.toNanos());
    }

    /** Epoch (and start, pause, finish) events only. */
    public static ObserverRate epochsOnly() {
        return new ObserverRate(0, 0);
    }

    /** This rate, also limited to at most one iteration event per {@code interval}. */
    public ObserverRate atMostEveryAlso(Duration interval) {
        return new ObserverRate(everyIterations, Math.max(minIntervalNanos, interval.toNanos()));
    }

    public boolean wantsIterations() {
        return everyIterations > 0;
    }
}
