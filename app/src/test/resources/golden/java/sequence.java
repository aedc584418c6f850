import java.util.Arrays;

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
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitConstant;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

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
        graph.addLayer("context_norm", new FrozenLayerWithBackprop(new BatchNormalization.Builder()
                .build()), "context_dense");

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
}
