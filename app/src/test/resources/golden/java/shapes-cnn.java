import java.util.Arrays;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Shapes with a small CNN
 *
 * <p>Convolutions slide small learned filters over the picture, so an edge or a corner is found
 * wherever it is; pooling halves the picture and keeps the strongest responses, which shrinks the
 * work and tolerates small shifts.
 *
 * <p>Exported from LayerLab: configuration() builds the same DL4J network as LayerLab's compiler
 * (9,604 parameters). Needs deeplearning4j-core and an ND4J backend such as nd4j-native-platform,
 * version 1.0.0-M2.1.
 *
 * <p>Training as LayerLab runs it: adam at learning rate 0.005 (set in configuration()), batches of
 * 16, 12 epochs, shuffled; data from the "shapes" source (samples 800, size 16, classes 4, noise
 * 0.1), 20% kept for validation.
 */
public class ShapesWithASmallCnnNetwork {
    /**
     * The network's configuration. Inputs: {@code image}; outputs: {@code out}.
     */
    public static ComputationGraphConfiguration configuration() {
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(42L)
                .updater(new Adam(0.005))
                .weightInit(WeightInit.XAVIER)
                // DL4J's default is sigmoid; layers without an activation of their own (dropout, pooling) are linear.
                .activation(Activation.IDENTITY)
                .graphBuilder();

        // Input "image": Where data enters the network (shape 16x16x1). Output [16, 16, 1].
        graph.addInputs("image");

        // Conv2D "conv1": 2-D convolution over an image (8 filters 3x3, same, relu). Output [16, 16, 8], 80 parameters.
        graph.addLayer("conv1", new ConvolutionLayer.Builder(new int[] {3, 3}, new int[] {1, 1})
                .nOut(8)
                .convolutionMode(ConvolutionMode.Same)
                .activation(Activation.RELU)
                .weightInit(WeightInit.RELU)
                .build(), "image");

        // MaxPooling2D "pool1": Keeps the largest value in each window (2x2 stride 2, valid). Output [8, 8, 8].
        graph.addLayer("pool1", new SubsamplingLayer.Builder(PoolingType.MAX, new int[] {2, 2})
                .stride(2, 2)
                .convolutionMode(ConvolutionMode.Truncate)
                .build(), "conv1");

        // Conv2D "conv2": 2-D convolution over an image (16 filters 3x3, same, relu). Output [8, 8, 16], 1,168
        // parameters.
        graph.addLayer("conv2", new ConvolutionLayer.Builder(new int[] {3, 3}, new int[] {1, 1})
                .nOut(16)
                .convolutionMode(ConvolutionMode.Same)
                .activation(Activation.RELU)
                .weightInit(WeightInit.RELU)
                .build(), "pool1");

        // MaxPooling2D "pool2": Keeps the largest value in each window (2x2 stride 2, valid). Output [4, 4, 16].
        graph.addLayer("pool2", new SubsamplingLayer.Builder(PoolingType.MAX, new int[] {2, 2})
                .stride(2, 2)
                .convolutionMode(ConvolutionMode.Truncate)
                .build(), "conv2");

        // Flatten "flat": Image or sequence to a flat vector. Output [256].
        graph.addVertex("flat", new PreprocessorVertex(new CnnToFeedForwardPreProcessor(4, 4, 16)), "pool2");

        // Dense "dense": Fully connected layer (32 units, relu). Output [32], 8,224 parameters.
        graph.addLayer("dense", new DenseLayer.Builder()
                .nOut(32)
                .activation(Activation.RELU)
                .weightInit(WeightInit.RELU)
                .build(), "flat");

        // Dropout "drop": Randomly drops values while training (rate 0.25). Output [32].
        graph.addLayer("drop", new DropoutLayer.Builder(1.0 - 0.25).build(), "dense");

        // Output "out": Final layer with a loss (4 units, softmax, mcxent). Output [4], 132 parameters.
        graph.addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT)
                .nOut(4)
                .activation(Activation.SOFTMAX)
                .build(), "drop");

        // The shape of one example per input, in the order of the network's input arrays.
        graph.setInputTypes(InputType.convolutional(16, 16, 1));
        graph.setOutputs("out");
        return graph.build();
    }

    /** Builds the network, prints its summary and runs one random example through it. */
    public static void main(String[] args) {
        ComputationGraph network = new ComputationGraph(configuration());
        network.init();
        System.out.println(network.summary());

        // One random example per input in DL4J's layout: features [1, n], images [1, c, h, w], sequences [1, f, t].
        INDArray[] outputs = network.output(Nd4j.rand(DataType.FLOAT, 1, 1, 16, 16));
        System.out.println("out: " + Arrays.toString(outputs[0].shape()));
        // To train it: network.fit(data) with a DataSetIterator, for 12 epochs.
    }
}
