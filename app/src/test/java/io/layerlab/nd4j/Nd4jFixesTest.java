package io.layerlab.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class Nd4jFixesTest {
    @AfterAll
    static void leaveTheFixesIn() {
        Nd4jFixes.install();
    }

    @Test
    void installingPutsAllThreeIn() {
        Nd4jFixes.install();
        assertTrue(NativeBufferGuard.installed());
        assertTrue(ShapeInfoCache.installed());
        assertTrue(TadCache.installed());
    }

    /** The losses of a dense, a convolutional and a recurrent network, every iteration, bit for bit, without the caches and with them. */
    @Test
    void trainingLosesExactlyWhatItLosesWithoutTheCache() throws ReflectiveOperationException {
        Nd4jFixes.uninstallCaches();
        double[] dense = losses(Nd4jFixesTest::dense, denseData());
        double[] conv = losses(Nd4jFixesTest::convolutional, imageData());
        double[] recurrent = losses(Nd4jFixesTest::recurrent, sequenceData());

        Nd4jFixes.install();
        assertArrayEquals(dense, losses(Nd4jFixesTest::dense, denseData()));
        assertArrayEquals(conv, losses(Nd4jFixesTest::convolutional, imageData()));
        assertArrayEquals(recurrent, losses(Nd4jFixesTest::recurrent, sequenceData()));
        assertTrue(dense[dense.length - 1] < dense[0], "the dense network learns");
    }

    private static double[] losses(Supplier<MultiLayerConfiguration> config, DataSet data) {
        MultiLayerNetwork network = new MultiLayerNetwork(config.get());
        network.init();
        double[] losses = new double[25];
        for (int i = 0; i < losses.length; i++) {
            network.fit(data);
            losses[i] = network.score();
        }
        return losses;
    }

    private static NeuralNetConfiguration.ListBuilder base() {
        return new NeuralNetConfiguration.Builder().seed(7).updater(new Adam(0.01)).dataType(DataType.FLOAT).list();
    }

    private static MultiLayerConfiguration dense() {
        return base()
                .layer(new DenseLayer.Builder().nIn(4).nOut(16).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(4)).build();
    }

    private static MultiLayerConfiguration convolutional() {
        return base()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 1)).build();
    }

    private static MultiLayerConfiguration recurrent() {
        return base()
                .layer(new LSTM.Builder().nIn(2).nOut(6).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(1).activation(Activation.IDENTITY).build())
                .setInputType(InputType.recurrent(2, 5)).build();
    }

    private static DataSet denseData() {
        Nd4j.getRandom().setSeed(11);
        INDArray features = Nd4j.rand(DataType.FLOAT, 32, 4);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 32, 3);
        for (int i = 0; i < 32; i++) {
            labels.putScalar(i, i % 3, 1f);
        }
        return new DataSet(features, labels);
    }

    private static DataSet imageData() {
        Nd4j.getRandom().setSeed(12);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 8, 2);
        for (int i = 0; i < 8; i++) {
            labels.putScalar(i, i % 2, 1f);
        }
        return new DataSet(Nd4j.rand(DataType.FLOAT, 8, 1, 8, 8), labels);
    }

    private static DataSet sequenceData() {
        Nd4j.getRandom().setSeed(13);
        return new DataSet(Nd4j.rand(DataType.FLOAT, 6, 2, 5), Nd4j.rand(DataType.FLOAT, 6, 1, 5));
    }
}
