package io.layerlab.train;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pause, resume and stop requests from any thread, honoured by the training thread between
 * iterations. The flags are volatile so the training loop checks them without taking a lock.
 */
final class RunControl {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile boolean pauseRequested;
    private volatile boolean stopRequested;

    void pause() {
        pauseRequested = true;
    }

    void resume() {
        lock.lock();
        try {
            pauseRequested = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void stop() {
        lock.lock();
        try {
            stopRequested = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean pauseRequested() {
        return pauseRequested;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /**
     * Blocks the training thread until resumed or stopped. An interrupt counts as a stop request,
     * so cancelling the worker ends the run cleanly.
     */
    void awaitResumeOrStop() {
        lock.lock();
        try {
            while (pauseRequested && !stopRequested) {
                changed.await();
            }
        } catch (InterruptedException e) {
            stopRequested = true;
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
