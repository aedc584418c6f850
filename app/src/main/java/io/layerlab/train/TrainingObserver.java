package io.layerlab.train;

/**
 * Receives training events on the trainer's thread. Implementations must return quickly: copy the
 * numbers and hand them to their own thread (the UI batches them into one redraw), never block.
 * An exception thrown here ends the run with that exception.
 */
public interface TrainingObserver {
    default void onStart(StartEvent event) {
    }

    /** Only for the iterations this observer's {@link ObserverRate} lets through. */
    default void onIteration(IterationEvent event) {
    }

    default void onEpoch(EpochEvent event) {
    }

    /** The trainer has stopped between iterations after {@code iteration} and waits for resume or stop. */
    default void onPaused(int iteration) {
    }

    default void onResumed(int iteration) {
    }

    default void onFinished(TrainingResult result) {
    }
}
