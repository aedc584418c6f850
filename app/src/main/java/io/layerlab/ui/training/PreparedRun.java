package io.layerlab.ui.training;

import io.layerlab.data.LoadedData;
import io.layerlab.data.RawDataset;
import io.layerlab.data.Task;
import io.layerlab.train.TrainingSpec;

import java.util.List;

/**
 * What the dashboard needs to know about a run once its network is built and its data loaded:
 * sizes for the progress bar, and the points of 2-D data for the decision-boundary view (plain
 * arrays, copied on the worker so the UI never touches ND4J).
 *
 * @param pointsX   first feature of each point (training points first, then validation); empty unless 2-D
 * @param labels    class of each point; empty unless 2-D classification
 * @param trainingPoints how many of the points are training points
 */
record PreparedRun(Task task, long parameters, int iterationsPerEpoch, int epochs, int trainSize,
                   List<String> classNames, List<String> featureNames, boolean boundary,
                   double[] pointsX, double[] pointsY, int[] labels, int trainingPoints) {

    static PreparedRun of(LoadedData data, TrainingSpec spec, long parameters, boolean boundary) {
        int perEpoch = (int) Math.ceil(data.trainSize() / (double) spec.batchSize());
        if (!boundary) {
            return new PreparedRun(data.task(), parameters, perEpoch, spec.epochs(), data.trainSize(), data.classNames(),
                    data.featureNames(), false, new double[0], new double[0], new int[0], 0);
        }
        RawDataset train = data.rawTrain();
        RawDataset validation = data.rawValidation();
        int n = train.size() + validation.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            RawDataset part = i < train.size() ? train : validation;
            int row = i < train.size() ? i : i - train.size();
            xs[i] = part.feature(row, 0);
            ys[i] = part.feature(row, 1);
            labels[i] = part.label(row);
        }
        return new PreparedRun(data.task(), parameters, perEpoch, spec.epochs(), data.trainSize(), data.classNames(),
                data.featureNames(), true, xs, ys, labels, train.size());
    }

    int totalIterations() {
        return iterationsPerEpoch * epochs;
    }
}
