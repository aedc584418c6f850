package io.layerlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.data.DataSpec;
import io.layerlab.graph.Graph;
import io.layerlab.model.ModelFiles;
import io.layerlab.project.Project;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A layer marked frozen keeps its weights through training while the layers around it learn. */
class FrozenLayersTest {

    private static ProjectRun trained(Graph graph) {
        TrainingSpec spec = new TrainingSpec("adam", 0.05, 16, 3, true, 7);
        Project project = new Project("frozen", "", graph, new DataSpec("xor", Map.of("samples", 96), 0.25, 3), spec);
        return ProjectRun.prepare(project, spec);
    }

    private static INDArray params(ComputationGraph net, String layer) {
        return net.getLayer(layer).params().dup();
    }

    @Test
    void aFrozenBatchNormalizationKeepsItsScaleShiftAndStatisticsWhileTheOthersLearn() {
        Graph graph = TestGraphs.chain(2).dense("h1", 8, "tanh")
                .then("bn", "BatchNormalization", "frozen", true)
                .dense("h2", 8, "relu").output(2);
        ProjectRun run = trained(graph);
        ComputationGraph net = run.network();
        INDArray bnBefore = params(net, "bn");
        INDArray h1Before = params(net, "h1");

        TrainingResult result = run.trainer().run();

        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(params(net, "bn")).isEqualTo(bnBefore);
        assertThat(params(net, "h1")).as("gradients flow through the frozen layer").isNotEqualTo(h1Before);
    }

    @Test
    void aTrainedNetworkWithAFrozenBatchNormalizationPredictsTheSameFromItsModelZip(@TempDir Path dir) throws Exception {
        Graph graph = TestGraphs.chain(2).dense("h1", 8, "tanh")
                .then("bn", "BatchNormalization", "frozen", true).output(2);
        ProjectRun run = trained(graph);
        run.trainer().run();
        Path zip = dir.resolve("frozen.zip");
        run.saveModel(zip);
        INDArray x = run.data().toNetworkInput(new double[][] {{0.1, 0.9}, {0.8, 0.2}, {-0.5, 0.4}});

        ComputationGraph restored = ModelFiles.load(zip).network();

        assertThat(restored.outputSingle(x)).isEqualTo(run.network().outputSingle(x));
        assertThat(restored.getLayer("bn").params()).isEqualTo(run.network().getLayer("bn").params());
    }

    @Test
    void aFrozenDenseKeepsItsWeights() {
        Graph graph = TestGraphs.chain(2).dense("h1", 8, "tanh")
                .then("h2", "Dense", "units", 8, "activation", "relu", "frozen", true).output(2);
        ProjectRun run = trained(graph);
        ComputationGraph net = run.network();
        INDArray frozenBefore = params(net, "h2");
        INDArray h1Before = params(net, "h1");

        run.trainer().run();

        assertThat(params(net, "h2")).isEqualTo(frozenBefore);
        assertThat(params(net, "h1")).isNotEqualTo(h1Before);
    }
}
