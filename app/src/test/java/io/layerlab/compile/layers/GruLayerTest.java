package io.layerlab.compile.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

class GruLayerTest {
    private static final int FEATURES = 3;
    private static final int STEPS = 5;
    private static final int UNITS = 4;

    private static ComputationGraph network(Activation activation, boolean everyStep, DataType type, boolean train) {
        var gru = new GruLayer.Builder().nOut(UNITS).activation(activation).build();
        var graph = new NeuralNetConfiguration.Builder().seed(12).dataType(type)
                .updater(train ? new Adam(0.05) : new NoOp())
                .graphBuilder().addInputs("in").setInputTypes(InputType.recurrent(FEATURES, STEPS));
        if (everyStep) {
            graph.addLayer("gru", gru, "in")
                    .addLayer("out", new RnnOutputLayer.Builder(LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build(), "gru");
        } else {
            graph.addLayer("gru", new LastTimeStep(gru), "in")
                    .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build(), "gru");
        }
        ComputationGraph net = new ComputationGraph(graph.setOutputs("out").build());
        net.init();
        return net;
    }

    private static INDArray oneHot(long batch, long... steps) {
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, steps.length == 0 ? new long[] {batch, 2} : new long[] {batch, 2, steps[0]});
        for (int i = 0; i < batch; i++) {
            if (steps.length == 0) labels.putScalar(i, i % 2, 1);
            else for (int t = 0; t < steps[0]; t++) labels.putScalar(new int[] {i, (i + t) % 2, t}, 1);
        }
        return labels;
    }

    @ParameterizedTest
    @ValueSource(strings = {"TANH", "SIGMOID"})
    void backpropMatchesNumericalGradientsForTheLastStepAndForEveryStep(String activation) {
        DataType defaultType = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            checkGradients(activation);
        } finally {
            Nd4j.setDefaultDataTypes(defaultType, defaultType);
        }
    }

    private static void checkGradients(String activation) {
        Nd4j.getRandom().setSeed(3);
        INDArray input = Nd4j.rand(DataType.DOUBLE, 3, FEATURES, STEPS).subi(0.5).muli(2);
        for (boolean everyStep : new boolean[] {false, true}) {
            ComputationGraph net = network(Activation.valueOf(activation), everyStep, DataType.DOUBLE, false);
            INDArray labels = everyStep ? oneHot(3, STEPS) : oneHot(3);
            boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(net)
                    .inputs(new INDArray[] {input}).labels(new INDArray[] {labels})
                    .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8));
            assertThat(ok).as(activation + (everyStep ? " every step" : " last step")).isTrue();
        }
    }

    @Test
    void computesKerasResetBeforeCellWithGatesInUpdateResetCandidateOrder() {
        ComputationGraph net = network(Activation.TANH, true, DataType.DOUBLE, false);
        Nd4j.getRandom().setSeed(5);
        INDArray w = net.getParam("gru_W");
        INDArray rw = net.getParam("gru_RW");
        INDArray b = net.getParam("gru_b");
        b.assign(Nd4j.rand(DataType.DOUBLE, b.shape()).subi(0.5));
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, FEATURES, STEPS);
        INDArray out = net.getLayer("gru").activate(x, false, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());

        for (int n = 0; n < 2; n++) {
            double[] h = new double[UNITS];
            for (int t = 0; t < STEPS; t++) {
                double[] next = new double[UNITS];
                double[] z = new double[UNITS];
                double[] r = new double[UNITS];
                for (int j = 0; j < UNITS; j++) {
                    z[j] = sigmoid(affine(x, n, t, w, rw, b, h, j));
                    r[j] = sigmoid(affine(x, n, t, w, rw, b, h, UNITS + j));
                }
                double[] resetState = new double[UNITS];
                for (int k = 0; k < UNITS; k++) resetState[k] = r[k] * h[k];
                for (int j = 0; j < UNITS; j++) {
                    double c = Math.tanh(affine(x, n, t, w, rw, b, resetState, 2 * UNITS + j));
                    next[j] = z[j] * h[j] + (1 - z[j]) * c;
                    assertThat(out.getDouble(n, j, t)).as("example %d unit %d step %d", n, j, t).isCloseTo(next[j], within(1e-9));
                }
                h = next;
            }
        }
    }

    /** x_t · W[:, column] + state · RW[:, column] + b[column]. */
    private static double affine(INDArray x, int n, int t, INDArray w, INDArray rw, INDArray b, double[] state, int column) {
        double sum = b.getDouble(0, column);
        for (int f = 0; f < FEATURES; f++) sum += x.getDouble(n, f, t) * w.getDouble(f, column);
        for (int k = 0; k < UNITS; k++) sum += state[k] * rw.getDouble(k, column);
        return sum;
    }

    private static double sigmoid(double v) { return 1 / (1 + Math.exp(-v)); }

    @Test
    void hasThreeGatesOfInputWeightsRecurrentWeightsAndBias() {
        ComputationGraph net = network(Activation.TANH, false, DataType.FLOAT, false);
        assertThat(net.getLayer("gru").numParams()).isEqualTo(3L * (FEATURES * UNITS + UNITS * UNITS + UNITS));
        assertThat(net.getParam("gru_W").shape()).containsExactly(FEATURES, 3 * UNITS);
        assertThat(net.getParam("gru_RW").shape()).containsExactly(UNITS, 3 * UNITS);
        assertThat(net.getParam("gru_b").shape()).containsExactly(1, 3 * UNITS);
    }

    @Test
    void aTrainedNetworkSurvivesJsonAndModelFilesWithIdenticalOutputs() throws Exception {
        ComputationGraph net = network(Activation.TANH, false, DataType.FLOAT, true);
        Nd4j.getRandom().setSeed(8);
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, FEATURES, STEPS);
        INDArray y = oneHot(16).castTo(DataType.FLOAT);
        double before = net.score(new DataSet(x, y));
        for (int i = 0; i < 20; i++) net.fit(new DataSet(x, y));
        assertThat(net.score(new DataSet(x, y))).isLessThan(before);

        String json = net.getConfiguration().toJson();
        ComputationGraphConfiguration fromJson = ComputationGraphConfiguration.fromJson(json);
        assertThat(fromJson.toJson()).isEqualTo(json);
        ComputationGraph rebuilt = new ComputationGraph(fromJson);
        rebuilt.init(net.params().dup(), false);
        assertThat(rebuilt.outputSingle(x)).isEqualTo(net.outputSingle(x));

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, zip, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(zip.toByteArray()), true);
        assertThat(restored.outputSingle(x)).isEqualTo(net.outputSingle(x));
        assertThat(restored.getConfiguration().toJson()).isEqualTo(json);
    }
}
