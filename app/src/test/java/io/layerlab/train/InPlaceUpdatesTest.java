package io.layerlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class InPlaceUpdatesTest {
    @Test
    void theUpdaterIsHandedTheNetworksOwnGradientArray() {
        ComputationGraph plain = residual();
        plain.fit(denseData());
        assertNotSame(plain.getFlattenedGradients(), plain.gradient().gradient(),
                "DL4J 1.0.0-M2.1 hands out a fresh view (if this fails, DL4J fixed it and the listener is moot)");

        ComputationGraph net = residual();
        InPlaceUpdates.attachTo(net);
        net.fit(denseData());
        assertSame(net.getFlattenedGradients(), net.gradient().gradient());
    }

    @Test
    void attachingTwiceAddsOneListener() {
        ComputationGraph net = residual();
        InPlaceUpdates.attachTo(net);
        InPlaceUpdates.attachTo(net);
        long count = net.getListeners().stream().filter(l -> l instanceof InPlaceUpdates).count();
        assertEquals(1, count);
    }

    /** Parameters after every iteration, bit for bit, with a skip connection (Adam, L2) and an LSTM (Nesterov momentum). */
    @Test
    void trainingEndsWithExactlyTheSameParameters() {
        assertSameTraining(InPlaceUpdatesTest::residual, denseData());
        assertSameTraining(InPlaceUpdatesTest::recurrent, sequenceData());
    }

    private static void assertSameTraining(Supplier<ComputationGraph> network, DataSet data) {
        ComputationGraph without = network.get();
        ComputationGraph with = network.get();
        InPlaceUpdates.attachTo(with);
        INDArray before = without.params().dup();
        for (int i = 0; i < 20; i++) {
            without.fit(data);
            with.fit(data);
            assertArrayEquals(without.params().toFloatVector(), with.params().toFloatVector(), "iteration " + i);
            assertEquals(without.score(), with.score());
        }
        assertTrue(without.params().sub(before).norm2Number().doubleValue() > 0, "the network trained");
        assertTrue(with.getListeners().stream().anyMatch((TrainingListener l) -> l instanceof InPlaceUpdates));
    }

    private static ComputationGraph residual() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).updater(new Adam(0.01)).l2(1e-4)
                .dataType(DataType.FLOAT).graphBuilder().addInputs("in")
                .addLayer("a", new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.RELU).build(), "in")
                .addLayer("b", new DenseLayer.Builder().nIn(8).nOut(8).activation(Activation.TANH).build(), "a")
                .addVertex("sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), "a", "b")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "sum")
                .setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    private static ComputationGraph recurrent() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(6).updater(new Nesterovs(0.05, 0.9))
                .dataType(DataType.FLOAT).graphBuilder().addInputs("in")
                .addLayer("lstm", new LSTM.Builder().nIn(2).nOut(5).activation(Activation.TANH).build(), "in")
                .addLayer("out", new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(5).nOut(1)
                        .activation(Activation.IDENTITY).build(), "lstm")
                .setOutputs("out").setInputTypes(InputType.recurrent(2, 4)).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    private static DataSet denseData() {
        Nd4j.getRandom().setSeed(21);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 16, 3);
        for (int i = 0; i < 16; i++) {
            labels.putScalar(i, i % 3, 1f);
        }
        return new DataSet(Nd4j.rand(DataType.FLOAT, 16, 4), labels);
    }

    private static DataSet sequenceData() {
        Nd4j.getRandom().setSeed(22);
        return new DataSet(Nd4j.rand(DataType.FLOAT, 5, 2, 4), Nd4j.rand(DataType.FLOAT, 5, 1, 4));
    }
}
