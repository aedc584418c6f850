package io.layerlab.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
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

class ShapeInfoCacheTest {
    @AfterAll
    static void leaveTheCacheIn() {
        assertTrue(ShapeInfoCache.install());
    }

    @Test
    void arraysOfOneShapeShareOneDescriptorAndOthersDoNot() {
        assertTrue(ShapeInfoCache.install());
        assertInstanceOf(ShapeInfoCache.class, Nd4j.getShapeInfoProvider());

        INDArray first = Nd4j.create(DataType.FLOAT, 3, 5);
        INDArray second = Nd4j.create(DataType.FLOAT, 3, 5);
        assertSame(first.shapeInfoDataBuffer(), second.shapeInfoDataBuffer());

        assertNotSame(first.shapeInfoDataBuffer(), Nd4j.create(DataType.FLOAT, 5, 3).shapeInfoDataBuffer());
        assertNotSame(first.shapeInfoDataBuffer(), Nd4j.create(DataType.DOUBLE, 3, 5).shapeInfoDataBuffer());
        assertNotSame(first.shapeInfoDataBuffer(), Nd4j.create(DataType.FLOAT, new long[]{3, 5}, 'f').shapeInfoDataBuffer());
        INDArray transposed = first.transpose();
        assertArrayEquals(new long[]{5, 3}, transposed.shape());
        assertArrayEquals(new long[]{1, 5}, transposed.stride());
    }

    @Test
    void aDescriptorIsReadTheSameWhicheverArrayMadeIt() {
        assertTrue(ShapeInfoCache.install());
        INDArray values = Nd4j.arange(12).castTo(DataType.FLOAT).reshape(3, 4);
        INDArray again = Nd4j.arange(12).castTo(DataType.FLOAT).reshape(3, 4).addi(1);
        assertEquals(66f, values.sumNumber().floatValue());
        assertEquals(78f, again.sumNumber().floatValue());
        assertArrayEquals(new float[]{4, 5, 6, 7}, values.getRow(1).toFloatVector());
        assertArrayEquals(new float[]{2, 6, 10}, again.getColumn(1).toFloatVector());
    }

    @Test
    void theCacheStopsGrowingAtItsLimit() {
        ShapeInfoCache cache = new ShapeInfoCache(3);
        for (int n = 1; n <= 10; n++) {
            cache.createShapeInformation(new long[]{n, 2}, new long[]{2, 1}, 1, 'c', DataType.FLOAT, false);
        }
        assertEquals(3, cache.size());
        var kept = cache.createShapeInformation(new long[]{1, 2}, new long[]{2, 1}, 1, 'c', DataType.FLOAT, false);
        assertSame(kept, cache.createShapeInformation(new long[]{1, 2}, new long[]{2, 1}, 1, 'c', DataType.FLOAT, false));
        var uncached = cache.createShapeInformation(new long[]{10, 2}, new long[]{2, 1}, 1, 'c', DataType.FLOAT, false);
        assertNotSame(uncached, cache.createShapeInformation(new long[]{10, 2}, new long[]{2, 1}, 1, 'c', DataType.FLOAT, false));
        long[] described = uncached.getSecond(); // rank, then the shape
        assertArrayEquals(new long[]{2, 10, 2}, new long[]{described[0], described[1], described[2]});
    }

    /** The losses of a dense, a convolutional and a recurrent network, every iteration, bit for bit. */
    @Test
    void trainingLosesExactlyWhatItLosesWithoutTheCache() throws ReflectiveOperationException {
        ShapeInfoCache.uninstall();
        double[] dense = losses(ShapeInfoCacheTest::dense, denseData());
        double[] conv = losses(ShapeInfoCacheTest::convolutional, imageData());
        double[] recurrent = losses(ShapeInfoCacheTest::recurrent, sequenceData());

        assertTrue(ShapeInfoCache.install());
        assertArrayEquals(dense, losses(ShapeInfoCacheTest::dense, denseData()));
        assertArrayEquals(conv, losses(ShapeInfoCacheTest::convolutional, imageData()));
        assertArrayEquals(recurrent, losses(ShapeInfoCacheTest::recurrent, sequenceData()));
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
