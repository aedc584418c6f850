package io.layerlab.model;

import io.layerlab.data.GreyPicture;
import io.layerlab.data.PictureInput;
import io.layerlab.data.Sketch;
import io.layerlab.data.Task;
import io.layerlab.shape.TensorShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network that classifies pictures, with the normaliser and class names it was trained with:
 * a drawn picture goes in ({@link PictureInput} makes it an example like the training data), the
 * probability of every class comes out.
 *
 * <p>A DL4J network is not thread-safe: use a classifier from one thread at a time, and give it a
 * network nothing else runs (a training run's network only through a copy, see
 * {@code io.layerlab.train.ClassifierSnapshots}).
 */
public final class ImageClassifier {
    private final ComputationGraph network;
    private final DataNormalization normalizer;
    private final TensorShape inputShape;
    private final List<String> classNames;

    /**
     * @param normalizer what the training data went through after the raw grey levels (null: none)
     * @param classNames by label; when they do not match the network's outputs the classes are called "class 0", "class 1", …
     * @throws IllegalArgumentException when {@code inputShape} is not an image shape
     */
    public ImageClassifier(ComputationGraph network, DataNormalization normalizer, TensorShape inputShape, List<String> classNames) {
        if (inputShape.kind() != TensorShape.Kind.IMAGE) {
            throw new IllegalArgumentException("an image classifier takes pictures [h, w, c]; this network takes " + inputShape);
        }
        this.network = Objects.requireNonNull(network);
        this.normalizer = normalizer;
        this.inputShape = inputShape;
        this.classNames = List.copyOf(classNames);
    }

    /** Whether {@code predictor}'s model classifies pictures: a classification with an image input. */
    public static boolean supports(Predictor predictor) {
        return predictor.task() == Task.CLASSIFICATION && predictor.inputShape().kind() == TensorShape.Kind.IMAGE;
    }

    /**
     * A classifier for {@code predictor}'s model that runs its own copy of the network, so it may
     * be used on another thread than the predictor (copying takes a moment: do it off the UI thread).
     *
     * @throws IllegalArgumentException when the model does not classify pictures (see {@link #supports})
     */
    public static ImageClassifier copyOf(Predictor predictor) {
        if (!supports(predictor)) {
            throw new IllegalArgumentException("the model in " + predictor.model().file().getFileName() + " does not classify pictures: it takes "
                    + predictor.inputShape() + " for " + predictor.task().name().toLowerCase(java.util.Locale.ROOT));
        }
        TrainedModel model = predictor.model();
        List<String> classes = model.info().map(ModelInfo::classes).orElse(List.of());
        return new ImageClassifier(model.network().clone(), model.normalizer().orElse(null), predictor.inputShape(), classes);
    }

    /** One example's shape, {@code [h, w, c]}. */
    public TensorShape inputShape() { return inputShape; }

    /** The network it runs: not to be run by anything else at the same time. */
    ComputationGraph network() { return network; }

    /** The class names the classifier was given (possibly empty when the model records none). */
    public List<String> classNames() { return classNames; }

    /**
     * {@code rawRow} (grey levels 0..255, channels last, as {@link PictureInput#rawRow} makes it) as
     * the network takes it: {@code [1, c, h, w]}, normalised like the training data.
     */
    public INDArray networkInput(double[] rawRow) {
        if (rawRow.length != inputShape.size()) {
            throw new IllegalArgumentException("an example of " + inputShape + " has " + inputShape.size() + " values, not " + rawRow.length);
        }
        float[] values = new float[rawRow.length];
        for (int i = 0; i < values.length; i++) values[i] = (float) rawRow[i];
        INDArray channelsLast = Nd4j.create(values, new long[] {1, inputShape.height(), inputShape.width(), inputShape.channels()}, 'c');
        INDArray input = channelsLast.permute(0, 3, 1, 2).dup('c');
        if (normalizer != null) normalizer.transform(input);
        DataType type = network.params().dataType();
        return input.dataType() == type ? input : input.castTo(type);
    }

    /** The class probabilities for one example of raw grey levels (see {@link #networkInput}). */
    public ClassProbabilities classify(double[] rawRow) {
        INDArray output = network.outputSingle(false, networkInput(rawRow));
        float[] values = output.castTo(DataType.FLOAT).reshape(output.length()).toFloatVector();
        // One sigmoid unit answers for class 1 of two.
        float[] probabilities = values.length == 1 ? new float[] {1 - values[0], values[0]} : values;
        return new ClassProbabilities(names(probabilities.length), probabilities);
    }

    /** The class probabilities for a drawn picture. */
    public ClassProbabilities classify(GreyPicture picture) {
        return classify(PictureInput.rawRow(picture, inputShape));
    }

    /** The class probabilities for a sketch. */
    public ClassProbabilities classify(Sketch sketch) {
        return classify(PictureInput.rawRow(sketch, inputShape));
    }

    private List<String> names(int count) {
        if (classNames.size() == count) return classNames;
        List<String> generic = new ArrayList<>(count);
        for (int i = 0; i < count; i++) generic.add("class " + i);
        return generic;
    }
}
