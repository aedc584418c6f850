package io.layerlab.compile;

import static io.layerlab.shape.TensorShape.features;
import static io.layerlab.shape.TensorShape.image;
import static io.layerlab.shape.TensorShape.sequence;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.graph.Graph;
import io.layerlab.shape.ShapeInference;
import io.layerlab.shape.ShapeReport;
import io.layerlab.shape.TensorShape;
import io.layerlab.train.LayerStatistics;
import io.layerlab.train.LayerStatsEvent;
import io.layerlab.train.ObserverRate;
import io.layerlab.train.TrainingSpec;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SelfAttention and maxout compile to networks with the shapes and parameter counts the shape
 * check promises, compute what they say, train, and survive DL4J's JSON and model files.
 */
class AttentionAndMaxoutTest {
    private static final TrainingSpec TRAINING = new TrainingSpec("adam", 0.01, 4, 1, false, 7);

    private static Graph attentionNet() {
        return new Graphs().input("in", 5, 6)
                .then("att", "SelfAttention", "heads", 2, "headSize", 3)
                .merge("res", "Add", "in", "att")
                .then("lstm", "LSTM", "units", 4)
                .then("out", "Output", "units", 3, "activation", "softmax", "loss", "mcxent")
                .build();
    }

    @Test
    void selfAttentionKeepsTheSequenceShapeWithProjectionWeightsOnly() {
        Graph g = attentionNet();
        CompiledModel model = GraphCompiler.compile(g, TRAINING);
        ComputationGraph net = model.newNetwork();
        Map<String, TensorShape> shapes = Forward.shapes(model, net, Forward.randomInputs(g, model, 2));

        assertThat(shapes).containsEntry("att", sequence(5, 6)).containsEntry("res", sequence(5, 6));
        assertThat(model.numParams(net, "att")).isEqualTo(4L * 6 * 2 * 3)
                .isEqualTo(ShapeInference.infer(g).info("att").orElseThrow().params());
        SelfAttentionLayer layer = (SelfAttentionLayer) ((LayerVertex) model.configuration().getVertices().get("att")).getLayerConf().getLayer();
        assertThat(layer.isProjectInput()).isTrue();
        assertThat(layer.getNHeads()).isEqualTo(2);
        assertThat(layer.getHeadSize()).isEqualTo(3);
        assertThat(layer.getNIn()).isEqualTo(6);
        assertThat(layer.getNOut()).isEqualTo(6);
    }

    @Test
    void maxoutLayersWidenTheirWeightsByPiecesAndKeepTheirOutputShape() {
        Graph g = new Graphs().input("pic", 6, 6, 2)
                .then("conv", "Conv2D", "filters", 4, "kernel", List.of(3, 3), "activation", "maxout", "pieces", 2)
                .then("pool", "Activation", "function", "maxout", "pieces", 2)
                .then("flat", "Flatten")
                .then("d", "Dense", "units", 5, "activation", "maxout", "pieces", 3)
                .then("out", "Output", "units", 2, "activation", "maxout", "pieces", 2, "loss", "mse")
                .build();
        ShapeReport report = ShapeInference.infer(g);
        CompiledModel model = GraphCompiler.compile(g, TRAINING);
        ComputationGraph net = model.newNetwork();
        Map<String, TensorShape> shapes = Forward.shapes(model, net, Forward.randomInputs(g, model, 2));

        assertThat(shapes).containsEntry("conv", image(4, 4, 4)).containsEntry("pool", image(4, 4, 2))
                .containsEntry("d", features(5)).containsEntry("out", features(2));
        assertThat(model.numParams(net, "conv")).isEqualTo(2L * (3 * 3 * 2 * 4 + 4));
        assertThat(model.numParams(net, "pool")).isZero();
        assertThat(model.numParams(net, "d")).isEqualTo(32L * 5 * 3 + 5 * 3);
        assertThat(model.numParams(net, "out")).isEqualTo(5L * 2 * 2 + 2 * 2);
        for (String id : new String[] {"conv", "pool", "d", "out"}) {
            assertThat(model.numParams(net, id)).as(id).isEqualTo(report.info(id).orElseThrow().params());
        }
        assertThat(net.numParams()).isEqualTo(report.totalParams());
    }

    @Test
    void anActivationNodeKeepsTheLargestOfEachGroupOfConsecutiveValues() {
        Graph g = new Graphs().input("in", 6)
                .then("m", "Activation", "function", "maxout", "pieces", 3)
                .then("out", "Output", "units", 2, "activation", "linear", "loss", "mse")
                .build();
        CompiledModel model = GraphCompiler.compile(g, TRAINING);
        ComputationGraph net = model.newNetwork();
        INDArray x = Nd4j.createFromArray(new float[][] {{1, 5, -2, 3, 0, 0.5f}, {-1, -4, -3, 7, 8, 9}});

        INDArray m = net.feedForward(new INDArray[] {x}, false).get("m");

        assertThat(m.toFloatMatrix()).isEqualTo(new float[][] {{5, 3}, {-1, 9}});
    }

    @Test
    void maxoutOverASequenceGroupsTheFeaturesOfEveryStep() {
        Graph g = new Graphs().input("in", 2, 4)
                .then("m", "Activation", "function", "maxout", "pieces", 2)
                .then("out", "SequenceOutput", "units", 1, "activation", "linear", "loss", "mse")
                .build();
        CompiledModel model = GraphCompiler.compile(g, TRAINING);
        ComputationGraph net = model.newNetwork();
        // DL4J's layout [batch, features, steps]: step 0 has features 1, 2, 3, 4; step 1 has 8, 7, 6, 5.
        INDArray x = Nd4j.createFromArray(new float[][][] {{{1, 8}, {2, 7}, {3, 6}, {4, 5}}});

        INDArray m = net.feedForward(new INDArray[] {x}, false).get("m");

        assertThat(m.shape()).containsExactly(1, 2, 2);
        assertThat(m.ravel().toFloatVector()).containsExactly(2, 8, 4, 6);
    }

    @Test
    void bothTrainAndSurviveJsonAndTheModelFile(@TempDir Path dir) throws Exception {
        Graph g = new Graphs().input("in", 4, 6)
                .then("att", "SelfAttention", "heads", 2, "headSize", 4)
                .then("m", "Activation", "function", "maxout", "pieces", 2)
                .then("flat", "Flatten")
                .then("d", "Dense", "units", 4, "activation", "maxout", "pieces", 2)
                .then("out", "Output", "units", 2, "activation", "softmax", "loss", "mcxent")
                .build();
        CompiledModel model = GraphCompiler.compile(g, TRAINING);

        ComputationGraphConfiguration fromJson = ComputationGraphConfiguration.fromJson(model.toJson());
        assertThat(fromJson).isEqualTo(model.configuration());
        assertThat(fromJson.toJson()).isEqualTo(model.toJson());

        ComputationGraph net = model.newNetwork();
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(new long[] {8, 6, 4}).subi(0.5);
        INDArray y = Nd4j.zeros(8, 2);
        for (int i = 0; i < 8; i++) y.putScalar(i, x.getDouble(i, 0, 0) > 0 ? 0 : 1, 1.0);
        MultiDataSet batch = new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {x}, new INDArray[] {y});
        List<LayerStatsEvent> statistics = new ArrayList<>();
        LayerStatistics.attach(net, model, g, new ObserverRate(1, 0), 1.0, statistics::add);
        double before = net.score(batch);
        for (int i = 0; i < 30; i++) net.fit(batch);
        assertThat(net.score(batch)).as("loss after 30 steps").isLessThan(before);
        // The dashboard's per-layer statistics see gradients reach both kinds of layer.
        LayerStatsEvent last = statistics.get(statistics.size() - 1);
        assertThat(last.layer("att").meanAbsGradient()).isPositive().isFinite();
        assertThat(last.layer("d").meanAbsGradient()).isPositive().isFinite();

        File file = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, true);
        assertThat(restored.getConfiguration()).isEqualTo(net.getConfiguration());
        assertThat(restored.outputSingle(x)).isEqualTo(net.outputSingle(x));
    }
}
