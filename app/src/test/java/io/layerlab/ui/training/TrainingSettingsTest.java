package io.layerlab.ui.training;

import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import io.layerlab.train.LearningRateSchedule;
import io.layerlab.train.TrainingSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingSettingsTest {
    private static Project spiral() {
        SampleProjects samples = new SampleProjects();
        return samples.open(samples.find("spiral").orElseThrow());
    }

    @Test
    void showsTheProjectsSettingsAndGivesThemBackWithTheEdits() {
        Project spiral = spiral();
        TrainingSettings settings = new TrainingSettings();
        settings.load(spiral);
        assertThat(settings.trainingSpec()).isEqualTo(spiral.training());
        assertThat(settings.dataSpec()).isEqualTo(spiral.data());

        settings.learningRateProperty().set("3e-3");
        settings.scheduleProperty().set(LearningRateSchedule.Kind.STEP);
        settings.scheduleEveryProperty().set(20);
        settings.scheduleFactorProperty().set("0,5");
        settings.validationSplitProperty().set(0.3);

        TrainingSpec spec = settings.trainingSpec();
        assertThat(spec.learningRate()).isEqualTo(0.003);
        assertThat(LearningRateSchedule.of(spec)).isEqualTo(LearningRateSchedule.step(20, 0.5));
        assertThat(settings.dataSpec().validationSplit()).isEqualTo(0.3);
        assertThat(settings.dataSpec().source()).isEqualTo("spiral");
    }

    @Test
    void takesUpWhatTheProjectChangedAndKeepsThePersonsOwnEdits() {
        Project spiral = spiral();
        TrainingSettings settings = new TrainingSettings();
        settings.load(spiral);
        settings.learningRateProperty().set("0.05");
        settings.validationSplitProperty().set(0.3);

        // The inspector changes the project's epochs and data: the typed rate and split stay.
        spiral.setTraining(spiral.training().withEpochs(7));
        var data = spiral.data();
        var params = new java.util.LinkedHashMap<>(data.params());
        params.put("samples", 300);
        spiral.setData(new io.layerlab.data.DataSpec(data.source(), params, data.validationSplit(), data.seed(), data.extras()));
        settings.takeUp(spiral);
        assertThat(settings.epochsProperty().get()).isEqualTo(7);
        assertThat(settings.learningRateProperty().get()).isEqualTo("0.05");
        assertThat(settings.validationSplitProperty().get()).isEqualTo(0.3);
        assertThat(settings.dataSpec().params()).containsEntry("samples", 300);

        // Then the project's own rate changes (an undo, say): that is taken up too.
        spiral.setTraining(spiral.training().withLearningRate(0.002));
        settings.takeUp(spiral);
        assertThat(settings.learningRateProperty().get()).isEqualTo("0.002");
        assertThat(settings.epochsProperty().get()).isEqualTo(7);
    }

    @Test
    void namesEveryInvalidSettingInPlainWords() {
        TrainingSettings settings = new TrainingSettings();
        settings.load(spiral());
        assertThat(settings.isValid()).isTrue();

        settings.learningRateProperty().set("-1");
        settings.seedProperty().set("forty-two");
        settings.scheduleProperty().set(LearningRateSchedule.Kind.COSINE);
        settings.scheduleFactorProperty().set("2");

        assertThat(settings.isValid()).isFalse();
        assertThat(settings.problemProperty().get()).isEqualTo("Learning rate must be a positive number such as 0.01. "
                + "The schedule's factor must be above 0 and at most 1, such as 0.5. Seed must be a whole number such as 42.");
    }
}
