package io.layerlab.keras;

import static io.layerlab.keras.KerasModels.dense;
import static io.layerlab.keras.KerasModels.weight;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerlab.data.DataSpec;
import io.layerlab.graph.SetParam;
import io.layerlab.project.Project;
import io.layerlab.train.ProjectRun;
import io.layerlab.train.StartingWeights;
import io.layerlab.train.TrainingSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** An imported Keras model's weights are where training starts: fine-tuning, frozen layers, edited layers. */
class FineTuningTest {
    @TempDir Path dir;

    /** A Keras classifier for two inputs: dense_1 (4, tanh), dense_2 (3, relu), dense_3 (2, softmax). */
    private Path kerasModel(boolean firstTrainable) {
        Random r = new Random(21);
        ObjectNode first = dense("dense_1", 4, "tanh");
        ((ObjectNode) first.get("config")).put("trainable", firstTrainable);
        Path h5 = dir.resolve("xor.h5");
        new KerasH5Writer()
                .modelConfig(KerasModels.sequential(new int[] {2}, first, dense("dense_2", 3, "relu"), dense("dense_3", 2, "softmax")))
                .trainingConfig(KerasModels.trainingConfig("categorical_crossentropy", "Adam", 0.01))
                .weights("dense_1", weight("kernel", r, 2, 4), weight("bias", r, 4))
                .weights("dense_2", weight("kernel", r, 4, 3), weight("bias", r, 3))
                .weights("dense_3", weight("kernel", r, 3, 2), weight("bias", r, 2))
                .write(h5);
        return h5;
    }

    /** A learning rate too small to move a weight by anything a float shows (LayerLab refuses 0). */
    private static final double NEGLIGIBLE_RATE = 1e-12;

    /** Imports {@code h5} and gives the project data it fits and the settings of a short run. */
    private static ImportedModel importForTraining(Path h5, double learningRate, int epochs) throws Exception {
        ImportedModel imported = KerasImporter.importModel(h5);
        WeightTransfer.compile(imported, h5);
        Project project = imported.project();
        project.setData(new DataSpec("xor", Map.of("samples", 64), 0.25, 3));
        project.setTraining(new TrainingSpec(learningRate == NEGLIGIBLE_RATE ? "sgd" : "adam", learningRate, 16, epochs, true, 5));
        return imported;
    }

    private static INDArray inputs() {
        return Nd4j.createFromArray(new float[][] {{0.5f, -1f}, {1.5f, 0.25f}, {-2f, 0.75f}});
    }

    @Test
    void anEpochAtANegligibleLearningRateLeavesTheNetworkComputingWhatTheKerasModelComputes() throws Exception {
        Path h5 = kerasModel(true);
        ImportedModel imported = importForTraining(h5, NEGLIGIBLE_RATE, 1);
        assertThat(imported.project().initialWeights()).hasValueSatisfying(w -> assertThat(w.source()).isEqualTo("Keras model xor.h5"));

        ProjectRun run = ProjectRun.prepare(imported.project());
        run.trainer().run();

        assertThat(run.startingWeights()).map(StartingWeights::summary)
                .hasValue("starting from imported weights (Keras model xor.h5) for 3 layers");
        INDArray keras = imported.network().outputSingle(inputs());
        INDArray trained = run.network().outputSingle(inputs());
        assertThat(trained.sub(keras).amaxNumber().doubleValue()).as("keras %s\nafter training %s", keras, trained).isLessThan(1e-6);
    }

    @Test
    void aLayerKerasKeptFixedIsFrozenAndKeepsItsWeightsWhileTheOthersLearn() throws Exception {
        Path h5 = kerasModel(false);
        ImportedModel imported = importForTraining(h5, 0.05, 3);
        assertThat(imported.project().graph().node("dense_1").orElseThrow().params()).containsEntry("frozen", true);
        assertThat(imported.notes()).anyMatch(n -> n.contains("'dense_1'") && n.contains("marked frozen"));

        ProjectRun run = ProjectRun.prepare(imported.project());
        run.trainer().run();

        ComputationGraph keras = imported.network();
        assertThat(run.network().getLayer("dense_1").params()).as("frozen").isEqualTo(keras.getLayer("dense_1").params());
        assertThat(run.network().getLayer("dense_2").params()).as("trainable").isNotEqualTo(keras.getLayer("dense_2").params());
        assertThat(run.network().getLayer("dense_3").params()).as("trainable").isNotEqualTo(keras.getLayer("dense_3").params());
    }

    @Test
    void aBatchNormalisationKerasKeptFixedIsFrozenComputesWhatKerasDoesAndKeepsItsStatisticsWhileTheOthersLearn() throws Exception {
        Random r = new Random(4);
        ObjectNode bn = KerasModels.batchNormalization("bn");
        ((ObjectNode) bn.get("config")).put("trainable", false);
        Path h5 = dir.resolve("bn.h5");
        new KerasH5Writer()
                .modelConfig(KerasModels.sequential(new int[] {2}, dense("dense_1", 3, "relu"), bn, dense("dense_2", 2, "softmax")))
                .weights("dense_1", weight("kernel", r, 2, 3), weight("bias", r, 3))
                .weights("bn", weight("gamma", r, 3), weight("beta", r, 3), weight("moving_mean", r, 3), KerasModels.positive("moving_variance", r, 3))
                .weights("dense_2", weight("kernel", r, 3, 2), weight("bias", r, 2))
                .write(h5);

        ImportedModel imported = KerasImporter.importModel(h5);
        assertThat(imported.project().graph().node("bn").orElseThrow().params()).containsEntry("frozen", true);
        assertThat(imported.notes()).anyMatch(n -> n.contains("'bn'") && n.contains("marked frozen"));
        WeightTransfer.Compiled compiled = WeightTransfer.compile(imported, h5);
        assertThat(compiled.largestDifference()).as("the frozen layer normalises as Keras' does in inference").isLessThan(1e-4);
        imported.project().setData(new DataSpec("xor", Map.of("samples", 64), 0.25, 3));
        imported.project().setTraining(new TrainingSpec("adam", 0.05, 16, 3, true, 5));

        ProjectRun run = ProjectRun.prepare(imported.project());
        run.trainer().run();

        assertThat(run.network().getLayer("bn").params()).as("scale, shift, mean and deviation")
                .isEqualTo(compiled.network().getLayer("bn").params());
        assertThat(run.network().getLayer("dense_1").params()).as("before the frozen layer")
                .isNotEqualTo(compiled.network().getLayer("dense_1").params());
        assertThat(run.network().getLayer("dense_2").params()).isNotEqualTo(compiled.network().getLayer("dense_2").params());
    }

    @Test
    void weightsThatNoLongerFitAnEditedLayerAreSkippedByNameAndTheRestStillLoad() throws Exception {
        Path h5 = kerasModel(true);
        ImportedModel imported = importForTraining(h5, NEGLIGIBLE_RATE, 1);
        new SetParam("dense_2", "units", 5).apply(imported.project().graph());

        ProjectRun run = ProjectRun.prepare(imported.project());

        StartingWeights start = run.startingWeights().orElseThrow();
        assertThat(start.loaded()).containsExactly("dense_1");
        assertThat(start.skipped()).containsExactly(
                "dense_2 (W stored as [4, 3], the layer now needs [4, 5]; b stored as [3], the layer now needs [5])",
                "dense_3 (W stored as [3, 2], the layer now needs [5, 2])");
        assertThat(start.summary()).startsWith("starting from imported weights (Keras model xor.h5) for 1 layer; 2 skipped, "
                + "starting fresh: dense_2 (W stored as [4, 3]");
        assertThat(run.network().getLayer("dense_1").params()).isEqualTo(imported.network().getLayer("dense_1").params());
    }
}
