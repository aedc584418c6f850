package io.layerlab.train;

import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;
import java.util.Random;

/** Tiny networks and data sets, built with DL4J directly, small enough for 2 shared cores. */
final class TinyProblems {
    private TinyProblems() {
    }

    /** XOR of the signs of two coordinates, with noise: not linearly separable. */
    static DataSet xor(int samples, long seed) {
        Random random = new Random(seed);
        float[][] features = new float[samples][2];
        float[][] labels = new float[samples][2];
        for (int i = 0; i < samples; i++) {
            float x = (float) (random.nextDouble() * 2 - 1);
            float y = (float) (random.nextDouble() * 2 - 1);
            features[i][0] = x;
            features[i][1] = y;
            labels[i][(x > 0) == (y > 0) ? 0 : 1] = 1;
        }
        return new DataSet(Nd4j.create(features), Nd4j.create(labels));
    }

    /** Random points with random labels: nothing to learn, so a net can only memorise. */
    static DataSet noise(int samples, long seed) {
        Random random = new Random(seed);
        float[][] features = new float[samples][2];
        float[][] labels = new float[samples][2];
        for (int i = 0; i < samples; i++) {
            features[i][0] = (float) random.nextGaussian();
            features[i][1] = (float) random.nextGaussian();
            labels[i][random.nextInt(2)] = 1;
        }
        return new DataSet(Nd4j.create(features), Nd4j.create(labels));
    }

    /** y = 3x - 1 + noise. */
    static DataSet line(int samples, long seed) {
        Random random = new Random(seed);
        float[][] features = new float[samples][1];
        float[][] labels = new float[samples][1];
        for (int i = 0; i < samples; i++) {
            float x = (float) (random.nextDouble() * 2 - 1);
            features[i][0] = x;
            labels[i][0] = (float) (3 * x - 1 + 0.05 * random.nextGaussian());
        }
        return new DataSet(Nd4j.create(features), Nd4j.create(labels));
    }

    static DataSetIterator batches(DataSet data, int batchSize) {
        List<DataSet> list = data.batchBy(batchSize);
        return new ExistingDataSetIterator(list);
    }

    /** 2 inputs, one tanh hidden layer (optionally with dropout), softmax over 2 classes. */
    static ComputationGraph classifier(long seed, int hidden, IUpdater updater, double dropoutRetain) {
        DenseLayer.Builder hiddenLayer = new DenseLayer.Builder().nIn(2).nOut(hidden).activation(Activation.TANH);
        if (dropoutRetain < 1) {
            hiddenLayer.dropOut(dropoutRetain);
        }
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("in")
                .addLayer("hidden", hiddenLayer.build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(hidden).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("out")
                .build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    static ComputationGraph classifier(long seed, IUpdater updater) {
        return classifier(seed, 8, updater, 1);
    }

    /** 1 input, one linear unit, mean squared error. */
    static ComputationGraph linearRegression(long seed, IUpdater updater) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(1).nOut(1)
                        .activation(Activation.IDENTITY).build(), "in")
                .setOutputs("out")
                .build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    static TrainingSpec spec(String optimizer, double learningRate, int epochs) {
        return new TrainingSpec(optimizer, learningRate, 20, epochs, false, 42);
    }

    static IUpdater adam(double learningRate) {
        return new Adam(learningRate);
    }

    static IUpdater sgd(double learningRate) {
        return new Sgd(learningRate);
    }

    /** The loss of {@code net} on all of {@code data} as one batch, in inference mode. */
    static double loss(ComputationGraph net, DataSet data) {
        return net.score(data, false);
    }

    static INDArray row(float... values) {
        return Nd4j.create(values, 1, values.length);
    }
}
