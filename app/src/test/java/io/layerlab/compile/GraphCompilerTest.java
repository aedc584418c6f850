package io.layerlab.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.layerlab.graph.Graph;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.DiagnosticCode;
import io.layerlab.train.TrainingSpec;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.deeplearning4j.util.ModelSerializer;
import java.io.File;
import java.nio.file.Path;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;

import java.util.List;
import java.util.Map;

/** What the compiled configuration means: the mapping details, JSON, training behaviour, and errors. */
class GraphCompilerTest {
    private static final TrainingSpec SGD = new TrainingSpec("sgd", 0.1, 4, 1, false, 3);

    @Test
    void parametersReachDl4jAsTheProjectFileMeansThem() {
        Graph g = new Graphs().input("in", 8, 8, 1)
                .then("valid", "Conv2D", "filters", 2, "padding", "valid")
                .then("same", "Conv2D", "filters", 2, "padding", "same", "activation", "elu")
                .then("pool", "MaxPooling2D", "padding", "same")
                .then("flat", "Flatten")
                .then("drop", "Dropout", "rate", 0.3)
                .then("leaky", "Activation", "function", "leakyrelu", "alpha", 0.2)
                .then("leakyDefault", "Activation", "function", "leakyrelu")
                .then("gelu", "Activation", "function", "gelu")
                .then("out", "Output", "units", 1, "activation", "linear", "loss", "mae")
                .build();

        ComputationGraphConfiguration conf = GraphCompiler.compile(g, SGD).configuration();

        assertThat(((ConvolutionLayer) layer(conf, "valid")).getConvolutionMode()).isEqualTo(ConvolutionMode.Truncate);
        assertThat(((ConvolutionLayer) layer(conf, "same")).getConvolutionMode()).isEqualTo(ConvolutionMode.Same);
        assertThat(((ActivationELU) ((ConvolutionLayer) layer(conf, "same")).getActivationFn()).getAlpha()).isEqualTo(1.0);
        assertThat(((SubsamplingLayer) layer(conf, "pool")).getConvolutionMode()).isEqualTo(ConvolutionMode.Same);
        assertThat(((Dropout) layer(conf, "drop").getIDropout()).getP()).as("DL4J takes the retain probability")
                .isCloseTo(0.7, within(1e-12));
        assertThat(((ActivationLReLU) activationOf(conf, "leaky")).getAlpha()).isEqualTo(0.2);
        assertThat(((ActivationLReLU) activationOf(conf, "leakyDefault")).getAlpha()).isEqualTo(0.01);
        assertThat(((ActivationGELU) activationOf(conf, "gelu")).isPrecise()).isTrue();
        assertThat(((BaseOutputLayer) layer(conf, "out")).getLossFn()).isInstanceOf(LossMAE.class);
        assertThat(conf.getDefaultConfiguration().getSeed()).isEqualTo(3);
        assertThat(conf.getNetworkInputs()).containsExactly("in");
        assertThat(conf.getNetworkOutputs()).containsExactly("out");
    }

    @Test
    void layersWithoutAnActivationParameterAreLinear() {
        Graph g = new Graphs().input("in", 3)
                .then("drop", "Dropout", "rate", 0.5)
                .then("bn", "BatchNormalization")
                .then("out", "Output", "units", 2)
                .build();
        CompiledModel model = GraphCompiler.compile(g, SGD);
        ComputationGraph net = model.newNetwork();
        INDArray x = Nd4j.createFromArray(new float[][] {{-2f, 0.5f, 3f}});

        Map<String, INDArray> acts = net.feedForward(new INDArray[] {x}, false);

        assertThat(acts.get("drop")).isEqualTo(x);
        // A fresh batch norm at test time uses mean 0 and variance 1: it passes values through.
        assertThat(acts.get("bn").getDouble(0, 0)).isCloseTo(-2.0, within(1e-3));
    }

    @Test
    void softmaxInsideTheNetworkNormalisesEachPositionsChannelsOrFeatures() {
        Graph g = new Graphs().input("img", 3, 4, 2)
                .then("conv", "Conv2D", "filters", 3, "kernel", List.of(1, 1), "activation", "softmax")
                .then("act", "Activation", "function", "softmax")
                .then("gap", "GlobalAveragePooling2D")
                .then("out", "Output", "units", 2)
                .build();
        CompiledModel model = GraphCompiler.compile(g, SGD);
        ComputationGraph net = model.newNetwork();

        Map<String, INDArray> acts = net.feedForward(Forward.randomInputs(g, model, 2), false);

        for (String node : List.of("conv", "act")) {
            INDArray channelSums = acts.get(node).sum(1);
            assertThat(channelSums.minNumber().doubleValue()).as(node).isCloseTo(1.0, within(1e-5));
            assertThat(channelSums.maxNumber().doubleValue()).as(node).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void jsonRoundTripKeepsCustomPiecesAndGivesTheSameNetwork() {
        Graph g = new Graphs().input("in", 4, 3)
                .then("lstm", "LSTM", "units", 3, "returnSequences", true, "frozen", true)
                .then("flat", "Flatten")
                .then("d", "Dense", "units", 4, "activation", "prelu")
                .then("step", "Activation", "function", "step")
                .then("out", "Output", "units", 2)
                .build();
        CompiledModel model = GraphCompiler.compile(g, SGD.withOptimizer("momentum"));

        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(model.toJson());

        assertThat(back).isEqualTo(model.configuration());
        assertThat(activationOf(back, "step")).isInstanceOf(StepActivation.class);
        assertThat(back.getDefaultConfiguration().getLayer()).isNull();
        assertThat(((LayerVertex) back.getVertices().get("d")).getLayerConf().getLayer().getUpdaterByParam("W"))
                .isEqualTo(new ClassicalMomentum(0.1, 0.9));
        ComputationGraph original = model.newNetwork();
        ComputationGraph restored = new ComputationGraph(back);
        restored.init();
        INDArray[] x = Forward.randomInputs(g, model, 2);
        assertThat(restored.params()).isEqualTo(original.params());
        assertThat(restored.output(x)[0]).isEqualTo(original.output(x)[0]);
    }

    @Test
    void savedModelRestoresClassicalMomentumAndItsVelocity(@TempDir Path dir) throws Exception {
        Graph g = new Graphs().input("in", 3)
                .then("d", "Dense", "units", 4, "activation", "tanh")
                .then("out", "Output", "units", 2)
                .build();
        ComputationGraph net = GraphCompiler.compile(g, SGD.withOptimizer("momentum")).newNetwork();
        net.fit(batch(3, 2));
        File zip = dir.resolve("model.zip").toFile();

        ModelSerializer.writeModel(net, zip, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(zip, true);

        assertThat(restored.getConfiguration()).isEqualTo(net.getConfiguration());
        assertThat(restored.params()).isEqualTo(net.params());
        INDArray velocity = net.getUpdater().getStateViewArray();
        assertThat(velocity.amaxNumber().doubleValue()).as("one step left a velocity").isPositive();
        assertThat(restored.getUpdater().getStateViewArray()).isEqualTo(velocity);
    }

    @Test
    void frozenLayerKeepsItsWeightsWhileLayersBeforeItStillLearn() {
        Graph g = new Graphs().input("in", 3)
                .then("first", "Dense", "units", 4, "activation", "tanh")
                .then("frozen", "Dense", "units", 4, "activation", "tanh", "frozen", true)
                .then("out", "Output", "units", 2)
                .build();
        CompiledModel model = GraphCompiler.compile(g, SGD);
        ComputationGraph net = model.newNetwork();
        INDArray firstBefore = net.getLayer("first").params().dup();
        INDArray frozenBefore = net.getLayer("frozen").params().dup();

        net.fit(batch(3, 2));

        assertThat(net.getLayer("frozen").params()).isEqualTo(frozenBefore);
        assertThat(net.getLayer("first").params()).isNotEqualTo(firstBefore);
    }

    @Test
    void stepActivationOutputsZeroOrOneAndPassesNoGradientBack() {
        Graph g = new Graphs().input("in", 3)
                .then("d", "Dense", "units", 5, "activation", "linear")
                .then("step", "Activation", "function", "step")
                .then("out", "Output", "units", 2)
                .build();
        CompiledModel model = GraphCompiler.compile(g, SGD);
        ComputationGraph net = model.newNetwork();
        INDArray dBefore = net.getLayer("d").params().dup();
        INDArray outBefore = net.getLayer("out").params().dup();
        MultiDataSet data = batch(3, 2);

        INDArray stepped = net.feedForward(data.getFeatures(), false).get("step");
        net.fit(data);

        INDArray linear = net.feedForward(data.getFeatures(), false).get("d");
        assertThat(stepped).isEqualTo(linear.gt(0).castTo(stepped.dataType()));
        assertThat(net.getLayer("d").params()).isEqualTo(dBefore);
        assertThat(net.getLayer("out").params()).isNotEqualTo(outBefore);
    }

    @Test
    void frozenPreluLayerFreezesBothItsVertices() {
        Graph g = new Graphs().input("in", 3)
                .then("d", "Dense", "units", 4, "activation", "prelu", "frozen", true)
                .then("out", "Output", "units", 2)
                .build();
        ComputationGraphConfiguration conf = GraphCompiler.compile(g, SGD).configuration();
        CompiledModel model = GraphCompiler.compile(g, SGD);

        assertThat(model.verticesOf("d")).hasSize(2).allSatisfy(v ->
                assertThat(((LayerVertex) conf.getVertices().get(v)).getLayerConf().getLayer()).isInstanceOf(FrozenLayerWithBackprop.class));
    }

    @Test
    void nodesThatFeedNoOutputAreNotBuilt() {
        Graph g = new Graphs().input("in", 3)
                .then("out", "Output", "units", 2)
                .from("in").then("loose", "Dense", "units", 4)
                .input("unused", 5)
                .build();

        CompiledModel model = GraphCompiler.compile(g, SGD);

        assertThat(model.configuration().getVertices()).containsOnlyKeys("out");
        assertThat(model.verticesOf("loose")).isEmpty();
        assertThat(model.inputNames()).containsExactly("in");
        assertThat(model.vertexOf("in")).isEqualTo("in");
        assertThat(model.shapeReport().diagnosticsFor("loose")).anySatisfy(d -> assertThat(d.code()).isEqualTo(DiagnosticCode.DANGLING));
    }

    @Test
    void helperVertexNamesNeverClashWithNodeIds() {
        Graph g = new Graphs().input("in", 3)
                .then("d", "Dense", "units", 4, "activation", "prelu")
                .then("d_linear", "Dense", "units", 4)
                .then("out", "Output", "units", 2)
                .build();

        CompiledModel model = GraphCompiler.compile(g, SGD);

        assertThat(model.verticesOf("d")).containsExactly("d_linear2", "d");
        assertThat(model.verticesOf("d_linear")).containsExactly("d_linear");
    }

    @Test
    void unbuildableGraphsGiveDiagnosticsNamingTheNode() {
        assertDiagnostic(new Graphs().input("in", 3).then("d", "Dense").node("out", "Output").build(),
                DiagnosticCode.MISSING_INPUT, "out");
        assertDiagnostic(new Graphs().input("in", 3).then("a", "Dense").then("b", "Dense").wire("b", "a")
                .then("out", "Output").build(), DiagnosticCode.CYCLE, null);
        assertDiagnostic(new Graphs().input("in", 3).then("m", "Activation", "function", "maxout").then("out", "Output").build(),
                DiagnosticCode.SHAPE_MISMATCH, "m");
        assertDiagnostic(new Graphs().input("in", 3).then("x", "Dense2").then("out", "Output").build(),
                DiagnosticCode.UNKNOWN_TYPE, "x");
        assertDiagnostic(new Graphs().input("in", 3).then("d", "Dense", "units", -4).then("out", "Output").build(),
                DiagnosticCode.INVALID_PARAM, "d");
        assertDiagnostic(new Graphs().input("in", 3).then("d", "Dense").build(), DiagnosticCode.NO_OUTPUT, null);
    }

    @Test
    void dl4jRejectionsBecomeDiagnosticsNamingTheNode() {
        Graph g = new Graphs().input("in", 3).then("out", "Output", "units", 1, "activation", "softmax", "loss", "mcxent").build();

        Diagnostic d = assertDiagnostic(g, DiagnosticCode.NOT_COMPILABLE, "out");

        assertThat(d.message()).startsWith("DL4J rejects Output 'out': ").contains("Softmax + nOut=1");
        assertThat(d.message()).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void badTrainingSettingsAreReportedAsParameters() {
        Graph g = new Graphs().input("in", 3).then("out", "Output").build();

        assertThatThrownBy(() -> GraphCompiler.compile(g, SGD.withOptimizer("adagrad")))
                .isInstanceOfSatisfying(CompileException.class, e -> {
                    assertThat(e.diagnostics()).singleElement().satisfies(d -> {
                        assertThat(d.param()).isEqualTo("training.optimizer");
                        assertThat(d.message()).contains("adagrad").contains("sgd, momentum, nesterov, adam, rmsprop");
                    });
                });
        assertThatThrownBy(() -> GraphCompiler.compile(g, SGD.withLearningRate(0)))
                .isInstanceOfSatisfying(CompileException.class, e ->
                        assertThat(e.diagnostics().get(0).param()).isEqualTo("training.learningRate"));
    }

    private static Diagnostic assertDiagnostic(Graph g, DiagnosticCode code, String nodeId) {
        try {
            GraphCompiler.compile(g, SGD);
        } catch (CompileException e) {
            assertThat(e.diagnostics()).as(e.getMessage()).anySatisfy(d -> {
                assertThat(d.code()).isEqualTo(code);
                if (nodeId != null) assertThat(d.nodeId()).isEqualTo(nodeId);
                assertThat(d.isError()).isTrue();
            });
            return e.diagnostics().stream().filter(d -> d.code() == code).findFirst().orElseThrow();
        }
        throw new AssertionError("expected a CompileException with " + code);
    }

    private static Layer layer(ComputationGraphConfiguration conf, String vertex) {
        return ((LayerVertex) conf.getVertices().get(vertex)).getLayerConf().getLayer();
    }

    private static org.nd4j.linalg.activations.IActivation activationOf(ComputationGraphConfiguration conf, String vertex) {
        Layer layer = layer(conf, vertex);
        return layer instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer a ? a.getActivationFn()
                : ((org.deeplearning4j.nn.conf.layers.BaseLayer) layer).getActivationFn();
    }

    /** A batch of 8 random examples with one-hot labels. */
    private static MultiDataSet batch(int features, int classes) {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(8, features).subi(0.5);
        INDArray y = Nd4j.zeros(8, classes);
        for (int i = 0; i < 8; i++) y.putScalar(i, i % classes, 1.0);
        return new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {x}, new INDArray[] {y});
    }
}
