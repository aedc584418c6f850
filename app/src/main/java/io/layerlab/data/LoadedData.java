package io.layerlab.data;

import io.layerlab.shape.TensorShape;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A data section ready for training: the training and validation parts as DL4J data sets
 * (features standardised with statistics of the training part only, images scaled to [0, 1]
 * and laid out {@code [n, c, h, w]}; one-hot labels for classification, raw targets for
 * regression), the fitted normaliser that goes into the model zip, and the raw rows for plotting.
 *
 * <p>The DataSets are shared, not copied: read them, do not modify them.
 */
public final class LoadedData {
    private final DataSpec spec;
    private final RawDataset raw;
    private final RawDataset rawTrain;
    private final RawDataset rawValidation;
    private final DataSet train;
    private final DataSet validation;
    private final DataNormalization normalizer;

    LoadedData(DataSpec spec, RawDataset raw, RawDataset rawTrain, RawDataset rawValidation,
               DataSet train, DataSet validation, DataNormalization normalizer) {
        this.spec = spec;
        this.raw = raw;
        this.rawTrain = rawTrain;
        this.rawValidation = rawValidation;
        this.train = train;
        this.validation = validation;
        this.normalizer = normalizer;
    }

    public DataSpec spec() { return spec; }

    public Task task() { return raw.task(); }

    /** The shape of one example, as an Input node must declare it: {@code [n]}, or an image {@code [h, w, c]}. */
    public TensorShape inputShape() { return raw.exampleShape(); }

    /** Number of classes; 0 for regression. */
    public int classCount() { return raw.classCount(); }

    /** Values the network's output must produce per example: the classes, or the regression targets. */
    public int outputSize() { return task() == Task.CLASSIFICATION ? raw.classCount() : raw.targetCount(); }

    public List<String> classNames() { return raw.classNames(); }

    public List<String> featureNames() { return raw.featureNames(); }

    /** Standardised training part. */
    public DataSet train() { return train; }

    public int trainSize() { return rawTrain.size(); }

    public boolean hasValidation() { return validation != null; }

    /** Standardised validation part, absent when {@code validationSplit} is 0. */
    public Optional<DataSet> validation() { return Optional.ofNullable(validation); }

    public int validationSize() { return rawValidation.size(); }

    /**
     * What turns raw rows into network input, fitted on the training part: a
     * {@code NormalizerStandardize} (mean and standard deviation per feature) or, for images, an
     * {@code ImagePreProcessingScaler} (gray levels to [0, 1]). Save it with the model.
     */
    public DataNormalization normalizer() { return normalizer; }

    /** Every row, unstandardised, in the order the seed shuffled them. */
    public RawDataset raw() { return raw; }

    /** The training rows, unstandardised, in the same order as {@link #train()}. */
    public RawDataset rawTrain() { return rawTrain; }

    /** The validation rows, unstandardised, in the same order as {@link #validation()}; possibly empty. */
    public RawDataset rawValidation() { return rawValidation; }

    /**
     * Mini-batches of the training part. With {@code shuffle}, every pass (after each
     * {@code reset()}) visits the rows in a new order that depends only on {@code seed} and the
     * pass number. Batches are views; the last one of a pass may be smaller.
     */
    public DataSetIterator trainIterator(int batchSize, boolean shuffle, long seed) {
        return new ArrayDataSetIterator(train.getFeatures(), train.getLabels(), batchSize, shuffle, seed, labelNames());
    }

    /** Mini-batches of the validation part in a fixed order; no batches when there is none. */
    public DataSetIterator validationIterator(int batchSize) {
        if (validation == null) {
            long[] noExamples = train.getFeatures().shape();
            noExamples[0] = 0;
            INDArray noRows = Nd4j.create(train.getFeatures().dataType(), noExamples);
            INDArray noLabels = Nd4j.create(train.getLabels().dataType(), 0, outputSize());
            return new ArrayDataSetIterator(noRows, noLabels, batchSize, false, 0, labelNames());
        }
        return new ArrayDataSetIterator(validation.getFeatures(), validation.getLabels(), batchSize, false, 0, labelNames());
    }

    /**
     * Rows in the original units, laid out as {@link #raw()} holds them (say a grid of points
     * over the plot for a decision boundary, or a drawn image's gray levels, channels last), as
     * network input: normalised as the training part was, images rearranged to {@code [n, c, h, w]}.
     */
    public INDArray toNetworkInput(double[][] points) {
        INDArray input = Datasets.networkLayout(Datasets.matrix(points, raw.featureCount()), raw.exampleShape());
        normalizer.transform(input);
        return input;
    }

    private List<String> labelNames() { return task() == Task.CLASSIFICATION ? raw.classNames() : null; }
}
