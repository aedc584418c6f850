package io.layerlab.ui.training;

import io.layerlab.train.EpochEvent;
import io.layerlab.train.RunHistory;

/**
 * One run's curves as the charts draw them, on the JavaFX thread: the loss of every iteration and
 * its smoothed version, and per epoch the training and validation loss and the validation accuracy.
 * Iteration {@code i} (from 1) is at index {@code i - 1}; epoch {@code e} at index {@code e - 1}.
 */
final class RunCurves {
    /** Weight of the past in the smoothed loss (an exponential moving average, debiased at the start). */
    static final double SMOOTHING = 0.9;

    private final FloatList iterationLoss = new FloatList(1024);
    private final FloatList smoothedLoss = new FloatList(1024);
    private final DoubleList trainLoss = new DoubleList();
    private final DoubleList valLoss = new DoubleList();
    private final DoubleList valAccuracy = new DoubleList();
    private double average;
    private int averaged;
    private int bestEpoch;
    private int divergedAt;

    /** Appends the losses of the next {@code count} iterations. */
    void addIterations(float[] losses, int count) {
        for (int i = 0; i < count; i++) {
            addIteration(losses[i]);
        }
    }

    void addIteration(float loss) {
        iterationLoss.add(loss);
        if (Float.isFinite(loss)) {
            average = SMOOTHING * average + (1 - SMOOTHING) * loss;
            averaged++;
        }
        smoothedLoss.add(averaged == 0 ? Float.NaN : (float) (average / (1 - Math.pow(SMOOTHING, averaged))));
    }

    void addEpoch(EpochEvent event) {
        trainLoss.add(event.trainLoss());
        valLoss.add(event.valLoss() == null ? Double.NaN : event.valLoss());
        valAccuracy.add(event.valAccuracy() == null ? Double.NaN : event.valAccuracy());
        if (event.best()) {
            bestEpoch = event.epoch();
        }
    }

    /**
     * Takes the finished run's own history as the final word: it holds every iteration, including
     * the one that diverged (which no iteration event reports), and every epoch.
     */
    void completeFrom(RunHistory history, int bestEpochKept, boolean diverged) {
        float[] losses = history.iterationLosses();
        for (int i = iterationLoss.size(); i < losses.length; i++) {
            addIteration(losses[i]);
        }
        // A run trained elsewhere (a sweep's) arrives with no epoch events: its history has them all.
        double[] train = history.trainLosses();
        double[] val = history.valLosses();
        double[] accuracy = history.valAccuracies();
        for (int e = trainLoss.size(); e < train.length; e++) {
            trainLoss.add(train[e]);
            valLoss.add(val[e]);
            valAccuracy.add(accuracy[e]);
        }
        bestEpoch = bestEpochKept;
        divergedAt = diverged ? losses.length : 0;
    }

    int iterations() {
        return iterationLoss.size();
    }

    int epochs() {
        return trainLoss.size();
    }

    float iterationLoss(int index) {
        return iterationLoss.get(index);
    }

    float smoothedLoss(int index) {
        return smoothedLoss.get(index);
    }

    double trainLoss(int index) {
        return trainLoss.get(index);
    }

    double valLoss(int index) {
        return valLoss.get(index);
    }

    double valAccuracy(int index) {
        return valAccuracy.get(index);
    }

    boolean hasValidation() {
        return valLoss.size() > 0 && !Double.isNaN(valLoss.last());
    }

    boolean hasAccuracy() {
        return valAccuracy.size() > 0 && !Double.isNaN(valAccuracy.last());
    }

    /** The epoch whose weights are the best so far (0 before the first epoch). */
    int bestEpoch() {
        return bestEpoch;
    }

    /** The iteration at which the run diverged, or 0. */
    int divergedAt() {
        return divergedAt;
    }

    /** The loss that chooses the best epoch: validation when there is validation data, else training. */
    double selectionLoss(int epochIndex) {
        double v = valLoss.get(epochIndex);
        return Double.isNaN(v) ? trainLoss.get(epochIndex) : v;
    }
}
