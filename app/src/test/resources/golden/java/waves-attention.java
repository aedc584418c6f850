import java.util.Arrays;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Telling waves apart with self-attention
 *
 * <p>Noisy sine, square, triangle and sawtooth waves. A SimpleRNN turns each step's value into
 * features that carry the steps just before it; SelfAttention lets every step look at every other
 * step and mix in what it finds, and the Add keeps the recurrent features beside that mix.
 *
 * <p>Exported from LayerLab: configuration() builds the same DL4J network as LayerLab's compiler
 * (1,108 parameters). Needs deeplearning4j-core and an ND4J backend such as nd4j-native-platform,
 * version 1.0.0-M2.1.
 *
 * <p>Training as LayerLab runs it: adam at learning rate 0.01 (set in configuration()), batches of
 * 32, 12 epochs, shuffled; data from the "waves" source (samples 600, steps 24, classes 4, noise
 * 0.1), 20% kept for validation.
 */
public class TellingWavesApartWithSelfAttentionNetwork {
    /**
     * The network's configuration. Inputs: {@code waves}; outputs: {@code out}.
     */
    public static ComputationGraphConfiguration configuration() {
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(42L)
                .updater(new Adam(0.01))
                .weightInit(WeightInit.XAVIER)
                // DL4J's default is sigmoid; layers without an activation of their own (dropout, pooling) are linear.
                .activation(Activation.IDENTITY)
                .graphBuilder();

        // Input "waves": Where data enters the network (shape 24x1). Output [24, 1].
        graph.addInputs("waves");

        // SimpleRNN "rnn": Plain recurrent layer (8 units, tanh, all steps). Output [24, 8], 80 parameters.
        graph.addLayer("rnn", new SimpleRnn.Builder().nOut(8).activation(Activation.TANH).build(), "waves");

        // SelfAttention "attention": Each step attends to every other step (2 heads x 4). Output [24, 8], 256
        // parameters.
        graph.addLayer("attention", new SelfAttentionLayer.Builder()
                .nOut(8)
                .nHeads(2)
                .headSize(4)
                .projectInput(true)
                .build(), "rnn");

        // Add "residual": Element-wise sum of its inputs. Output [24, 8].
        graph.addVertex("residual", new ElementWiseVertex(ElementWiseVertex.Op.Add), "rnn", "attention");

        // Flatten "flat": Image or sequence to a flat vector. Output [192].
        // Reshaped rather than preprocessed: DL4J's RNN-to-feed-forward step would fold time into the batch.
        graph.addVertex("flat", new ReshapeVertex('c', new int[] {-1, 192}, null), "residual");

        // Output "out": Final layer with a loss (4 units, softmax, mcxent). Output [4], 772 parameters.
        graph.addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT)
                .nOut(4)
                .activation(Activation.SOFTMAX)
                .build(), "flat");

        // The shape of one example per input, in the order of the network's input arrays.
        graph.setInputTypes(InputType.recurrent(1, 24));
        graph.setOutputs("out");
        return graph.build();
    }

    /** Builds the network, prints its summary and runs one random example through it. */
    public static void main(String[] args) {
        ComputationGraph network = new ComputationGraph(configuration());
        network.init();
        System.out.println(network.summary());

        // One random example per input in DL4J's layout: features [1, n], images [1, c, h, w], sequences [1, f, t].
        INDArray[] outputs = network.output(Nd4j.rand(DataType.FLOAT, 1, 1, 24));
        System.out.println("out: " + Arrays.toString(outputs[0].shape()));
        // To train it: network.fit(data) with a DataSetIterator, for 12 epochs.
    }
}
