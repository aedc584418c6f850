package io.layerlab.compile.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Set;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A frozen batch normalisation behaves as Keras' non-trainable one: stored statistics in training
 * too, the input gradient of that fixed affine map, and parameters that training leaves alone.
 */
class FrozenBatchNormalizationTest {
    private static final int FEATURES = 3;
    private static final int CHANNELS = 3;
    /** DL4J's default, which LayerLab keeps. */
    private static final double EPS = 1e-5;

    /** in -> dense or conv (4 units or 3 filters, tanh) -> bn -> softmax output; the bn's statistics made uneven. */
    private static ComputationGraph network(boolean image, Layer bn, DataType type, boolean train) {
        Layer before = image
                ? new ConvolutionLayer.Builder(2, 2).nOut(CHANNELS).activation(Activation.TANH).build()
                : new DenseLayer.Builder().nOut(4).activation(Activation.TANH).build();
        var conf = new NeuralNetConfiguration.Builder().seed(11).dataType(type).updater(train ? new Adam(0.05) : new NoOp())
                .graphBuilder().addInputs("in")
                .setInputTypes(image ? InputType.convolutional(4, 4, 2) : InputType.feedForward(FEATURES))
                .addLayer("before", before, "in")
                .addLayer("bn", bn, "before")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build(), "bn")
                .setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        Nd4j.getRandom().setSeed(4);
        long n = net.getParam("bn_gamma").length();
        net.setParam("bn_gamma", Nd4j.rand(type, n).addi(0.5));
        net.setParam("bn_beta", Nd4j.rand(type, n).subi(0.5));
        net.setParam("bn_mean", Nd4j.rand(type, n).subi(0.5));
        net.setParam("bn_log10stdev", Nd4j.rand(type, n).subi(0.5).muli(0.6));
        return net;
    }

    private static INDArray input(boolean image, long batch, DataType type) {
        Nd4j.getRandom().setSeed(9);
        return Nd4j.rand(type, image ? new long[] {batch, 2, 4, 4} : new long[] {batch, FEATURES}).subi(0.5).muli(3);
    }

    private static INDArray labels(long batch, DataType type) {
        INDArray labels = Nd4j.zeros(type, batch, 2);
        for (int i = 0; i < batch; i++) labels.putScalar(i, i % 2, 1);
        return labels;
    }

    /** gamma / sqrt(var + eps) for feature or channel f, var being (10^log10stdev)^2. */
    private static double slope(ComputationGraph net, long f) {
        double var = Math.pow(10, 2 * net.getParam("bn_log10stdev").getDouble(f));
        return net.getParam("bn_gamma").getDouble(f) / Math.sqrt(var + EPS);
    }

    /** gamma * (x - mean) / sqrt(var + eps) + beta at one position of {@code x}, whose feature or channel is index 1. */
    private static double expected(ComputationGraph net, INDArray x, long... at) {
        long f = at[1];
        return (x.getDouble(at) - net.getParam("bn_mean").getDouble(f)) * slope(net, f) + net.getParam("bn_beta").getDouble(f);
    }

    @ParameterizedTest(name = "image {0}")
    @ValueSource(booleans = {false, true})
    void normalisesWithItsStoredStatisticsInTrainingAsDl4jsLayerDoesInInference(boolean image) {
        ComputationGraph frozen = network(image, new FrozenBatchNormalization(), DataType.DOUBLE, false);
        ComputationGraph plain = network(image, new BatchNormalization.Builder().build(), DataType.DOUBLE, false);
        plain.setParams(frozen.params());
        INDArray x = frozen.feedForward(input(image, 5, DataType.DOUBLE), false).get("before");

        INDArray training = frozen.getLayer("bn").activate(x, true, LayerWorkspaceMgr.noWorkspaces());
        INDArray inference = plain.getLayer("bn").activate(x, false, LayerWorkspaceMgr.noWorkspaces());

        for (long i = 0; i < x.length(); i++) {
            long[] at = org.nd4j.linalg.api.shape.Shape.ind2subC(x, i);
            assertThat(training.getDouble(at)).as("value %s", java.util.Arrays.toString(at)).isCloseTo(expected(frozen, x, at), within(1e-9));
        }
        assertThat(training.equalsWithEps(inference, 1e-9)).as("DL4J's batch normalisation in inference mode").isTrue();
    }

    @ParameterizedTest(name = "image {0}")
    @ValueSource(booleans = {false, true})
    void passesBackTheSlopeOfItsFixedMapAndNoParameterGradients(boolean image) {
        ComputationGraph net = network(image, new FrozenBatchNormalization(), DataType.DOUBLE, false);
        INDArray x = net.feedForward(input(image, 4, DataType.DOUBLE), false).get("before");
        net.initGradientsView();
        var bn = net.getLayer("bn");
        bn.activate(x, true, LayerWorkspaceMgr.noWorkspaces());
        INDArray epsilon = Nd4j.rand(DataType.DOUBLE, x.shape()).subi(0.5);

        Pair<Gradient, INDArray> back = bn.backpropGradient(epsilon, LayerWorkspaceMgr.noWorkspaces());

        for (long i = 0; i < x.length(); i++) {
            long[] at = org.nd4j.linalg.api.shape.Shape.ind2subC(x, i);
            assertThat(back.getSecond().getDouble(at)).isCloseTo(epsilon.getDouble(at) * slope(net, at[1]), within(1e-12));
        }
        assertThat(back.getFirst().gradientForVariable()).containsOnlyKeys("gamma", "beta", "mean", "log10stdev");
        assertThat(back.getFirst().gradient().amaxNumber().doubleValue()).isZero();
    }

    @ParameterizedTest(name = "image {0}")
    @ValueSource(booleans = {false, true})
    void gradientsReachingTheLayerBeforeMatchNumericalGradients(boolean image) {
        DataType defaultType = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            ComputationGraph net = network(image, new FrozenBatchNormalization(), DataType.DOUBLE, false);
            boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(net)
                    .inputs(new INDArray[] {input(image, 3, DataType.DOUBLE)}).labels(new INDArray[] {labels(3, DataType.DOUBLE)})
                    // The frozen layer's own parameters have no gradient by design; what it passes back is checked through "before".
                    .excludeParams(Set.of("bn_gamma", "bn_beta", "bn_mean", "bn_log10stdev"))
                    .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8));
            assertThat(ok).isTrue();
        } finally {
            Nd4j.setDefaultDataTypes(defaultType, defaultType);
        }
    }

    @Test
    void trainingLeavesItsScaleShiftAndStatisticsWhileTheConvolutionBeforeItLearns() {
        ComputationGraph net = network(true, new FrozenBatchNormalization(), DataType.FLOAT, true);
        INDArray bnBefore = net.getLayer("bn").params().dup();
        INDArray convBefore = net.getLayer("before").params().dup();
        var data = new MultiDataSet(input(true, 8, DataType.FLOAT), labels(8, DataType.FLOAT));
        double scoreBefore = net.score(data);

        for (int i = 0; i < 10; i++) net.fit(data);

        assertThat(net.getLayer("bn").params()).isEqualTo(bnBefore);
        assertThat(net.getLayer("before").params()).isNotEqualTo(convBefore);
        assertThat(net.score(data)).isLessThan(scoreBefore);
    }

    @Test
    void aTrainedNetworkSurvivesJsonAndModelFilesWithIdenticalOutputs() throws Exception {
        ComputationGraph net = network(true, new FrozenBatchNormalization(), DataType.FLOAT, true);
        INDArray x = input(true, 6, DataType.FLOAT);
        net.fit(new MultiDataSet(x, labels(6, DataType.FLOAT)));

        String json = net.getConfiguration().toJson();
        ComputationGraphConfiguration fromJson = ComputationGraphConfiguration.fromJson(json);
        assertThat(fromJson.toJson()).isEqualTo(json);
        assertThat(fromJson).isEqualTo(net.getConfiguration());
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, zip, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(zip.toByteArray()), true);

        assertThat(restored.getLayer("bn")).isInstanceOf(FrozenBatchNormalization.Impl.class);
        assertThat(restored.outputSingle(x)).isEqualTo(net.outputSingle(x));
    }

    @Test
    void isNotEqualToDl4jsTrainableLayerWithTheSameSettings() {
        assertThat(new FrozenBatchNormalization()).isEqualTo(new FrozenBatchNormalization())
                .hasSameHashCodeAs(new FrozenBatchNormalization())
                .isNotEqualTo(new BatchNormalization.Builder().build());
        assertThat(new BatchNormalization.Builder().build()).isNotEqualTo(new FrozenBatchNormalization());
    }
}
