package io.layerlab.data;

import io.layerlab.shape.TensorShape;
import java.util.ArrayList;
import java.util.List;

/**
 * A data set as plain Java arrays, before any split or standardisation: one row per example,
 * its feature values, and either a class label or real-valued targets. The designer draws these
 * points without touching ND4J.
 *
 * <p>Every example is one flat row, whatever its {@linkplain #exampleShape() shape}: an image
 * {@code [h, w, c]} is stored channels last, row by row ({@code (r * w + col) * c + channel}), a
 * sequence {@code [t, f]} step by step ({@code step * f + feature}), the layout {@code predict}
 * reads; the loader rearranges it for DL4J. A sequence of token ids ({@link #isTokens()}) holds
 * whole numbers from 0 to {@code vocabulary - 1}, one per step.
 *
 * <p>Immutable: the factories take ownership of the arrays they are given and the accessors
 * hand out single values or copies.
 */
public final class RawDataset {
    /** The brightest gray level of an image: pixels are 8-bit, as in image files. */
    public static final int MAX_GRAY = 255;

    private final Task task;
    private final double[][] features;
    private final int[] labels;
    private final double[][] targets;
    private final List<String> featureNames;
    private final List<String> classNames;
    private final List<String> targetNames;
    private final TensorShape exampleShape;
    /** Distinct token ids when every value is one; 0 for real-valued features. */
    private final int vocabulary;

    private RawDataset(Task task, double[][] features, int[] labels, double[][] targets, List<String> featureNames,
                       List<String> classNames, List<String> targetNames, TensorShape exampleShape, int vocabulary) {
        if (exampleShape.size() != featureNames.size()) {
            throw new IllegalArgumentException("an example of shape " + exampleShape + " has " + exampleShape.size()
                    + " values, not " + featureNames.size());
        }
        this.task = task;
        this.features = features;
        this.labels = labels;
        this.targets = targets;
        this.featureNames = List.copyOf(featureNames);
        this.classNames = List.copyOf(classNames);
        this.targetNames = List.copyOf(targetNames);
        this.exampleShape = exampleShape;
        this.vocabulary = vocabulary;
        for (double[] row : features) {
            if (row.length != featureNames.size()) {
                throw new IllegalArgumentException("every row needs " + featureNames.size() + " features, one had " + row.length);
            }
        }
    }

    /** Takes ownership of the arrays. Labels run from 0 to {@code classNames.size() - 1}. */
    static RawDataset classification(double[][] features, int[] labels, List<String> featureNames, List<String> classNames) {
        checkLabels(features, labels, classNames);
        return new RawDataset(Task.CLASSIFICATION, features, labels, null, featureNames, classNames, List.of(),
                TensorShape.features(featureNames.size()), 0);
    }

    /**
     * Images to classify, each a flat row of {@code shape.size()} gray levels from 0 (black) to
     * {@value #MAX_GRAY} (white), laid out as the class comment says. Takes ownership of the arrays.
     */
    static RawDataset imageClassification(double[][] pixels, int[] labels, TensorShape shape, List<String> classNames) {
        if (shape.kind() != TensorShape.Kind.IMAGE) throw new IllegalArgumentException("not an image shape: " + shape);
        checkLabels(pixels, labels, classNames);
        for (int r = 0; r < pixels.length; r++) {
            for (double v : pixels[r]) {
                if (!(v >= 0 && v <= MAX_GRAY)) throw new IllegalArgumentException("image " + r + " has gray level " + v + " outside 0.." + MAX_GRAY);
            }
        }
        return new RawDataset(Task.CLASSIFICATION, pixels, labels, null, pixelNames(shape), classNames, List.of(), shape, 0);
    }

    /** Sequences of real values to classify, each a flat row laid out step by step. Takes ownership of the arrays. */
    static RawDataset sequenceClassification(double[][] rows, int[] labels, TensorShape shape, List<String> classNames) {
        if (shape.kind() != TensorShape.Kind.SEQUENCE) throw new IllegalArgumentException("not a sequence shape: " + shape);
        checkLabels(rows, labels, classNames);
        return new RawDataset(Task.CLASSIFICATION, rows, labels, null, stepNames(shape), classNames, List.of(), shape, 0);
    }

    /**
     * Sequences of token ids to classify, shape {@code [t, 1]}: every value a whole number from 0 to
     * {@code vocabulary - 1}. Takes ownership of the arrays.
     */
    static RawDataset tokenClassification(double[][] ids, int[] labels, int steps, int vocabulary, List<String> classNames) {
        if (vocabulary < 2) throw new IllegalArgumentException("a vocabulary has at least 2 tokens, not " + vocabulary);
        checkLabels(ids, labels, classNames);
        for (int r = 0; r < ids.length; r++) {
            for (double v : ids[r]) {
                if (v != Math.rint(v) || v < 0 || v >= vocabulary) {
                    throw new IllegalArgumentException("sequence " + r + " has token id " + v + "; ids are whole numbers 0.." + (vocabulary - 1));
                }
            }
        }
        TensorShape shape = TensorShape.sequence(steps, 1);
        return new RawDataset(Task.CLASSIFICATION, ids, labels, null, stepNames(shape), classNames, List.of(), shape, vocabulary);
    }

    /** {@code t1, t2, ...} for one feature per step; {@code t1f1, t1f2, ...} for several. */
    private static List<String> stepNames(TensorShape shape) {
        List<String> names = new ArrayList<>((int) shape.size());
        for (int t = 1; t <= shape.timeSteps(); t++) {
            for (int f = 1; f <= shape.lastDim(); f++) names.add("t" + t + (shape.lastDim() > 1 ? "f" + f : ""));
        }
        return names;
    }

    private static void checkLabels(double[][] features, int[] labels, List<String> classNames) {
        if (labels.length != features.length) throw new IllegalArgumentException(features.length + " rows but " + labels.length + " labels");
        for (int label : labels) {
            if (label < 0 || label >= classNames.size()) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (classNames.size() - 1));
            }
        }
    }

    /** {@code r0c0, r0c1, ...} for one channel; {@code r0c0ch0, r0c0ch1, ...} for several. */
    private static List<String> pixelNames(TensorShape shape) {
        List<String> names = new ArrayList<>((int) shape.size());
        for (int r = 0; r < shape.height(); r++) {
            for (int c = 0; c < shape.width(); c++) {
                for (int ch = 0; ch < shape.channels(); ch++) {
                    names.add("r" + r + "c" + c + (shape.channels() > 1 ? "ch" + ch : ""));
                }
            }
        }
        return names;
    }

    /** Takes ownership of the arrays. */
    static RawDataset regression(double[][] features, double[][] targets, List<String> featureNames, List<String> targetNames) {
        if (targets.length != features.length) throw new IllegalArgumentException(features.length + " rows but " + targets.length + " targets");
        for (double[] row : targets) {
            if (row.length != targetNames.size()) throw new IllegalArgumentException("every row needs " + targetNames.size() + " targets");
        }
        return new RawDataset(Task.REGRESSION, features, null, targets, featureNames, List.of(), targetNames,
                TensorShape.features(featureNames.size()), 0);
    }

    public Task task() { return task; }

    public int size() { return features.length; }

    /** Values in one example's row. */
    public int featureCount() { return featureNames.size(); }

    /** The shape of one example: {@code [n]} features, an image {@code [h, w, c]} (channels last) or a sequence {@code [t, f]}. */
    public TensorShape exampleShape() { return exampleShape; }

    public boolean isImages() { return exampleShape.kind() == TensorShape.Kind.IMAGE; }

    public boolean isSequences() { return exampleShape.kind() == TensorShape.Kind.SEQUENCE; }

    /** Every value is a token id for an Embedding layer, not a measurement. */
    public boolean isTokens() { return vocabulary > 0; }

    /** How many distinct token ids the rows may hold (0 to this minus 1); 0 unless {@link #isTokens()}. */
    public int vocabulary() { return vocabulary; }

    /** The largest token id any row holds, -1 when there are no rows (token data only). */
    public int largestTokenId() {
        if (!isTokens()) throw new IllegalStateException("a data set of measured values has no token ids");
        double largest = -1;
        for (double[] row : features) for (double v : row) largest = Math.max(largest, v);
        return (int) largest;
    }

    /** Number of classes; 0 for regression. */
    public int classCount() { return classNames.size(); }

    /** Number of target values per row; 0 for classification. */
    public int targetCount() { return targetNames.size(); }

    public List<String> featureNames() { return featureNames; }

    /** Class names by label; empty for regression. */
    public List<String> classNames() { return classNames; }

    /** Names of the regression targets; empty for classification. */
    public List<String> targetNames() { return targetNames; }

    public double feature(int row, int column) { return features[row][column]; }

    /** The class of a row (classification only). */
    public int label(int row) {
        requireTask(Task.CLASSIFICATION, "labels");
        return labels[row];
    }

    /** A target value of a row (regression only). */
    public double target(int row, int column) {
        requireTask(Task.REGRESSION, "targets");
        return targets[row][column];
    }

    /** A copy of every row's features. */
    public double[][] features() { return deepCopy(features); }

    /** A copy of the labels (classification only). */
    public int[] labels() {
        requireTask(Task.CLASSIFICATION, "labels");
        return labels.clone();
    }

    /** A copy of the targets (regression only). */
    public double[][] targets() {
        requireTask(Task.REGRESSION, "targets");
        return deepCopy(targets);
    }

    /** How many rows each class has, by label; empty for regression. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        if (labels != null) for (int label : labels) counts[label]++;
        return counts;
    }

    /** The given rows, in the given order, as a new data set. */
    public RawDataset select(int[] rows) {
        double[][] f = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) f[i] = features[rows[i]].clone();
        if (task == Task.CLASSIFICATION) {
            int[] l = new int[rows.length];
            for (int i = 0; i < rows.length; i++) l[i] = labels[rows[i]];
            return new RawDataset(task, f, l, null, featureNames, classNames, targetNames, exampleShape, vocabulary);
        }
        double[][] t = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) t[i] = targets[rows[i]].clone();
        return new RawDataset(task, f, null, t, featureNames, classNames, targetNames, exampleShape, vocabulary);
    }

    // Package-private direct access for the loader, which copies into ND4J buffers anyway.
    double[] featureRow(int row) { return features[row]; }

    double[] targetRow(int row) { return targets[row]; }

    private void requireTask(Task wanted, String what) {
        if (task != wanted) throw new IllegalStateException("a " + task.name().toLowerCase() + " data set has no " + what);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
