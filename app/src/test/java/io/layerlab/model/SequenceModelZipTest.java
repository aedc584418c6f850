package io.layerlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.shape.TensorShape;
import io.layerlab.train.ProjectRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Models with LayerLab's own layers (GruLayer, TokenEmbedding) survive the model zip: restored
 * and fed raw rows (one value or token id per step), they predict what the trained network does.
 */
class SequenceModelZipTest {
    @TempDir Path dir;

    @Test
    void aTrainedEmbeddingAndGruModelPredictsTheSameFromItsZip() throws Exception {
        ProjectRun run = TrainedModels.train("tokens-embedding", 1);
        Path zip = dir.resolve("tokens.zip");
        run.saveModel(zip);
        double[][] rows = TrainedModels.rawRows(run, 12);
        INDArray expected = run.network().outputSingle(run.data().toNetworkInput(rows));

        Predictor predictor = Predictor.of(ModelFiles.load(zip));
        assertThat(predictor.inputShape()).isEqualTo(TensorShape.sequence(10, 1));
        float[][] predicted = predictor.predict(rows).outputs();
        for (int r = 0; r < rows.length; r++) {
            for (int k = 0; k < 2; k++) {
                assertThat((double) predicted[r][k]).as("sentence %d, class %d", r, k)
                        .isCloseTo(expected.getDouble(r, k), org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }
}
