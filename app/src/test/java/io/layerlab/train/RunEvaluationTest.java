package io.layerlab.train;

import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunEvaluationTest {
    private static Project sample(String name) {
        SampleProjects samples = new SampleProjects();
        return samples.open(samples.find(name).orElseThrow());
    }

    @Test
    void aClassifierGetsAConfusionMatrixOfItsValidationDataThatAgreesWithItsAccuracy() {
        Project xor = sample("xor");
        ProjectRun run = ProjectRun.prepare(xor, xor.training().withEpochs(10));
        TrainingResult result = run.trainer().run();

        RunEvaluation.ConfusionMatrix matrix = (RunEvaluation.ConfusionMatrix) RunEvaluation.of(run.network(), run.data());

        assertThat(matrix.part()).isEqualTo("validation");
        assertThat(matrix.classNames()).isEqualTo(run.data().classNames());
        assertThat(matrix.total()).isEqualTo(run.data().validationSize());
        assertThat(matrix.accuracy()).isCloseTo(result.valAccuracy(), within(1e-9));
    }

    @Test
    void aRegressionGetsItsPredictionsBesideTheTruth() {
        Project sine = sample("regression-sine");
        ProjectRun run = ProjectRun.prepare(sine, sine.training().withEpochs(3));
        run.trainer().run();

        RunEvaluation.Predictions predictions = (RunEvaluation.Predictions) RunEvaluation.of(run.network(), run.data());

        assertThat(predictions.truth()).hasSize(run.data().validationSize() * run.data().outputSize());
        assertThat(predictions.predicted()).hasSameSizeAs(predictions.truth());
        double[] targets = new double[run.data().rawValidation().size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = run.data().rawValidation().target(i, 0);
        }
        assertThat((double) predictions.truth()[0]).isCloseTo(targets[0], within(1e-5));
        assertThat(predictions.rmse()).isFinite().isPositive();
    }
}
