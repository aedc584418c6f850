import java.util.Arrays;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitConstant;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Digits with two branches
 *
 * <p>A test network that uses every image layer: convolutions with "same" and "valid" padding, batch
 * normalisation, both poolings, a global-average branch beside a flattened one, a merge, a
 * residual Add and the activations Keras needs layers for.
 *
 * <p>Exported from LayerLab: configuration() builds the same DL4J network as LayerLab's compiler
 * (12,522 parameters). Needs deeplearning4j-core and an ND4J backend such as nd4j-native-platform,
 * version 1.0.0-M2.1.
 *
 * <p>Training as LayerLab runs it: nesterov at learning rate 0.05 (set in configuration()), batches
 * of 64, 10 epochs, shuffled; data from the "digits" source, 10% kept for validation.
 */
public class DigitsWithTwoBranchesNetwork {
    /**
     * The network's configuration. Inputs: {@code image}; outputs: {@code digit}.
     */
    public static ComputationGraphConfiguration configuration() {
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(11L)
                .updater(new Nesterovs(0.05, 0.9))
                .weightInit(WeightInit.XAVIER)
                // DL4J's default is sigmoid; layers without an activation of their own (dropout, pooling) are linear.
                .activation(Activation.IDENTITY)
                .graphBuilder();

        // Input "image": Where data enters the network (shape 28x28x1). Output [28, 28, 1].
        graph.addInputs("image");

        // Conv2D "conv1": 2-D convolution over an image (8 filters 3x3, same, relu). Output [28, 28, 8], 80 parameters.
        graph.addLayer("conv1", new ConvolutionLayer.Builder(new int[] {3, 3}, new int[] {1, 1})
                .nOut(8)
                .convolutionMode(ConvolutionMode.Same)
                .activation(Activation.RELU)
                .weightInit(WeightInit.RELU)
                .build(), "image");

        // BatchNormalization "norm1": Normalises each feature over the batch. Output [28, 28, 8], 32 parameters.
        graph.addLayer("norm1", new BatchNormalization.Builder().build(), "conv1");

        // MaxPooling2D "pool1": Keeps the largest value in each window (2x2 stride 2, valid). Output [14, 14, 8].
        graph.addLayer("pool1", new SubsamplingLayer.Builder(PoolingType.MAX, new int[] {2, 2})
                .stride(2, 2)
                .convolutionMode(ConvolutionMode.Truncate)
                .build(), "norm1");

        // Conv2D "conv2": 2-D convolution over an image (16 filters 3x3 stride 2, valid, prelu, frozen). Output [6, 6,
        // 16], 1,744 parameters.
        // prelu: the layer stays linear and a learned PReLU follows it, one slope per value.
        graph.addLayer("conv2_linear", new FrozenLayerWithBackprop(new ConvolutionLayer.Builder(new int[] {3, 3}, new int[] {2, 2})
                .nOut(16)
                .convolutionMode(ConvolutionMode.Truncate)
                .activation(Activation.IDENTITY)
                .build()), "pool1");
        graph.addLayer("conv2", new FrozenLayerWithBackprop(new PReLULayer.Builder()
                .inputShape(16, 6, 6)
                .weightInit(new WeightInitConstant(0.25))
                .build()), "conv2_linear");

        // AveragePooling2D "pool2": Averages each window (2x2 stride 2, valid). Output [3, 3, 16].
        graph.addLayer("pool2", new SubsamplingLayer.Builder(PoolingType.AVG, new int[] {2, 2})
                .stride(2, 2)
                .convolutionMode(ConvolutionMode.Truncate)
                .build(), "conv2");

        // GlobalAveragePooling2D "gap": One average per channel. Output [16].
        graph.addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "pool2");

        // Flatten "flat": Image or sequence to a flat vector. Output [144].
        graph.addVertex("flat", new PreprocessorVertex(new CnnToFeedForwardPreProcessor(3, 3, 16)), "pool2");

        // Concatenate "joined": Joins its inputs along the features. Output [160].
        graph.addVertex("joined", new MergeVertex(), "gap", "flat");

        // Dense "dense_a": Fully connected layer (32 units, leakyrelu). Output [32], 5,152 parameters.
        graph.addLayer("dense_a", new DenseLayer.Builder()
                .nOut(32)
                .activation(new ActivationLReLU(0.01))
                .build(), "joined");

        // Dense "dense_b": Fully connected layer (32 units, swish). Output [32], 5,152 parameters.
        graph.addLayer("dense_b", new DenseLayer.Builder().nOut(32).activation(Activation.SWISH).build(), "joined");

        // Add "sum": Element-wise sum of its inputs. Output [32].
        graph.addVertex("sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), "dense_a", "dense_b");

        // Activation "leaky": Applies a function to every value (leakyrelu alpha 0.2). Output [32].
        graph.addLayer("leaky", new ActivationLayer.Builder().activation(new ActivationLReLU(0.2)).build(), "sum");

        // Dropout "drop": Randomly drops values while training (rate 0.25). Output [32].
        graph.addLayer("drop", new DropoutLayer.Builder(1.0 - 0.25).build(), "leaky");

        // Activation "elu": Applies a function to every value (elu alpha 0.5). Output [32].
        graph.addLayer("elu", new ActivationLayer.Builder().activation(new ActivationELU(0.5)).build(), "drop");

        // Activation "learned": Applies a function to every value (prelu). Output [32], 32 parameters.
        graph.addLayer("learned", new PReLULayer.Builder()
                .inputShape(32)
                .weightInit(new WeightInitConstant(0.25))
                .build(), "elu");

        // Activation "gate": Applies a function to every value (step). Output [32].
        graph.addLayer("gate", new ActivationLayer.Builder().activation(new StepActivation()).build(), "learned");

        // Activation "smooth": Applies a function to every value (gelu). Output [32].
        graph.addLayer("smooth", new ActivationLayer.Builder().activation(new ActivationGELU(true)).build(), "gate");

        // Output "digit": Final layer with a loss (10 units, softmax, mcxent). Output [10], 330 parameters.
        graph.addLayer("digit", new OutputLayer.Builder(LossFunction.MCXENT)
                .nOut(10)
                .activation(Activation.SOFTMAX)
                .build(), "smooth");

        // The shape of one example per input, in the order of the network's input arrays.
        graph.setInputTypes(InputType.convolutional(28, 28, 1));
        graph.setOutputs("digit");
        return graph.build();
    }

    /** Builds the network, prints its summary and runs one random example through it. */
    public static void main(String[] args) {
        ComputationGraph network = new ComputationGraph(configuration());
        network.init();
        System.out.println(network.summary());

        // One random example per input in DL4J's layout: features [1, n], images [1, c, h, w], sequences [1, f, t].
        INDArray[] outputs = network.output(Nd4j.rand(DataType.FLOAT, 1, 1, 28, 28));
        System.out.println("digit: " + Arrays.toString(outputs[0].shape()));
        // To train it: network.fit(data) with a DataSetIterator, for 10 epochs.
    }

    /**
     * The perceptron's step function: 1 where the input is positive, else 0. Its slope is zero everywhere,
     * so no gradient flows back through it (the lesson LayerLab's "step" activation teaches).
     */
    public static final class StepActivation extends BaseActivationFunction {
        @Override
        public INDArray getActivation(INDArray in, boolean training) {
            return in.assign(in.gt(0.0).castTo(in.dataType()));
        }

        @Override
        public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
            assertShape(in, epsilon);
            return new Pair<>(Nd4j.zerosLike(in), null);
        }

        @Override public boolean equals(Object o) { return o instanceof StepActivation; }

        @Override public int hashCode() { return StepActivation.class.hashCode(); }

        @Override public String toString() { return "step"; }
    }
}
