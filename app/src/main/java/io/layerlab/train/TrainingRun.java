package io.layerlab.train;

import io.layerlab.data.Task;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of a {@link Trainer}: the epoch loop, its counters and clocks, and the result. Lives on
 * the training thread only; the {@link RunControl} and the state are how other threads reach it.
 */
final class TrainingRun {
    private final ComputationGraph net;
    private final DataSetIterator source;
    private final DataSetIterator validationData;
    private final TrainingSpec spec;
    private final Task task;
    private final Registration[] observers;
    private final boolean anyIterationObserver;
    private final RunControl control;
    private final AtomicReference<TrainerState> state;

    private final RunHistory history = new RunHistory();
    private final DivergenceGuard guard;
    private final BestWeights bestWeights = new BestWeights();
    private final String learningRateLayer;
    private final long startNanos = System.nanoTime();

    private long pausedNanos;
    /** Time spent in training loops (not validation), pauses excluded, up to the current epoch. */
    private long trainingNanos;
    private long epochStartNanos;
    private long epochPausedNanos;
    private int iteration;
    private long samples;
    private long samplesAtEpochStart;
    private int completedEpochs;
    private StopReason stopReason;
    private String hint;

    /** Sum and count of the current epoch's healthy minibatch losses. */
    private double epochLossSum;
    private int epochBatches;

    private double bestTrainLoss = Double.NaN;
    private Double bestValLoss;
    private Double bestValAccuracy;

    TrainingRun(ComputationGraph net, DataSetIterator source, DataSetIterator validationData, TrainingSpec spec, Task task,
                Registration[] observers, RunControl control, AtomicReference<TrainerState> state) {
        this.net = net;
        this.source = source;
        this.validationData = validationData;
        this.spec = spec;
        this.task = task;
        this.observers = observers;
        this.control = control;
        this.state = state;
        boolean wantsIterations = false;
        for (Registration r : observers) {
            wantsIterations |= r.throttle().wantsIterations();
        }
        this.anyIterationObserver = wantsIterations;
        this.guard = new DivergenceGuard(spec.optimizer(), spec.learningRate());
        this.learningRateLayer = firstLayerWithLearningRate(net);
    }

    TrainingResult execute() {
        InPlaceUpdates.attachTo(net);
        StartEvent start = new StartEvent(spec.epochs(), net.numParams(), spec.optimizer(), spec.learningRate(),
                validationData != null, task);
        for (Registration r : observers) {
            r.observer().onStart(start);
        }
        for (int epoch = 1; epoch <= spec.epochs() && stopReason == null; epoch++) {
            if (epoch > 1) {
                source.reset();
            }
            bestWeights.networkChanging();
            trainOneEpoch(epoch);
            if (stopReason == null) {
                finishEpoch(epoch);
            }
        }
        if (stopReason == null) {
            stopReason = StopReason.COMPLETED;
        }
        TrainingResult result = restoreBestAndSummarise();
        for (Registration r : observers) {
            r.observer().onFinished(result);
        }
        return result;
    }

    /** One pass over the data; sets {@link #stopReason} when the run must end early. */
    private void trainOneEpoch(int epoch) {
        epochStartNanos = System.nanoTime();
        epochPausedNanos = 0;
        samplesAtEpochStart = samples;
        epochLossSum = 0;
        epochBatches = 0;
        while (source.hasNext()) {
            if (control.pauseRequested()) {
                waitWhilePaused();
            }
            if (control.stopRequested() || Thread.currentThread().isInterrupted()) {
                stopReason = StopReason.STOPPED;
                break;
            }
            DataSet batch = source.next();
            net.fit(batch);
            iteration++;
            double loss = net.score(); // a field DL4J filled during backprop: no device sync
            history.addIteration(loss);
            samples += batch.numExamples();
            String divergence = guard.check(iteration, loss);
            if (divergence != null) {
                stopReason = StopReason.DIVERGED;
                hint = divergence;
                break;
            }
            epochLossSum += loss;
            epochBatches++;
            if (anyIterationObserver) {
                publishIteration(epoch, loss);
            }
        }
        trainingNanos += System.nanoTime() - epochStartNanos - epochPausedNanos;
        if (stopReason == null && epochBatches == 0) {
            throw new IllegalArgumentException("The training data gave no minibatches in epoch " + epoch
                    + "; it needs at least one example.");
        }
    }

    private void waitWhilePaused() {
        long pausedAt = System.nanoTime();
        state.set(TrainerState.PAUSED);
        for (Registration r : observers) {
            r.observer().onPaused(iteration);
        }
        control.awaitResumeOrStop();
        state.set(TrainerState.RUNNING);
        long paused = System.nanoTime() - pausedAt;
        pausedNanos += paused;
        epochPausedNanos += paused;
        if (!control.stopRequested()) {
            for (Registration r : observers) {
                r.observer().onResumed(iteration);
            }
        }
    }

    /** Builds the event only if some observer's rate lets this iteration through. */
    private void publishIteration(int epoch, double loss) {
        long now = System.nanoTime();
        IterationEvent event = null;
        for (Registration r : observers) {
            if (r.throttle().admit(iteration, now)) {
                if (event == null) {
                    long activeTraining = trainingNanos + (now - epochStartNanos - epochPausedNanos);
                    event = new IterationEvent(iteration, epoch, loss, perSecond(samples, activeTraining));
                }
                r.observer().onIteration(event);
            }
        }
    }

    private void finishEpoch(int epoch) {
        long epochTrainingNanos = System.nanoTime() - epochStartNanos - epochPausedNanos;
        double trainLoss = epochLossSum / epochBatches;
        ValidationMeasure validation = validationData == null ? null : ValidationMeasure.of(net, validationData, task);
        double selectionLoss = validation == null ? trainLoss : validation.loss();
        boolean best = bestWeights.offer(epoch, selectionLoss, epoch == spec.epochs(), net);
        Double valLoss = validation == null ? null : validation.loss();
        Double valAccuracy = validation == null ? null : validation.accuracy();
        if (best) {
            bestTrainLoss = trainLoss;
            bestValLoss = valLoss;
            bestValAccuracy = valAccuracy;
        }
        double learningRate = currentLearningRate();
        double elapsed = (System.nanoTime() - startNanos - pausedNanos) / 1e9;
        history.addEpoch(trainLoss, nanIfNull(valLoss), nanIfNull(valAccuracy), learningRate, elapsed);
        net.incrementEpochCount(); // epoch-based schedules and the saved model see the epochs trained
        completedEpochs = epoch;
        EpochEvent event = new EpochEvent(epoch, iteration, trainLoss, valLoss, valAccuracy, learningRate,
                perSecond(samples - samplesAtEpochStart, epochTrainingNanos), elapsed, best);
        for (Registration r : observers) {
            r.observer().onEpoch(event);
        }
    }

    private TrainingResult restoreBestAndSummarise() {
        int bestEpoch = bestWeights.epoch();
        bestWeights.restoreInto(net);
        Double trainLoss = null;
        if (bestEpoch > 0) {
            trainLoss = bestTrainLoss;
        } else if (epochBatches > 0) {
            trainLoss = epochLossSum / epochBatches;
        }
        double seconds = (System.nanoTime() - startNanos - pausedNanos) / 1e9;
        return new TrainingResult(completedEpochs, iteration, trainLoss, bestValLoss, bestValAccuracy, bestEpoch,
                bestValLoss, net.numParams(), seconds, perSecond(samples, trainingNanos), stopReason, hint, history);
    }

    private double currentLearningRate() {
        if (learningRateLayer != null) {
            Double rate = net.getLearningRate(learningRateLayer);
            if (rate != null) {
                return rate;
            }
        }
        return spec.learningRate();
    }

    /** The learning rate a person set is the one of the trainable layers; take the first. */
    private static String firstLayerWithLearningRate(ComputationGraph net) {
        for (Layer layer : net.getLayers()) {
            if (layer.numParams() > 0) {
                String name = layer.conf().getLayer().getLayerName();
                if (net.getLearningRate(name) != null) {
                    return name;
                }
            }
        }
        return null;
    }

    private static double perSecond(long count, long nanos) {
        return nanos <= 0 ? 0 : count * 1e9 / nanos;
    }

    private static double nanIfNull(Double value) {
        return value == null ? Double.NaN : value;
    }
}
