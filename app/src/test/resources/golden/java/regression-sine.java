import java.util.Arrays;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
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
 * Fitting a sine wave
 *
 * <p>Regression: the network predicts a number, not a class, so the output has one linear unit and
 * the loss is the mean squared error. Smooth tanh units let it follow the curve of the sine.
 *
 * <p>Exported from LayerLab: configuration() builds the same DL4J network as LayerLab's compiler
 * (1,153 parameters). Needs deeplearning4j-core and an ND4J backend such as nd4j-native-platform,
 * version 1.0.0-M2.1.
 *
 * <p>Training as LayerLab runs it: adam at learning rate 0.01 (set in configuration()), batches of
 * 32, 200 epochs, shuffled; data from the "sine" source (samples 500, noise 0.05), 20% kept for
 * validation.
 */
public class FittingASineWaveNetwork {
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

        // Input "in": Where data enters the network (shape 1). Output [1].
        graph.addInputs("in");

        // Dense "hidden1": Fully connected layer (32 units, tanh). Output [32], 64 parameters.
        graph.addLayer("hidden1", new DenseLayer.Builder().nOut(32).activation(Activation.TANH).build(), "in");

        // Dense "hidden2": Fully connected layer (32 units, tanh). Output [32], 1,056 parameters.
        graph.addLayer("hidden2", new DenseLayer.Builder().nOut(32).activation(Activation.TANH).build(), "hidden1");

        // Output "out": Final layer with a loss (1 unit, linear, mse). Output [1], 33 parameters.
        graph.addLayer("out", new OutputLayer.Builder(LossFunction.MSE)
                .nOut(1)
                .activation(Activation.IDENTITY)
                .build(), "hidden2");

        // The shape of one example per input, in the order of the network's input arrays.
        graph.setInputTypes(InputType.feedForward(1));
        graph.setOutputs("out");
        return graph.build();
    }

    /** Builds the network, prints its summary and runs one random example through it. */
    public static void main(String[] args) {
        ComputationGraph network = new ComputationGraph(configuration());
        network.init();
        System.out.println(network.summary());

        // One random example per input in DL4J's layout: features [1, n], images [1, c, h, w], sequences [1, f, t].
        INDArray[] outputs = network.output(Nd4j.rand(DataType.FLOAT, 1, 1));
        System.out.println("out: " + Arrays.toString(outputs[0].shape()));
        // To train it: network.fit(data) with a DataSetIterator, for 200 epochs.
    }
}
