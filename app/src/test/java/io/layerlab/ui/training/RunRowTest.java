package io.layerlab.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import io.layerlab.train.RunHistories;
import io.layerlab.train.RunHistory;
import io.layerlab.train.RunRecord;
import io.layerlab.train.RunSetup;
import io.layerlab.train.StopReason;
import io.layerlab.train.TrainingResult;
import org.junit.jupiter.api.Test;

/** What a run's row in the runs table reports. Plain logic: no JavaFX thread needed. */
class RunRowTest {
    private final Project project = new SampleProjects().open(new SampleProjects().find("xor").orElseThrow());

    @Test
    void aFinishedRunReportsTheEpochItKeptNotItsLast() {
        RunRow row = new RunRow(new RunSetup(1, "Run 1", 0, project.training(), project.data(), project.graph().version(),
                java.util.List.copyOf(project.graph().nodes()), java.util.List.copyOf(project.graph().edges()), "{}", java.time.Instant.now()));
        // Validation loss 0.5, 0.3, 0.4: the run keeps epoch 2's network (accuracy 0.9), not epoch 3's (0.8).
        RunHistory history = RunHistories.of(new float[]{0.7f, 0.6f, 0.5f}, new double[]{0.6, 0.4, 0.35},
                new double[]{0.5, 0.3, 0.4}, new double[]{0.7, 0.9, 0.8});
        TrainingResult result = new TrainingResult(3, 3, 0.4, 0.3, 0.9, 2, 0.3, 42, 1.5, 8000, StopReason.COMPLETED, "", history);

        row.finished(new RunRecord(row.setup(), result, null));

        assertThat(row.valLossProperty().get()).as("epoch 2's, as the exported network's").isEqualTo(0.3);
        assertThat(row.valAccuracyProperty().get()).isEqualTo(0.9);
        assertThat(row.epochsDoneProperty().get()).isEqualTo(3);
    }
}
