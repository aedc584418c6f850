package io.layerlab.train;

import io.layerlab.data.LoadedData;
import io.layerlab.data.Task;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

/**
 * How a trained network does on held-out data: a confusion matrix for classification, predictions
 * against the truth for regression. Measured on the validation part, or on the training part when
 * the project keeps no validation data (then {@link #part()} says so).
 */
public sealed interface RunEvaluation {

    /** "validation" or "training": which examples were measured. */
    String part();

    /**
     * {@code counts[truth][predicted]}: how many examples of class {@code truth} the network put
     * into class {@code predicted}.
     */
    record ConfusionMatrix(String part, List<String> classNames, int[][] counts) implements RunEvaluation {
        public int total() {
            int n = 0;
            for (int[] row : counts) {
                for (int c : row) {
                    n += c;
                }
            }
            return n;
        }

        public int correct() {
            int n = 0;
            for (int i = 0; i < counts.length; i++) {
                n += counts[i][i];
            }
            return n;
        }

        public double accuracy() {
            int total = total();
            return total == 0 ? Double.NaN : (double) correct() / total;
        }

        public int largestCount() {
            int max = 0;
            for (int[] row : counts) {
                for (int c : row) {
                    max = Math.max(max, c);
                }
            }
            return max;
        }
    }

    /** Predicted against true values in the data's own units, one pair per example and target. */
    record Predictions(String part, List<String> targetNames, float[] truth, float[] predicted) implements RunEvaluation {
        /** Root mean squared error over every pair. */
        public double rmse() {
            double sum = 0;
            for (int i = 0; i < truth.length; i++) {
                double d = predicted[i] - truth[i];
                sum += d * d;
            }
            return truth.length == 0 ? Double.NaN : Math.sqrt(sum / truth.length);
        }
    }

    /** Evaluates {@code net} in inference mode; call on the thread that owns the network. */
    static RunEvaluation of(ComputationGraph net, LoadedData data) {
        boolean validation = data.hasValidation();
        DataSet examples = validation ? data.validation().orElseThrow() : data.train();
        String part = validation ? "validation" : "training";
        INDArray output = net.outputSingle(false, examples.getFeatures());
        INDArray labels = examples.getLabels();
        if (data.task() == Task.CLASSIFICATION) {
            return confusion(part, data.classNames(), labels, output);
        }
        return new Predictions(part, data.raw().targetNames(), flat(labels), flat(output));
    }

    private static ConfusionMatrix confusion(String part, List<String> classNames, INDArray labels, INDArray output) {
        int classes = Math.max(classNames.size(), 2);
        int[][] counts = new int[classes][classes];
        float[] truth = flat(classesLast(labels));
        float[] predicted = flat(classesLast(output));
        int width = (int) labels.size(1);
        int rows = truth.length / width;
        for (int r = 0; r < rows; r++) {
            counts[argMax(truth, r, width)][argMax(predicted, r, width)]++;
        }
        return new ConfusionMatrix(part, List.copyOf(classNames), counts);
    }

    /** The class of row {@code r}: the largest of its values, or for one sigmoid output, whether it is above 0.5. */
    private static int argMax(float[] values, int r, int width) {
        int base = r * width;
        if (width == 1) {
            return values[base] > 0.5f ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < width; k++) {
            if (values[base + k] > values[base + best]) {
                best = k;
            }
        }
        return best;
    }

    /** Sequences [batch, classes, time] as [batch, time, classes], so each run of values is one prediction. */
    private static INDArray classesLast(INDArray array) {
        return array.rank() == 3 ? array.permute(0, 2, 1) : array;
    }

    private static float[] flat(INDArray array) {
        return array.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
