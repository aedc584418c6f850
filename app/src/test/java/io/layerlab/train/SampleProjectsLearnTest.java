package io.layerlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bundled sample really teaches what it says: trained headless with its own settings, it
 * reaches the stated bound. Classification bounds are validation accuracy; regression-sine's is
 * validation MSE below 0.02 (the targets vary over [-1, 1], so 0.02 is a close fit).
 */
class SampleProjectsLearnTest {

    @ParameterizedTest(name = "{0} reaches validation accuracy >= {1}")
    @CsvSource({"xor, 0.95", "spiral, 0.95", "iris, 0.90", "residual-mlp, 0.95", "shapes-cnn, 0.90", "waves-gru, 0.90",
            "tokens-embedding, 0.95", "spiral-maxout, 0.95", "waves-attention, 0.75"})
    void classificationSamplesLearn(String name, double minAccuracy) throws Exception {
        TrainingResult result = train(name);
        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.valAccuracy()).as(name + " validation accuracy").isGreaterThanOrEqualTo(minAccuracy);
    }

    @ParameterizedTest(name = "{0} reaches validation loss < {1}")
    @CsvSource({"regression-sine, 0.02"})
    void regressionSampleFitsTheCurve(String name, double maxLoss) throws Exception {
        TrainingResult result = train(name);
        assertThat(result.valAccuracy()).isNull();
        assertThat(result.valLoss()).as(name + " validation loss").isLessThan(maxLoss);
    }

    private static TrainingResult train(String name) throws Exception {
        SampleProjects samples = new SampleProjects();
        Project project = samples.open(samples.find(name).orElseThrow());
        return ProjectRun.prepare(project).trainer().run();
    }
}
