package io.layerlab.data;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Mini-batches over arrays already in memory, examples along the first axis (feature rows
 * {@code [n, f]} or images {@code [n, c, h, w]}). A batch is a view of consecutive examples, not a copy;
 * with shuffling, each pass first gathers the rows once into a new order drawn from the seed and
 * the pass number, so pass k has the same order in every run with the same seed.
 *
 * <p>{@link #reset()} starts the next pass; calling it before anything was read is harmless, so
 * callers may reset at the start of every epoch or only at the end. Not asynchronous: the data
 * is already in memory, and DL4J's prefetch thread would only add copies.
 */
final class ArrayDataSetIterator implements DataSetIterator {
    private final INDArray features;
    private final INDArray labels;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final List<String> classNames;

    private INDArray passFeatures;
    private INDArray passLabels;
    private int cursor;
    private int pass;
    private boolean orderPending = true;
    private DataSetPreProcessor preProcessor;

    /** {@code classNames} null for regression. The arrays are read, never written. */
    ArrayDataSetIterator(INDArray features, INDArray labels, int batchSize, boolean shuffle, long seed, List<String> classNames) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        if (features.size(0) != labels.size(0)) {
            throw new IllegalArgumentException(features.size(0) + " feature rows but " + labels.size(0) + " label rows");
        }
        this.features = features;
        this.labels = labels;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.classNames = classNames;
    }

    @Override public boolean hasNext() { return cursor < examples(); }

    private int examples() { return (int) features.size(0); }

    @Override public DataSet next() { return next(batchSize); }

    @Override public DataSet next(int num) {
        if (!hasNext()) throw new NoSuchElementException("this pass is over; call reset() for the next one");
        if (orderPending) startPass();
        int from = cursor;
        int to = Math.min(cursor + num, examples());
        cursor = to;
        DataSet batch = new DataSet(rows(passFeatures, from, to), rows(passLabels, from, to));
        if (preProcessor != null) {
            // Pre-processors work in place; the batch must not write through to our arrays.
            batch = batch.copy();
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    private void startPass() {
        if (shuffle) {
            int[] order = Seeds.permutation(examples(), new Random(Seeds.derive(Seeds.derive(seed, Seeds.EPOCH), pass)));
            passFeatures = pullExamples(features, order);
            passLabels = pullExamples(labels, order);
        } else {
            passFeatures = features;
            passLabels = labels;
        }
        pass++;
        orderPending = false;
    }

    /** The examples in {@code order}, gathered as rows of a matrix view (images have more than two axes). */
    private static INDArray pullExamples(INDArray array, int[] order) {
        long[] shape = array.shape();
        INDArray asRows = array.rank() == 2 ? array : array.reshape('c', shape[0], array.length() / shape[0]);
        INDArray pulled = Nd4j.pullRows(asRows, 1, order);
        return array.rank() == 2 ? pulled : pulled.reshape('c', shape);
    }

    private static INDArray rows(INDArray array, int from, int to) {
        if (from == 0 && to == array.size(0)) return array;
        INDArrayIndex[] index = new INDArrayIndex[array.rank()];
        index[0] = NDArrayIndex.interval(from, to);
        for (int axis = 1; axis < index.length; axis++) index[axis] = NDArrayIndex.all();
        return array.get(index);
    }

    @Override public void reset() {
        if (cursor > 0) {
            cursor = 0;
            orderPending = true;
        }
    }

    @Override public boolean resetSupported() { return true; }

    @Override public boolean asyncSupported() { return false; }

    /** Values per example (for images, all of them: channels × height × width). */
    @Override public int inputColumns() {
        long values = 1;
        for (int axis = 1; axis < features.rank(); axis++) values *= features.size(axis);
        return (int) values;
    }

    @Override public int totalOutcomes() { return (int) labels.columns(); }

    @Override public int batch() { return batchSize; }

    @Override public void setPreProcessor(DataSetPreProcessor preProcessor) { this.preProcessor = preProcessor; }

    @Override public DataSetPreProcessor getPreProcessor() { return preProcessor; }

    @Override public List<String> getLabels() { return classNames; }
}
