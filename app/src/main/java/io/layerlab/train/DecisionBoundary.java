package io.layerlab.train;

import io.layerlab.data.LoadedData;
import io.layerlab.data.RawDataset;
import io.layerlab.data.Task;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Evaluates a classifier of 2-D points on a grid over the data's bounding box (plus a margin), for
 * a heatmap of its decision behind the points. The grid's network input is built once; each
 * {@link #evaluate} is one inference pass over {@code size²} points (64×64 through a small MLP
 * takes well under a millisecond's worth of multiply-adds).
 *
 * <p>A DL4J network is not thread-safe: call {@link #evaluate} on the thread that trains it,
 * between iterations (a {@link TrainingObserver} does), or when no training runs.
 */
public final class DecisionBoundary {
    public static final int DEFAULT_SIZE = 64;
    /** Space around the data on each side, as a fraction of its extent. */
    public static final double MARGIN = 0.1;

    private final int size;
    private final int classCount;
    private final double minX;
    private final double maxX;
    private final double minY;
    private final double maxY;
    private final INDArray gridInput;

    private DecisionBoundary(int size, int classCount, double minX, double maxX, double minY, double maxY, INDArray gridInput) {
        this.size = size;
        this.classCount = classCount;
        this.minX = minX;
        this.maxX = maxX;
        this.minY = minY;
        this.maxY = maxY;
        this.gridInput = gridInput;
    }

    /** Whether {@code data} is a classification of points in a plane: two features. */
    public static boolean supports(LoadedData data) {
        return data.task() == Task.CLASSIFICATION && data.raw().featureCount() == 2 && data.raw().size() > 0;
    }

    /**
     * A grid of {@code size × size} cells over every point of {@code data}, training and validation.
     *
     * @throws IllegalArgumentException when the data is not 2-D classification (see {@link #supports})
     */
    public static DecisionBoundary over(LoadedData data, int size) {
        if (!supports(data)) {
            throw new IllegalArgumentException("A decision boundary needs classification data with 2 features; "
                    + "this data has " + data.raw().featureCount() + " features for " + data.task().name().toLowerCase() + ".");
        }
        if (size < 2 || size > 512) {
            throw new IllegalArgumentException("grid size must be between 2 and 512, was " + size);
        }
        RawDataset raw = data.raw();
        double[] bounds = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < raw.size(); i++) {
            bounds[0] = Math.min(bounds[0], raw.feature(i, 0));
            bounds[1] = Math.max(bounds[1], raw.feature(i, 0));
            bounds[2] = Math.min(bounds[2], raw.feature(i, 1));
            bounds[3] = Math.max(bounds[3], raw.feature(i, 1));
        }
        double marginX = margin(bounds[0], bounds[1]);
        double marginY = margin(bounds[2], bounds[3]);
        double minX = bounds[0] - marginX;
        double maxX = bounds[1] + marginX;
        double minY = bounds[2] - marginY;
        double maxY = bounds[3] + marginY;
        double[][] points = new double[size * size][];
        for (int row = 0; row < size; row++) {
            double y = maxY - (row + 0.5) * (maxY - minY) / size;
            for (int column = 0; column < size; column++) {
                points[row * size + column] = new double[]{minX + (column + 0.5) * (maxX - minX) / size, y};
            }
        }
        INDArray input = data.toNetworkInput(points);
        return new DecisionBoundary(size, data.classCount(), minX, maxX, minY, maxY, input);
    }

    private static double margin(double min, double max) {
        double extent = max - min;
        return extent > 0 ? extent * MARGIN : 1;
    }

    public int size() {
        return size;
    }

    /** The network's class and confidence for every cell, in inference mode (no dropout). */
    public BoundaryFrame evaluate(ComputationGraph net, int iteration) {
        INDArray output = net.outputSingle(false, gridInput);
        float[] values = output.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int cells = size * size;
        int outputs = (int) output.size(1);
        byte[] classes = new byte[cells];
        float[] confidence = new float[cells];
        for (int cell = 0; cell < cells; cell++) {
            int base = cell * outputs;
            if (outputs == 1) {
                // One sigmoid output: the probability of class 1.
                float p = values[base];
                classes[cell] = (byte) (p > 0.5f ? 1 : 0);
                confidence[cell] = p > 0.5f ? p : 1 - p;
            } else {
                int best = 0;
                for (int k = 1; k < outputs; k++) {
                    if (values[base + k] > values[base + best]) {
                        best = k;
                    }
                }
                classes[cell] = (byte) best;
                confidence[cell] = values[base + best];
            }
        }
        return new BoundaryFrame(size, minX, maxX, minY, maxY, Math.max(classCount, Math.max(outputs, 2)), classes,
                confidence, iteration);
    }
}
