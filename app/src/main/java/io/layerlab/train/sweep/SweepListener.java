package io.layerlab.train.sweep;

import io.layerlab.train.EpochEvent;
import io.layerlab.train.IterationEvent;
import io.layerlab.train.StartEvent;

/**
 * Follows a sweep as it runs, run by run. Every event names its run, so a chart can draw each
 * run's curve as it forms. Events arrive on the sweep's threads, several runs at once:
 * implementations must be thread-safe and return quickly (copy the numbers, hand them to their own
 * thread, never block). An exception thrown from a run's start, iteration or epoch event fails
 * that run (it is reported as failed with the exception's message); one thrown from the other
 * events fails the sweep once its runs have ended.
 */
public interface SweepListener {
    /** Before the first run, with every run the sweep will start (unless cancelled). */
    default void onSweepStarted(SweepPlan plan) {
    }

    default void onRunStarted(RunKey run, StartEvent event) {
    }

    /** At most {@link Sweep#ITERATION_EVENTS_PER_SECOND} per run. */
    default void onIteration(RunKey run, IterationEvent event) {
    }

    default void onEpoch(RunKey run, EpochEvent event) {
    }

    /** A run ended: completed, diverged, stopped by a cancel, or failed. */
    default void onRunFinished(SweepRun run) {
    }

    /** After the last run ended, also after a cancel. */
    default void onSweepFinished(SweepResult result) {
    }
}
