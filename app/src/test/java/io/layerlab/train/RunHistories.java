package io.layerlab.train;

/** Run histories made up for tests of what reads them, without training anything. */
public final class RunHistories {
    private RunHistories() { }

    /**
     * A history with these iteration losses and, per epoch, these training and validation losses and
     * validation accuracies (NaN where there are none); learning rate 0.01, one second per epoch.
     */
    public static RunHistory of(float[] iterationLosses, double[] train, double[] val, double[] accuracy) {
        RunHistory history = new RunHistory();
        for (float loss : iterationLosses) history.addIteration(loss);
        for (int e = 0; e < train.length; e++) history.addEpoch(train[e], val[e], accuracy[e], 0.01, e + 1.0);
        return history;
    }
}
