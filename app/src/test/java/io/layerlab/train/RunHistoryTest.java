package io.layerlab.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunHistoryTest {

    @Test
    void csvHasOneRowPerEpochWithEmptyFieldsForMissingValues(@TempDir Path folder) throws Exception {
        RunHistory history = new RunHistory();
        for (int i = 0; i < 1000; i++) {
            history.addIteration(1.0 / (i + 1));
        }
        history.addEpoch(0.5, 0.625, 0.75, 0.01, 1.5);
        history.addEpoch(0.25, Double.NaN, Double.NaN, 0.01, 3.0);

        Path file = folder.resolve("run").resolve("history.csv");
        history.writeCsv(file);

        assertThat(Files.readAllLines(file)).containsExactly(
                "epoch,trainLoss,valLoss,valAccuracy,learningRate,seconds",
                "1,0.5,0.625,0.75,0.01,1.5",
                "2,0.25,,,0.01,3.0");
        assertThat(Files.list(file.getParent())).containsExactly(file);
        assertThat(history.iterations()).isEqualTo(1000);
        assertThat(history.iterationLoss(999)).isEqualTo(0.001f);
        assertThat(history.iterationLosses()).hasSize(1000);
        assertThat(history.trainLosses()).containsExactly(0.5, 0.25);
    }
}
