package io.layerlab.train;

import io.layerlab.data.Task;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import static org.assertj.core.api.Assertions.assertThat;

class TrainerLearningTest {

    @Test
    void aTinyNetLearnsXorAndReportsItsMetrics() {
        DataSet train = TinyProblems.xor(200, 1);
        DataSet validation = TinyProblems.xor(100, 2);
        ComputationGraph net = TinyProblems.classifier(7, TinyProblems.adam(0.05));
        double before = TinyProblems.loss(net, validation);

        TrainingResult result = new Trainer(net, TinyProblems.batches(train, 20), TinyProblems.batches(validation, 50),
                TinyProblems.spec("adam", 0.05, 40), Task.CLASSIFICATION).run();

        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.diverged()).isFalse();
        assertThat(result.hint()).isNull();
        assertThat(result.epochs()).isEqualTo(40);
        assertThat(result.iterations()).isEqualTo(400);
        assertThat(before).isGreaterThan(0.6);
        assertThat(result.valLoss()).isLessThan(0.25);
        assertThat(result.trainLoss()).isLessThan(0.3);
        assertThat(result.valAccuracy()).isGreaterThanOrEqualTo(0.9);
        assertThat(result.parameters()).isEqualTo(2 * 8 + 8 + 8 * 2 + 2);
        assertThat(result.samplesPerSecond()).isPositive();
        assertThat(result.history().iterations()).isEqualTo(400);
        assertThat(result.history().epochs()).isEqualTo(40);
        assertThat(result.history().learningRates()).containsOnly(0.05);
    }

    @Test
    void aRegressionReportsNoAccuracy() {
        DataSet train = TinyProblems.line(100, 3);
        DataSet validation = TinyProblems.line(40, 4);
        ComputationGraph net = TinyProblems.linearRegression(5, TinyProblems.adam(0.1));

        TrainingResult result = new Trainer(net, TinyProblems.batches(train, 20), TinyProblems.batches(validation, 40),
                TinyProblems.spec("adam", 0.1, 60), Task.REGRESSION).run();

        assertThat(result.valAccuracy()).isNull();
        assertThat(result.valLoss()).isLessThan(0.05);
        assertThat(java.util.Arrays.stream(result.history().valAccuracies())).allMatch(v -> Double.isNaN(v));
    }
}
