package io.layerlab.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import io.layerlab.shape.TensorShape;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.ImagePreProcessingScaler;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads a project's data section: generate the rows, split them into training and validation
 * (stratified by class), fit the normaliser on the training part and apply it to both.
 * Features are standardised column by column; images are scaled from gray levels to [0, 1]
 * (one scale for every pixel: standardising each pixel on its own would blow up the noise of
 * pixels that are nearly always dark); sequences are standardised feature by feature over all
 * steps, except token ids, which an Embedding looks up and so pass unchanged. Images are laid out
 * as DL4J's convolutions take them, {@code [examples, channels, height, width]}, sequences as its
 * recurrent layers take them, {@code [examples, features, steps]}. The same spec always gives
 * identical arrays.
 */
public final class Datasets {
    /** Bits per gray level: raw images run from 0 to {@link RawDataset#MAX_GRAY}. */
    private static final int GRAY_BITS = 8;

    private Datasets() { }

    /**
     * @throws DataException when the spec is invalid; its message names each place and what
     *                       would be valid (see {@link DataSources#check})
     */
    public static LoadedData load(DataSpec spec) {
        RawDataset raw = DataSources.generate(spec);
        TrainValidationSplit split = TrainValidationSplit.of(raw, spec.validationSplit(), spec.seed());
        RawDataset rawTrain = raw.select(split.train());
        RawDataset rawValidation = raw.select(split.validation());

        DataSet train = toDataSet(rawTrain);
        DataSet validation = rawValidation.size() == 0 ? null : toDataSet(rawValidation);
        DataNormalization normalizer = raw.isTokens() ? unchangedTokenIds() : normalizerFor(raw.exampleShape());
        if (!raw.isTokens()) normalizer.fit(train);
        normalizer.transform(train);
        if (validation != null) normalizer.transform(validation);
        return new LoadedData(spec, raw, rawTrain, rawValidation, train, validation, normalizer);
    }

    private static DataNormalization normalizerFor(TensorShape example) {
        return example.kind() == TensorShape.Kind.IMAGE
                ? new ImagePreProcessingScaler(0, 1, GRAY_BITS)
                : new NormalizerStandardize();
    }

    /**
     * A standardiser with mean 0 and deviation 1 for the one feature of a token sequence: it
     * leaves the ids as they are, yet the model zip carries a normaliser like every other, so
     * {@code predict} treats all models alike.
     */
    private static DataNormalization unchangedTokenIds() {
        return new NormalizerStandardize(Nd4j.zeros(DataType.FLOAT, 1), Nd4j.ones(DataType.FLOAT, 1));
    }

    /**
     * Features as float rows, images as {@code [n, c, h, w]}; labels one-hot for classification,
     * the targets for regression.
     */
    static DataSet toDataSet(RawDataset data) {
        INDArray features = networkLayout(matrix(data::featureRow, data.size(), data.featureCount()), data.exampleShape());
        INDArray labels = data.task() == Task.CLASSIFICATION
                ? oneHot(data)
                : matrix(data::targetRow, data.size(), data.targetCount());
        return new DataSet(features, labels);
    }

    /**
     * Flat rows, one example each, in the layout the network takes: feature rows as they are,
     * channels-last image rows rearranged to DL4J's {@code [n, c, h, w]}, step-by-step sequence
     * rows to {@code [n, f, t]} (new arrays).
     */
    static INDArray networkLayout(INDArray rows, TensorShape example) {
        return switch (example.kind()) {
            case FEATURES -> rows;
            case IMAGE -> rows.reshape('c', rows.size(0), example.height(), example.width(), example.channels())
                    .permute(0, 3, 1, 2).dup('c');
            case SEQUENCE -> rows.reshape('c', rows.size(0), example.timeSteps(), example.lastDim())
                    .permute(0, 2, 1).dup('c');
        };
    }

    static INDArray matrix(double[][] rows, int columns) {
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) throw new IllegalArgumentException("point " + r + " has " + rows[r].length + " values, expected " + columns);
        }
        return matrix(r -> rows[r], rows.length, columns);
    }

    private static INDArray matrix(java.util.function.IntFunction<double[]> row, int rows, int columns) {
        float[] flat = new float[rows * columns];
        for (int r = 0; r < rows; r++) {
            double[] values = row.apply(r);
            for (int c = 0; c < columns; c++) flat[r * columns + c] = (float) values[c];
        }
        return Nd4j.create(flat, new long[] {rows, columns}, DataType.FLOAT);
    }

    private static INDArray oneHot(RawDataset data) {
        int classes = data.classCount();
        float[] flat = new float[data.size() * classes];
        for (int r = 0; r < data.size(); r++) flat[r * classes + data.label(r)] = 1f;
        return Nd4j.create(flat, new long[] {data.size(), classes}, DataType.FLOAT);
    }
}
