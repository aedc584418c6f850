import java.util.Arrays;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
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
 * A residual block
 *
 * <p>A skip connection adds a block's input to its output through Add, so the block only has to learn
 * a correction and gradients reach early layers unchanged; this is what lets very deep networks
 * train.
 *
 * <p>Exported from LayerLab: configuration() builds the same DL4J network as LayerLab's compiler
 * (2,274 parameters). Needs deeplearning4j-core and an ND4J backend such as nd4j-native-platform,
 * version 1.0.0-M2.1.
 *
 * <p>Training as LayerLab runs it: adam at learning rate 0.01 (set in configuration()), batches of
 * 32, 150 epochs, shuffled; data from the "spiral" source (samples 600, noise 0.05, classes 2),
 * 20% kept for validation.
 */
public class AResidualBlockNetwork {
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

        // Dense "stem": Fully connected layer (32 units, relu). Output [32], 96 parameters.
        graph.addLayer("stem", new DenseLayer.Builder()
                .nOut(32)
                .activation(Activation.RELU)
                .weightInit(WeightInit.RELU)
                .build(), "in");

        // Dense "block1": Fully connected layer (32 units, relu). Output [32], 1,056 parameters.
        graph.addLayer("block1", new DenseLayer.Builder()
                .nOut(32)
                .activation(Activation.RELU)
                .weightInit(WeightInit.RELU)
                .build(), "stem");

        // Dense "block2": Fully connected layer (32 units, linear). Output [32], 1,056 parameters.
        graph.addLayer("block2", new DenseLayer.Builder().nOut(32).activation(Activation.IDENTITY).build(), "block1");

        // Add "add": Element-wise sum of its inputs. Output [32].
        graph.addVertex("add", new ElementWiseVertex(ElementWiseVertex.Op.Add), "stem", "block2");

        // Activation "relu": Applies a function to every value (relu). Output [32].
        graph.addLayer("relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), "add");

        // Output "out": Final layer with a loss (2 units, softmax, mcxent). Output [2], 66 parameters.
        graph.addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT)
                .nOut(2)
                .activation(Activation.SOFTMAX)
                .build(), "relu");

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
        // To train it: network.fit(data) with a DataSetIterator, for 150 epochs.
    }
}
