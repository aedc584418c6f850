import java.util.Arrays;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * XOR with one hidden layer
 *
 * <p>XOR cannot be separated by one straight line, so a network without a hidden layer fails at it. A
 * hidden Dense layer followed by a non-linear activation (tanh) bends the boundary and solves it.
 *
 * <p>Exported from LayerLab: configuration() builds the same DL4J network as LayerLab's compiler (42
 * parameters). Needs deeplearning4j-core and an ND4J backend such as nd4j-native-platform, version
 * 1.0.0-M2.1.
 *
 * <p>Training as LayerLab runs it: adam at learning rate 0.03 (set in configuration()), batches of
 * 32, 100 epochs, shuffled; data from the "xor" source (samples 400, noise 0.1), 20% kept for
 * validation.
 */
public class XorWithOneHiddenLayerNetwork {
    /**
     * The network's configuration. Inputs: {@code in}; outputs: {@code out}.
     */
    public static ComputationGraphConfiguration configuration() {
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(42L)
                .updater(new Adam(0.03))
                .weightInit(WeightInit.XAVIER)
                // DL4J's default is sigmoid; layers without an activation of their own (dropout, pooling) are linear.
                .activation(Activation.IDENTITY)
                .graphBuilder();

        // Input "in": Where data enters the network (shape 2). Output [2].
        graph.addInputs("in");

        // Dense "hidden": Fully connected layer (8 units, linear). Output [8], 24 parameters.
        graph.addLayer("hidden", new DenseLayer.Builder().nOut(8).activation(Activation.IDENTITY).build(), "in");

        // Activation "tanh": Applies a function to every value (tanh). Output [8].
        graph.addLayer("tanh", new ActivationLayer.Builder().activation(Activation.TANH).build(), "hidden");

        // Output "out": Final layer with a loss (2 units, softmax, mcxent). Output [2], 18 parameters.
        graph.addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT)
                .nOut(2)
                .activation(Activation.SOFTMAX)
                .build(), "tanh");

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
        // To train it: network.fit(data) with a DataSetIterator, for 100 epochs.
    }
}
