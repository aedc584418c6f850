import java.util.Arrays;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaLayer;
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
 * Two spirals with maxout units
 *
 * <p>The spiral sample with maxout instead of ReLU: each of the 16 units in a layer computes 4
 * straight-line functions of its input and outputs the largest, so it learns its own bent
 * activation, for 4 times the weights of a 16-unit layer.
 *
 * <p>Exported from LayerLab: configuration() builds the same DL4J network as LayerLab's compiler
 * (1,314 parameters). Needs deeplearning4j-core and an ND4J backend such as nd4j-native-platform,
 * version 1.0.0-M2.1.
 *
 * <p>Training as LayerLab runs it: adam at learning rate 0.01 (set in configuration()), batches of
 * 32, 20 epochs, shuffled; data from the "spiral" source (samples 600, noise 0.05, classes 2), 20%
 * kept for validation.
 */
public class TwoSpiralsWithMaxoutUnitsNetwork {
    /**
     * The network's configuration. Inputs: {@code in}; outputs: {@code out}.
     */
    public static ComputationGraphConfiguration configuration() {
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(42L)
                .updater(new Adam(0.01))
                .weightInit(WeightInit.XAVIER)
                // DL4J's default is sigmoid; layers without an activation of their own (dropout, pooling) are linear.
                .activation(Activation.IDENTITY)
                .graphBuilder();

        // Input "in": Where data enters the network (shape 2). Output [2].
        graph.addInputs("in");

        // Dense "hidden1": Fully connected layer (16 units, maxout 4 pieces). Output [16], 192 parameters.
        // maxout: the layer is linear with 4 outputs per unit; Maxout keeps the largest of each unit's pieces.
        graph.addLayer("hidden1_linear", new DenseLayer.Builder()
                .nOut(16 * 4)
                .activation(Activation.IDENTITY)
                .build(), "in");
        graph.addLayer("hidden1", new Maxout(4), "hidden1_linear");

        // Dense "hidden2": Fully connected layer (16 units, maxout 4 pieces). Output [16], 1,088 parameters.
        // maxout: the layer is linear with 4 outputs per unit; Maxout keeps the largest of each unit's pieces.
        graph.addLayer("hidden2_linear", new DenseLayer.Builder()
                .nOut(16 * 4)
                .activation(Activation.IDENTITY)
                .build(), "hidden1");
        graph.addLayer("hidden2", new Maxout(4), "hidden2_linear");

        // Output "out": Final layer with a loss (2 units, softmax, mcxent). Output [2], 34 parameters.
        graph.addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT)
                .nOut(2)
                .activation(Activation.SOFTMAX)
                .build(), "hidden2");

        // The shape of one example per input, in the order of the network's input arrays.
        graph.setInputTypes(InputType.feedForward(2));
        graph.setOutputs("out");
        return graph.build();
    }

    /** Builds the network, prints its summary and runs one random example through it. */
    public static void main(String[] args) {
        ComputationGraph network = new ComputationGraph(configuration());
        network.init();
        System.out.println(network.summary());

        // One random example per input in DL4J's layout: features [1, n], images [1, c, h, w], sequences [1, f, t].
        INDArray[] outputs = network.output(Nd4j.rand(DataType.FLOAT, 1, 2));
        System.out.println("out: " + Arrays.toString(outputs[0].shape()));
        // To train it: network.fit(data) with a DataSetIterator, for 20 epochs.
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
