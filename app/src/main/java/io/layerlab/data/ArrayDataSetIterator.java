package io.layerlab.data;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Mini-batches over arrays already in memory. A batch is a view of consecutive rows, not a copy;
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
        if (features.rows() != labels.rows()) throw new IllegalArgumentException(features.rows() + " feature rows but " + labels.rows() + " label rows");
        this.features = features;
        this.labels = labels;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.classNames = classNames;
    }

    @Override public boolean hasNext() { return cursor < features.rows(); }

    @Override public DataSet next() { return next(batchSize); }

    @Override public DataSet next(int num) {
        if (!hasNext()) throw new NoSuchElementException("this pass is over; call reset() for the next one");
        if (orderPending) startPass();
        int from = cursor;
        int to = Math.min(cursor + num, features.rows());
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
            int[] order = Seeds.permutation(features.rows(), new Random(Seeds.derive(Seeds.derive(seed, Seeds.EPOCH), pass)));
            passFeatures = Nd4j.pullRows(features, 1, order);
            passLabels = Nd4j.pullRows(labels, 1, order);
        } else {
            passFeatures = features;
            passLabels = labels;
        }
        pass++;
        orderPending = false;
    }

    private static INDArray rows(INDArray array, int from, int to) {
        if (from == 0 && to == array.rows()) return array;
        return array.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    @Override public void reset() {
        if (cursor > 0) {
            cursor = 0;
            orderPending = true;
        }
    }

    @Override public boolean resetSupported() { return true; }

    @Override public boolean asyncSupported() { return false; }

    @Override public int inputColumns() { return (int) features.columns(); }

    @Override public int totalOutcomes() { return (int) labels.columns(); }

    @Override public int batch() { return batchSize; }

    @Override public void setPreProcessor(DataSetPreProcessor preProcessor) { this.preProcessor = preProcessor; }

    @Override public DataSetPreProcessor getPreProcessor() { return preProcessor; }

    @Override public List<String> getLabels() { return classNames; }
}
