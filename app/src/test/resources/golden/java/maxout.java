import java.util.Arrays;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Maxout everywhere
 *
 * <p>A test network with maxout in each place it can go: a convolution's activation, an Activation
 * node grouping channels, a frozen Dense layer's activation and the output's activation before its
 * loss.
 *
 * <p>Exported from LayerLab: configuration() builds the same DL4J network as LayerLab's compiler
 * (2,000 parameters). Needs deeplearning4j-core and an ND4J backend such as nd4j-native-platform,
 * version 1.0.0-M2.1.
 *
 * <p>Training as LayerLab runs it: adam at learning rate 0.01 (set in configuration()), batches of
 * 64, 10 epochs, shuffled; data from the "digits" source, 10% kept for validation.
 */
public class MaxoutEverywhereNetwork {
    /**
     * The network's configuration. Inputs: {@code image}; outputs: {@code out}.
     */
    public static ComputationGraphConfiguration configuration() {
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(11L)
                .updater(new Adam(0.01))
                .weightInit(WeightInit.XAVIER)
                // DL4J's default is sigmoid; layers without an activation of their own (dropout, pooling) are linear.
                .activation(Activation.IDENTITY)
                .graphBuilder();

        // Input "image": Where data enters the network (shape 28x28x1). Output [28, 28, 1].
        graph.addInputs("image");

        // Conv2D "conv": 2-D convolution over an image (4 filters 5x5 stride 3, valid, maxout 3 pieces). Output [8, 8,
        // 4], 312 parameters.
        // maxout: the layer is linear with 3 outputs per unit; Maxout keeps the largest of each unit's pieces.
        graph.addLayer("conv_linear", new ConvolutionLayer.Builder(new int[] {5, 5}, new int[] {3, 3})
                .nOut(4 * 3)
                .convolutionMode(ConvolutionMode.Truncate)
                .activation(Activation.IDENTITY)
                .build(), "image");
        graph.addLayer("conv", new Maxout(3), "conv_linear");

        // Activation "channels": Applies a function to every value (maxout 2 pieces). Output [8, 8, 2].
        graph.addLayer("channels", new Maxout(2), "conv");

        // Flatten "flat": Image or sequence to a flat vector. Output [128].
        graph.addVertex("flat", new PreprocessorVertex(new CnnToFeedForwardPreProcessor(8, 8, 2)), "channels");

        // Dense "hidden": Fully connected layer (6 units, maxout 2 pieces, frozen). Output [6], 1,548 parameters.
        // maxout: the layer is linear with 2 outputs per unit; Maxout keeps the largest of each unit's pieces.
        graph.addLayer("hidden_linear", new FrozenLayerWithBackprop(new DenseLayer.Builder()
                .nOut(6 * 2)
                .activation(Activation.IDENTITY)
                .build()), "flat");
        graph.addLayer("hidden", new Maxout(2), "hidden_linear");

        // Output "out": Final layer with a loss (10 units, maxout 2 pieces, mse). Output [10], 140 parameters.
        // maxout: the loss comes last, so a linear layer of 2 outputs per unit, the Maxout, then the loss alone.
        graph.addLayer("out_linear", new DenseLayer.Builder()
                .nOut(10 * 2)
                .activation(Activation.IDENTITY)
                .build(), "hidden");
        graph.addLayer("out_maxout", new Maxout(2), "out_linear");
        LossLayer outLoss = new LossLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).build();
        // Its builder refuses sizes, but without them DL4J reports a size-0 output type.
        outLoss.setNIn(10);
        outLoss.setNOut(10);
        graph.addLayer("out", outLoss, "out_maxout");

        // The shape of one example per input, in the order of the network's input arrays.
        graph.setInputTypes(InputType.convolutional(28, 28, 1));
        graph.setOutputs("out");
        return graph.build();
    }

    /** Builds the network, prints its summary and runs one random example through it. */
    public static void main(String[] args) {
        ComputationGraph network = new ComputationGraph(configuration());
        network.init();
        System.out.println(network.summary());

        // One random example per input in DL4J's layout: features [1, n], images [1, c, h, w], sequences [1, f, t].
        INDArray[] outputs = network.output(Nd4j.rand(DataType.FLOAT, 1, 1, 28, 28));
        System.out.println("out: " + Arrays.toString(outputs[0].shape()));
        // To train it: network.fit(data) with a DataSetIterator, for 10 epochs.
    }

    /**
     * Maxout without weights of its own: splits the features (or channels) into consecutive groups
     * of {@code pieces} values and keeps the largest of each group, so n values become n / pieces.
     * Features, channels of an image and features of every step of a sequence all sit on axis 1 in
     * DL4J's layouts ([batch, n], [batch, c, h, w], [batch, f, t]), which is the axis it groups.
     *
     * <p>A layer with the maxout activation is its linear version with pieces times the outputs,
     * followed by this; the linear functions of a unit are then the layer's outputs of one group.
     * Its two fields are written to DL4J's JSON and read back, so saved models restore it.
     */
    public static final class Maxout extends SameDiffLambdaLayer {
        private int pieces;
        /** One example's input in DL4J's layout: [n], [c, h, w] or [f, t]; recorded when DL4J sets the input type. */
        private long[] inputShape;

        /** For DL4J's JSON reader. */
        public Maxout() { }

        public Maxout(int pieces) {
            if (pieces < 2) throw new IllegalArgumentException("maxout takes the largest of 2 or more pieces, not " + pieces);
            this.pieces = pieces;
        }

        // Getters and setters are how DL4J's JSON writer and reader see the fields.
        public int getPieces() { return pieces; }

        public void setPieces(int pieces) { this.pieces = pieces; }

        public long[] getInputShape() { return inputShape == null ? null : inputShape.clone(); }

        public void setInputShape(long[] inputShape) { this.inputShape = inputShape == null ? null : inputShape.clone(); }

        @Override
        public void setNIn(InputType inputType, boolean override) {
            long[] shape = inputType.getShape(false);
            if (shape[0] % pieces != 0) {
                throw new IllegalArgumentException("maxout with " + pieces + " pieces needs a multiple of " + pieces
                        + " features or channels, got " + shape[0]);
            }
            inputShape = shape;
        }

        @Override
        public SDVariable defineLayer(SameDiff sameDiff, SDVariable layerInput) {
            // [batch, n, rest...] -> [batch, n / pieces, pieces, rest...], then the largest along the pieces axis.
            long[] grouped = new long[inputShape.length + 2];
            grouped[0] = -1;
            grouped[1] = inputShape[0] / pieces;
            grouped[2] = pieces;
            System.arraycopy(inputShape, 1, grouped, 3, inputShape.length - 1);
            return sameDiff.max(sameDiff.reshape(layerInput, grouped), 2);
        }

        @Override
        public InputType getOutputType(int layerIndex, InputType inputType) {
            if (inputType instanceof InputType.InputTypeFeedForward f) {
                return InputType.feedForward(f.getSize() / pieces);
            }
            if (inputType instanceof InputType.InputTypeConvolutional c) {
                return InputType.convolutional(c.getHeight(), c.getWidth(), c.getChannels() / pieces);
            }
            if (inputType instanceof InputType.InputTypeRecurrent r) {
                return InputType.recurrent(r.getSize() / pieces, r.getTimeSeriesLength());
            }
            throw new IllegalArgumentException("maxout takes features, an image or a sequence, not " + inputType);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Maxout m && m.pieces == pieces && Arrays.equals(m.inputShape, inputShape);
        }

        @Override
        public int hashCode() { return 31 * pieces + Arrays.hashCode(inputShape); }

        @Override
        public String toString() { return "Maxout(pieces=" + pieces + ")"; }
    }
}
