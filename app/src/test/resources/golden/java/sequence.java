import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitConstant;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Tagging and scoring sequences
 *
 * <p>A test network with two inputs and two outputs: recurrent layers that return every step or only
 * the last, a per-step output, batch normalisation of features, a flattened sequence and a learned
 * PReLU after a Dense layer.
 *
 * <p>Exported from LayerLab: configuration() builds the same DL4J network as LayerLab's compiler
 * (2,051 parameters). Needs deeplearning4j-core and an ND4J backend such as nd4j-native-platform,
 * version 1.0.0-M2.1.
 *
 * <p>Training as LayerLab runs it: rmsprop at learning rate 0.001 (set in configuration()), batches
 * of 16, 20 epochs; data from the "sequences" source (samples 300), 25% kept for validation.
 */
public class TaggingAndScoringSequencesNetwork {
    /**
     * The network's configuration. Inputs: {@code steps}, {@code context}; outputs: {@code tags}, {@code score}.
     */
    public static ComputationGraphConfiguration configuration() {
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(9L)
                .updater(new RmsProp(0.001))
                .weightInit(WeightInit.XAVIER)
                // DL4J's default is sigmoid; layers without an activation of their own (dropout, pooling) are linear.
                .activation(Activation.IDENTITY)
                .graphBuilder();

        // Input "steps": Where data enters the network (shape 12x3). Output [12, 3].
        graph.addInputs("steps");

        // Input "context": Where data enters the network (shape 5). Output [5].
        graph.addInputs("context");

        // LSTM "lstm": Long short-term memory (16 units, tanh, all steps). Output [12, 16], 1,280 parameters.
        graph.addLayer("lstm", new LSTM.Builder().nOut(16).activation(Activation.TANH).build(), "steps");

        // Dense "context_dense": Fully connected layer (6 units, prelu). Output [6], 42 parameters.
        // prelu: the layer stays linear and a learned PReLU follows it, one slope per value.
        graph.addLayer("context_dense_linear", new DenseLayer.Builder()
                .nOut(6)
                .activation(Activation.IDENTITY)
                .build(), "context");
        graph.addLayer("context_dense", new PReLULayer.Builder()
                .inputShape(6)
                .weightInit(new WeightInitConstant(0.25))
                .build(), "context_dense_linear");

        // SimpleRNN "rnn": Plain recurrent layer (8 units, leakyrelu, all steps). Output [12, 8], 200 parameters.
        graph.addLayer("rnn", new SimpleRnn.Builder().nOut(8).activation(new ActivationLReLU(0.01)).build(), "lstm");

        // BatchNormalization "context_norm": Normalises each feature over the batch (frozen). Output [6], 24
        // parameters.
        graph.addLayer("context_norm", new FrozenBatchNormalization(), "context_dense");

        // SequenceOutput "tags": Output and loss at every time step (4 units, softmax, mcxent). Output [12, 4], 36
        // parameters.
        graph.addLayer("tags", new RnnOutputLayer.Builder(LossFunction.MCXENT)
                .nOut(4)
                .activation(Activation.SOFTMAX)
                .build(), "rnn");

        // LSTM "summary": Long short-term memory (6 units, tanh, last step). Output [6], 360 parameters.
        graph.addLayer("summary", new LastTimeStep(new LSTM.Builder()
                .nOut(6)
                .activation(Activation.TANH)
                .build()), "rnn");

        // Flatten "flat": Image or sequence to a flat vector. Output [96].
        // Reshaped rather than preprocessed: DL4J's RNN-to-feed-forward step would fold time into the batch.
        graph.addVertex("flat", new ReshapeVertex('c', new int[] {-1, 96}, null), "rnn");

        // Concatenate "merged": Joins its inputs along the features. Output [108].
        graph.addVertex("merged", new MergeVertex(), "summary", "flat", "context_norm");

        // Output "score": Final layer with a loss (1 unit, sigmoid, xent). Output [1], 109 parameters.
        graph.addLayer("score", new OutputLayer.Builder(LossFunction.XENT)
                .nOut(1)
                .activation(Activation.SIGMOID)
                .build(), "merged");

        // The shape of one example per input, in the order of the network's input arrays.
        graph.setInputTypes(InputType.recurrent(3, 12), InputType.feedForward(5));
        graph.setOutputs("tags", "score");
        return graph.build();
    }

    /** Builds the network, prints its summary and runs one random example through it. */
    public static void main(String[] args) {
        ComputationGraph network = new ComputationGraph(configuration());
        network.init();
        System.out.println(network.summary());

        // One random example per input in DL4J's layout: features [1, n], images [1, c, h, w], sequences [1, f, t].
        INDArray[] outputs = network.output(Nd4j.rand(DataType.FLOAT, 1, 3, 12), Nd4j.rand(DataType.FLOAT, 1, 5));
        System.out.println("tags: " + Arrays.toString(outputs[0].shape()));
        System.out.println("score: " + Arrays.toString(outputs[1].shape()));
        // To train it: network.fit(data) with a MultiDataSetIterator (one array per input and per output), for 20 epochs.
    }

    /**
     * Batch normalisation that learns nothing, as Keras' {@code BatchNormalization(trainable=False)}:
     * in training as in inference it normalises with its stored statistics, per feature (or per
     * channel of an image), and neither they nor the scale and shift change:
     * <pre>
     *   y = gamma * (x - mean) / sqrt(var + eps) + beta
     *   dL/dx = dL/dy * gamma / sqrt(var + eps)
     * </pre>
     * with var = (10^log10stdev)^2 where DL4J keeps the log of the standard deviation: what DL4J's
     * own layer outputs in inference mode. Its parameters are that layer's, under the same keys, so
     * weights move between the two unchanged. DL4J's FrozenLayerWithBackprop cannot freeze that
     * layer: it runs its forward pass in inference mode and then its training backward pass, which
     * differentiates the batch statistics and reads arrays of a closed workspace.
     */
    public static class FrozenBatchNormalization extends BatchNormalization {
        /** For Jackson, which rebuilds the layer from DL4J's JSON; the settings are those of DL4J's builder. */
        public FrozenBatchNormalization() { }

        @Override
        public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                           int layerIndex, INDArray layerParamsView, boolean initializeParams,
                                                           DataType networkDataType) {
            Impl layer = new Impl(conf, networkDataType);
            layer.setListeners(listeners);
            layer.setIndex(layerIndex);
            layer.setParamsViewArray(layerParamsView);
            layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
            layer.setConf(conf);
            return layer;
        }

        /** Every parameter stays as it is, whatever the network's optimizer. */
        @Override
        public IUpdater getUpdaterByParam(String paramName) { return new NoOp(); }

        @Override
        public boolean equals(Object o) { return o instanceof FrozenBatchNormalization && super.equals(o); }

        @Override
        public int hashCode() { return 31 * super.hashCode() + 1; }

        @Override
        protected boolean canEqual(Object other) { return other instanceof FrozenBatchNormalization; }

        /** The running layer: the inference-mode output, its gradient with respect to the input, and no parameter gradients. */
        public static final class Impl extends org.deeplearning4j.nn.layers.normalization.BatchNormalization {
            public Impl(NeuralNetConfiguration conf, DataType dataType) { super(conf, dataType); }

            @Override
            public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
                assertInputSet(false);
                return preOutput(input, TrainingMode.TEST, workspaceMgr);
            }

            /** The output with the stored statistics, in either mode: they are fixed, not estimated from the batch. */
            @Override
            public INDArray preOutput(INDArray x, TrainingMode mode, LayerWorkspaceMgr workspaceMgr) {
                INDArray in = x.castTo(dataType);
                int axis = featureAxis(in);
                INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, in.shape(), in.ordering());
                Nd4j.getExecutioner().exec(new BroadcastSubOp(in, vector(BatchNormalizationParamInitializer.GLOBAL_MEAN), out, axis));
                Nd4j.getExecutioner().exec(new BroadcastMulOp(out, scale(), out, axis));
                Nd4j.getExecutioner().exec(new BroadcastAddOp(out, beta(), out, axis));
                return out;
            }

            @Override
            public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
                assertInputSet(true);
                INDArray slope = epsilon.castTo(dataType);
                // Computed here from the parameters: nothing cached by the forward pass outlives its workspace.
                INDArray back = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, slope.shape(), slope.ordering());
                Nd4j.getExecutioner().exec(new BroadcastMulOp(slope, scale(), back, featureAxis(slope)));
                gradientsFlattened.assign(0);
                Gradient gradient = new DefaultGradient(gradientsFlattened);
                for (Map.Entry<String, INDArray> view : gradientViews.entrySet()) gradient.setGradientFor(view.getKey(), view.getValue());
                return new Pair<>(gradient, back);
            }

            /** Where the features or channels are: axis 1 ([batch, n], [batch, c, h, w]), or last for channels-last images. */
            private int featureAxis(INDArray x) {
                int axis = x.rank() == 4 && layerConf().getCnn2DFormat() == CNN2DFormat.NHWC ? 3 : 1;
                if (x.rank() < 2 || x.size(axis) != layerConf().getNOut()) {
                    throw new IllegalArgumentException("batch normalisation layer '" + layerConf().getLayerName() + "' normalises "
                            + layerConf().getNOut() + " features or channels, got an input of shape " + Arrays.toString(x.shape()));
                }
                return axis;
            }

            /** gamma / std, one value per feature or channel. */
            private INDArray scale() {
                var conf = layerConf();
                // As DL4J's layer computes it in inference: var = (10^log10stdev)^2 where the log is kept, then sqrt(var + eps).
                INDArray var = conf.isUseLogStd()
                        ? Transforms.exp(vector(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).mul(2 * Math.log(10)), false)
                        : vector(BatchNormalizationParamInitializer.GLOBAL_VAR).dup();
                INDArray std = Transforms.sqrt(var.addi(conf.getEps()), false);
                INDArray gamma = conf.isLockGammaBeta() ? Nd4j.valueArrayOf(std.shape(), conf.getGamma(), dataType)
                        : vector(BatchNormalizationParamInitializer.GAMMA);
                return gamma.div(std);
            }

            private INDArray beta() {
                var conf = layerConf();
                return conf.isLockGammaBeta() ? Nd4j.valueArrayOf(new long[] {conf.getNOut()}, conf.getBeta(), dataType)
                        : vector(BatchNormalizationParamInitializer.BETA);
            }

            private INDArray vector(String key) {
                INDArray p = getParam(key);
                return p.reshape(p.length());
            }
        }
    }
}
