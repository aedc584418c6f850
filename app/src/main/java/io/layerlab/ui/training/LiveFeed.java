package io.layerlab.ui.training;

import io.layerlab.train.BoundaryFrame;
import io.layerlab.train.EpochEvent;
import io.layerlab.train.IterationEvent;
import io.layerlab.train.LayerStatsEvent;
import io.layerlab.train.RunEvaluation;
import io.layerlab.train.TrainingObserver;
import io.layerlab.train.TrainingResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The hand-over point between one run's training thread and the JavaFX thread. The training side
 * appends numbers under a short lock and returns (no allocation per iteration beyond the array's
 * occasional growth; never a {@code Platform.runLater}); the JavaFX side takes everything new with
 * {@link #drain()} at its own pace, ten times a second at most.
 */
final class LiveFeed implements TrainingObserver {
    private final Object lock = new Object();
    private float[] losses = new float[512];
    private int lossCount;
    private int iteration;
    private int epoch;
    private double samplesPerSecond;
    private final List<EpochEvent> epochs = new ArrayList<>();
    private LayerStatsEvent stats;
    private BoundaryFrame boundary;
    private boolean paused;
    private PreparedRun prepared;
    private TrainingResult result;
    private RunEvaluation evaluation;
    private Throwable failure;
    private volatile boolean ended;
    /** Set by every report, cleared by {@link #drain()}: lets a ticker skip idle hand-overs without the lock. */
    private volatile boolean news;

    void prepared(PreparedRun run) {
        synchronized (lock) {
            news = true;
            prepared = run;
        }
    }

    @Override
    public void onIteration(IterationEvent event) {
        synchronized (lock) {
            news = true;
            if (lossCount == losses.length) {
                losses = java.util.Arrays.copyOf(losses, losses.length * 2);
            }
            losses[lossCount++] = (float) event.loss();
            iteration = event.iteration();
            epoch = event.epoch();
            samplesPerSecond = event.samplesPerSecond();
        }
    }

    @Override
    public void onEpoch(EpochEvent event) {
        synchronized (lock) {
            news = true;
            epochs.add(event);
        }
    }

    @Override
    public void onPaused(int atIteration) {
        synchronized (lock) {
            news = true;
            paused = true;
        }
    }

    @Override
    public void onResumed(int atIteration) {
        synchronized (lock) {
            news = true;
            paused = false;
        }
    }

    void stats(LayerStatsEvent event) {
        synchronized (lock) {
            news = true;
            stats = event;
        }
    }

    void boundary(BoundaryFrame frame) {
        synchronized (lock) {
            news = true;
            boundary = frame;
        }
    }

    void finished(TrainingResult runResult, RunEvaluation runEvaluation) {
        synchronized (lock) {
            news = true;
            result = runResult;
            evaluation = runEvaluation;
            paused = false;
            ended = true;
        }
    }

    void failed(Throwable cause) {
        synchronized (lock) {
            news = true;
            failure = cause;
            paused = false;
            ended = true;
        }
    }

    /** Whether anything was reported since the last drain. */
    boolean hasNews() {
        return news;
    }

    /** Whether the run has ended (its last batch may still be waiting to be drained). */
    boolean ended() {
        return ended;
    }

    /** Everything reported since the last drain. */
    FeedBatch drain() {
        synchronized (lock) {
            news = false;
            float[] taken = java.util.Arrays.copyOf(losses, lossCount);
            FeedBatch batch = new FeedBatch(prepared, taken, lossCount, iteration, epoch, samplesPerSecond,
                    List.copyOf(epochs), stats, boundary, paused, result, evaluation, failure);
            prepared = null;
            lossCount = 0;
            epochs.clear();
            stats = null;
            boundary = null;
            result = null;
            evaluation = null;
            failure = null;
            return batch;
        }
    }
}
