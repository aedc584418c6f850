package io.layerlab.train.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerlab.project.Project;
import io.layerlab.shape.ShapeInference;
import io.layerlab.train.RunDiff;
import io.layerlab.train.RunHistories;
import io.layerlab.train.RunHistory;
import io.layerlab.train.RunLog;
import io.layerlab.train.RunRecord;
import io.layerlab.train.RunSetup;
import io.layerlab.train.StopReason;
import io.layerlab.train.TrainingSpec;
import org.junit.jupiter.api.Test;

/** A sweep run opened in the dashboard is a run like any other: its settings, curves, best epoch and end. */
class SweepRunRecordsTest {
    private static final double NAN = Double.NaN;

    private static Project projectWith(double learningRate, int batchSize) {
        Project p = SweepProjects.xor(3);
        p.setTraining(new TrainingSpec("adam", learningRate, batchSize, 3, true, 42));
        return p;
    }

    private static SweepRun run(StopReason stop, boolean validated, RunHistory history, String message) {
        RunKey key = new RunKey(2, new Combination(0.1, 16, "adam", null, "lr 0.1 · batch 16"), 0, 42, "lr 0.1 · batch 16");
        RunStatus status = stop == null ? RunStatus.FAILED : RunStatus.valueOf(stop.name());
        int epochs = history == null ? 0 : history.epochs();
        int iterations = history == null ? 0 : history.iterations();
        return new SweepRun(key, status, stop, epochs, iterations, 0.7, null, null, null, null, null, null, 4.5, validated,
                message, history);
    }

    @Test
    void aSweepRunBecomesTheLogsNextRunWithItsSettingsCurvesAndTheBestEpochsMetrics() {
        RunLog log = new RunLog();
        Project own = projectWith(0.01, 16);
        RunSetup first = log.begin(own, own.training(), own.data());
        RunHistory history = RunHistories.of(new float[] {0.9f, 0.8f, 0.6f, 0.5f, 0.55f, 0.52f},
                new double[] {0.8, 0.5, 0.45}, new double[] {0.9, 0.4, 0.6}, new double[] {0.5, 0.9, 0.8});
        Project swept = projectWith(0.1, 16);

        RunRecord record = SweepRunRecords.add(run(StopReason.COMPLETED, true, history, null), swept, log);

        assertThat(record.id()).isEqualTo(first.id() + 1);
        assertThat(record.colourIndex()).as("a colour of its own").isEqualTo(first.colourIndex() + 1);
        assertThat(record.name()).isEqualTo("Run 2 (sweep lr 0.1 · batch 16)");
        assertThat(log.find(record.id())).contains(record);
        assertThat(RunDiff.between(first, record.setup())).containsExactly("learning rate 0.01 → 0.1");
        assertThat(record.history()).isSameAs(history);
        assertThat(record.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(record.bestEpoch()).as("lowest validation loss").isEqualTo(2);
        assertThat(record.bestValLoss()).isEqualTo(0.4);
        assertThat(record.bestValAccuracy()).isEqualTo(0.9);
        assertThat(record.result().trainLoss()).isEqualTo(0.5);
        assertThat(record.finalValLoss()).isEqualTo(0.6);
        assertThat(record.result().iterations()).isEqualTo(6);
        assertThat(record.result().parameters()).isEqualTo(ShapeInference.infer(swept.graph()).totalParams());
        assertThat(record.evaluation()).as("the sweep keeps no network to evaluate").isNull();
    }

    @Test
    void withoutValidationTheBestEpochIsTheLowestTrainingLossAndADivergenceKeepsItsExplanation() {
        RunHistory history = RunHistories.of(new float[] {0.9f, 0.7f, Float.NaN},
                new double[] {0.8, 0.6, NAN}, new double[] {NAN, NAN, NAN}, new double[] {NAN, NAN, NAN});

        RunRecord record = SweepRunRecords.add(run(StopReason.DIVERGED, false, history, "The loss became NaN."),
                projectWith(0.1, 16), new RunLog());

        assertThat(record.bestEpoch()).isEqualTo(2);
        assertThat(record.result().trainLoss()).isEqualTo(0.6);
        assertThat(record.bestValLoss()).isNull();
        assertThat(record.stopReason()).isEqualTo(StopReason.DIVERGED);
        assertThat(record.result().hint()).isEqualTo("The loss became NaN.");
    }

    @Test
    void aRunThatFailedBeforeTrainingIsRefusedWithItsReasonAndTakesNoRunNumber() {
        RunLog log = new RunLog();
        Project swept = projectWith(0.1, 16);

        assertThatThrownBy(() -> SweepRunRecords.add(run(null, false, null, "out of memory"), swept, log))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr 0.1 · batch 16").hasMessageContaining("out of memory");
        assertThat(log.begin(swept, swept.training(), swept.data()).id()).isEqualTo(1);
    }
}
