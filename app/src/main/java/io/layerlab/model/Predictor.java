package io.layerlab.model;

import io.layerlab.data.Task;
import io.layerlab.shape.TensorShape;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a trained model on rows of raw values, the way it was trained: each row is one example
 * in LayerLab's layout ({@code [n]} features; an image {@code [h, w, c]} flattened channels last;
 * a sequence {@code [t, f]} flattened step by step), standardised with the model's own
 * normaliser, then fed forward.
 *
 * <p>The input shape and task come from the model's {@link ModelInfo}. A zip written by another
 * program has none: then a network whose input feeds a dense layer takes that layer's inputs as
 * features, and a softmax output means classification.
 */
public final class Predictor {
    private static final int BATCH = 1024;

    private final TrainedModel model;
    private final TensorShape inputShape;
    private final Task task;
    private final List<String> names;

    private Predictor(TrainedModel model, TensorShape inputShape, Task task, List<String> names) {
        this.model = model;
        this.inputShape = inputShape;
        this.task = task;
        this.names = names;
    }

    /** @throws ModelFileException when the model has several inputs or outputs, or its input shape cannot be told */
    public static Predictor of(TrainedModel model) throws ModelFileException {
        ComputationGraph network = model.network();
        ComputationGraphConfiguration conf = network.getConfiguration();
        List<String> inputs = conf.getNetworkInputs();
        List<String> outputs = conf.getNetworkOutputs();
        if (inputs.size() != 1) {
            throw new ModelFileException(model.file(), "takes " + inputs.size() + " inputs (" + String.join(", ", inputs)
                    + "); predicting from rows needs a model with one input");
        }
        if (outputs.size() != 1) {
            throw new ModelFileException(model.file(), "has " + outputs.size() + " outputs (" + String.join(", ", outputs)
                    + "); predicting from rows needs a model with one output");
        }
        Optional<ModelInfo> info = model.info();
        TensorShape shape = info.filter(i -> !i.inputShape().isEmpty()).map(i -> TensorShape.fromList(i.inputShape()))
                .orElseGet(() -> featuresFedToDenseLayer(conf, inputs.get(0)));
        if (shape == null) {
            throw new ModelFileException(model.file(), "does not say what shape its input has (it was not written by LayerLab and its "
                    + "input does not feed a dense layer); predict reads one row of feature values per example");
        }
        Task task = info.flatMap(ModelInfo::taskIfKnown).orElseGet(() -> endsInSoftmax(network) ? Task.CLASSIFICATION : Task.REGRESSION);
        List<String> names = info.map(i -> task == Task.CLASSIFICATION ? i.classes() : i.targets()).orElse(List.of());
        return new Predictor(model, shape, task, names);
    }

    private static TensorShape featuresFedToDenseLayer(ComputationGraphConfiguration conf, String input) {
        for (var e : conf.getVertexInputs().entrySet()) {
            if (!e.getValue().contains(input)) continue;
            GraphVertex vertex = conf.getVertices().get(e.getKey());
            if (vertex instanceof LayerVertex lv && lv.getPreProcessor() == null) {
                Layer layer = lv.getLayerConf().getLayer();
                if (layer instanceof DenseLayer dense) return TensorShape.features((int) dense.getNIn());
                if (layer instanceof org.deeplearning4j.nn.conf.layers.OutputLayer out) return TensorShape.features((int) out.getNIn());
            }
        }
        return null;
    }

    private static boolean endsInSoftmax(ComputationGraph network) {
        Layer layer = network.getOutputLayer(0).conf().getLayer();
        IActivation fn = layer instanceof BaseOutputLayer out ? out.getActivationFn()
                : layer instanceof LossLayer loss ? loss.getActivationFn() : null;
        return fn != null && fn.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT).contains("softmax");
    }

    /** One example's shape, in LayerLab's terms. */
    public TensorShape inputShape() { return inputShape; }

    /** Values per row: the product of the input shape. */
    public int valuesPerRow() { return (int) inputShape.size(); }

    public Task task() { return task; }

    public TrainedModel model() { return model; }

    /**
     * The outputs for {@code rows} of raw (unstandardised) values, each {@link #valuesPerRow()} long.
     *
     * @throws ModelFileException when the network cannot run on them (it predicts a sequence per example, or DL4J fails)
     */
    public Predictions predict(double[][] rows) throws ModelFileException {
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != valuesPerRow()) {
                throw new IllegalArgumentException("row " + (r + 1) + " has " + rows[r].length + " values, the model takes " + valuesPerRow());
            }
        }
        float[][] outputs = new float[rows.length][];
        for (int from = 0; from < rows.length; from += BATCH) {
            int to = Math.min(rows.length, from + BATCH);
            INDArray out = run(rows, from, to);
            if (out.rank() != 2) {
                throw new ModelFileException(model.file(), "predicts an array of shape " + java.util.Arrays.toString(out.shape())
                        + " per batch (a sequence per example); predict prints one row of values per example");
            }
            for (int r = from; r < to; r++) outputs[r] = out.getRow(r - from).toFloatVector();
        }
        int width = outputs.length == 0 ? 0 : outputs[0].length;
        List<String> columnNames = names.size() == width ? names : List.of();
        return new Predictions(task, columnNames, outputs);
    }

    private INDArray run(double[][] rows, int from, int to) throws ModelFileException {
        DataType type = model.network().params().dataType();
        int n = to - from;
        int[] dims = inputShape.dims();
        long[] shape = new long[dims.length + 1];
        shape[0] = n;
        for (int i = 0; i < dims.length; i++) shape[i + 1] = dims[i];
        double[] flat = new double[n * valuesPerRow()];
        for (int r = from; r < to; r++) System.arraycopy(rows[r], 0, flat, (r - from) * valuesPerRow(), valuesPerRow());
        INDArray rowsLayout = Nd4j.create(flat, shape, DataType.DOUBLE).castTo(type);
        // DL4J wants channels first: images [n, c, h, w], sequences [n, f, t].
        INDArray input = switch (inputShape.kind()) {
            case IMAGE -> rowsLayout.permute(0, 3, 1, 2).dup();
            case SEQUENCE -> rowsLayout.permute(0, 2, 1).dup();
            case FEATURES -> rowsLayout;
        };
        try {
            model.normalizer().ifPresent(norm -> norm.transform(input));
            return model.network().outputSingle(input);
        } catch (RuntimeException e) {
            throw new ModelFileException(model.file(), "cannot run on rows of " + valuesPerRow() + " values (" + inputShape.label()
                    + "): " + ModelFiles.rootMessage(e), e);
        }
    }
}
