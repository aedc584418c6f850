package io.layerlab.train;

/**
 * Applies one observer's {@link ObserverRate} to the stream of iterations. Time is passed in, so
 * the decision is a pure function of the iteration, the clock reading and what was let through.
 */
final class Throttle {
    private final ObserverRate rate;
    private boolean admittedAny;
    private long lastAdmittedNanos;

    Throttle(ObserverRate rate) {
        this.rate = rate;
    }

    boolean wantsIterations() {
        return rate.wantsIterations();
    }

    /** Whether iteration {@code iteration} (1-based) at time {@code nowNanos} goes through; records it if so. */
    boolean admit(int iteration, long nowNanos) {
        if (!rate.wantsIterations() || iteration % rate.everyIterations() != 0) {
            return false;
        }
        if (admittedAny && rate.minIntervalNanos() > 0 && nowNanos - lastAdmittedNanos < rate.minIntervalNanos()) {
            return false;
        }
        admittedAny = true;
        lastAdmittedNanos = nowNanos;
        return true;
    }
}
