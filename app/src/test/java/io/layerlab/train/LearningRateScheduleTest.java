package io.layerlab.train;

import io.layerlab.data.Task;
import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LearningRateScheduleTest {

    @Test
    void stepHalvesEveryGivenNumberOfEpochs() {
        LearningRateSchedule step = LearningRateSchedule.step(2, 0.5);
        assertThat(step.rateAt(1, 6, 0.1)).isEqualTo(0.1);
        assertThat(step.rateAt(2, 6, 0.1)).isEqualTo(0.1);
        assertThat(step.rateAt(3, 6, 0.1)).isCloseTo(0.05, within(1e-12));
        assertThat(step.rateAt(5, 6, 0.1)).isCloseTo(0.025, within(1e-12));
    }

    @Test
    void exponentialMultipliesEveryEpoch() {
        LearningRateSchedule exponential = LearningRateSchedule.exponential(0.9);
        assertThat(exponential.rateAt(1, 10, 1.0)).isEqualTo(1.0);
        assertThat(exponential.rateAt(4, 10, 1.0)).isCloseTo(0.729, within(1e-12));
    }

    @Test
    void cosineFallsFromTheRateToItsFloorInTheLastEpoch() {
        LearningRateSchedule cosine = LearningRateSchedule.cosine(0.1);
        assertThat(cosine.rateAt(1, 11, 1.0)).isCloseTo(1.0, within(1e-12));
        assertThat(cosine.rateAt(6, 11, 1.0)).isCloseTo(0.55, within(1e-12));
        assertThat(cosine.rateAt(11, 11, 1.0)).isCloseTo(0.1, within(1e-12));
        assertThat(cosine.rateAt(1, 1, 1.0)).isEqualTo(1.0);
    }

    @Test
    void isKeptInTheTrainingSectionAndReadBack() {
        TrainingSpec spec = LearningRateSchedule.step(10, 0.5).applyTo(TrainingSpec.defaults());
        assertThat(spec.extras().get("schedule")).isEqualTo(Map.of("type", "step", "everyEpochs", 10, "factor", 0.5));
        assertThat(LearningRateSchedule.of(spec)).isEqualTo(LearningRateSchedule.step(10, 0.5));
        assertThat(LearningRateSchedule.of(LearningRateSchedule.none().applyTo(spec)).isNone()).isTrue();
        assertThat(LearningRateSchedule.of(TrainingSpec.defaults()).isNone()).isTrue();
    }

    @Test
    void badSchedulesAreRefusedNamingTheFieldAndWhatIsValid() {
        assertThatThrownBy(() -> LearningRateSchedule.of(withSchedule(Map.of("type", "linear"))))
                .hasMessageContaining("training.schedule.type").hasMessageContaining("none, step, exponential or cosine");
        assertThatThrownBy(() -> LearningRateSchedule.of(withSchedule(Map.of("type", "step", "factor", 2.0))))
                .hasMessageContaining("training.schedule.factor").hasMessageContaining("at most 1");
        assertThatThrownBy(() -> LearningRateSchedule.of(withSchedule(Map.of("type", "step", "everyEpochs", 2.5))))
                .hasMessageContaining("training.schedule.everyEpochs").hasMessageContaining("whole number");
        assertThatThrownBy(() -> LearningRateSchedule.of(withSchedule(Map.of("type", "step", "factor", "half"))))
                .hasMessageContaining("training.schedule.factor must be a number");
    }

    private static TrainingSpec withSchedule(Map<String, Object> schedule) {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("schedule", schedule);
        TrainingSpec d = TrainingSpec.defaults();
        return new TrainingSpec(d.optimizer(), d.learningRate(), d.batchSize(), d.epochs(), d.shuffle(), d.seed(), extras);
    }

    @Test
    void theTrainerTrainsEachEpochAtTheScheduledRate() {
        DataSet data = TinyProblems.xor(40, 1);
        TrainingSpec spec = LearningRateSchedule.step(2, 0.5).applyTo(TinyProblems.spec("adam", 0.04, 5));
        Trainer trainer = new Trainer(TinyProblems.classifier(7, TinyProblems.adam(0.04)), TinyProblems.batches(data, 20),
                spec, Task.CLASSIFICATION);
        ScheduledLearningRate.install(trainer, spec);

        TrainingResult result = trainer.run();

        assertThat(result.history().learningRates()).containsExactly(new double[]{0.04, 0.04, 0.02, 0.02, 0.01}, within(1e-7));
    }

    @Test
    void aProjectWithAScheduleTrainsWithItThroughProjectRun() {
        Project xor = new SampleProjects().open(new SampleProjects().find("xor").orElseThrow());
        TrainingSpec spec = LearningRateSchedule.exponential(0.5).applyTo(xor.training().withEpochs(3));

        TrainingResult result = ProjectRun.prepare(xor, spec).trainer().run();

        double base = spec.learningRate();
        assertThat(result.history().learningRates()).containsExactly(new double[]{base, base / 2, base / 4}, within(1e-7));
    }
}
