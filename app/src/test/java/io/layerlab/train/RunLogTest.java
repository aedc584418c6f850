package io.layerlab.train;

import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunLogTest {
    private final Project project = new SampleProjects().open(new SampleProjects().find("xor").orElseThrow());

    private RunRecord finished(int id) {
        RunSetup setup = RunSetup.of(id, (id - 1) % RunLog.COLOURS, project, project.training(), project.data());
        RunHistory history = RunHistories.of(new float[]{0.7f, 0.5f}, new double[]{0.6}, new double[]{0.65}, new double[]{0.5});
        TrainingResult result = new TrainingResult(1, 2, 0.6, 0.65, 0.5, 1, 0.65, 42, 0.1, 8000, StopReason.COMPLETED, "", history);
        return new RunRecord(setup, result, null);
    }

    @Test
    void runsBegunAfterRestoredOnesAreNumberedAfterThem() {
        RunLog log = new RunLog();
        log.restore(finished(1));
        log.restore(finished(3));

        RunSetup next = log.begin(project, project.training(), project.data());

        assertThat(next.id()).isEqualTo(4);
        assertThat(next.name()).isEqualTo("Run 4");
        assertThat(log.runs()).extracting(RunRecord::id).containsExactly(1, 3);
    }

    @Test
    void aRunRestoredTwiceIsRefused() {
        RunLog log = new RunLog();
        log.restore(finished(2));

        assertThatThrownBy(() -> log.restore(finished(2))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run 2");
    }

    @Test
    void aDeletedRunsNameIsNeverGivenAgain() {
        RunLog log = new RunLog();
        log.restore(finished(1));
        log.restore(finished(2));

        assertThat(log.remove(2)).isTrue();
        assertThat(log.remove(2)).as("already gone").isFalse();

        assertThat(log.runs()).extracting(RunRecord::id).containsExactly(1);
        assertThat(log.begin(project, project.training(), project.data()).name()).isEqualTo("Run 3");
    }
}
