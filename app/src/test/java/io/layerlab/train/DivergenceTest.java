package io.layerlab.train;

import io.layerlab.data.Task;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DivergenceTest {

    @Test
    void learningRateFiftyDivergesWithAHintNamingIt() {
        DataSet train = TinyProblems.xor(200, 1);
        ComputationGraph net = TinyProblems.classifier(7, TinyProblems.adam(50));
        List<TrainingResult> finished = new ArrayList<>();

        TrainingResult result = new Trainer(net, TinyProblems.batches(train, 20), TinyProblems.spec("adam", 50, 20),
                Task.CLASSIFICATION)
                .addObserver(new TrainingObserver() {
                    @Override
                    public void onFinished(TrainingResult r) {
                        finished.add(r);
                    }
                }, ObserverRate.epochsOnly())
                .run();

        assertThat(result.diverged()).isTrue();
        assertThat(result.stopReason()).isEqualTo(StopReason.DIVERGED);
        assertThat(result.stopReason().id()).isEqualTo("diverged");
        assertThat(result.hint())
                .contains("at iteration " + result.iterations())
                .contains("learning rate 50 is probably too high for Adam; try 0.01.");
        assertThat(result.iterations()).isLessThan(10);
        assertThat(finished).containsExactly(result);
        // Diverged before any epoch completed: no usable weights, and the result says so.
        assertThat(result.bestEpoch()).isZero();
        assertThat(result.epochs()).isZero();
        assertThat(result.trainLoss()).isCloseTo(result.history().iterationLoss(0), within(1e-6));
    }

    @Test
    void aDivergingRegressionIsStoppedToo() {
        DataSet train = TinyProblems.line(100, 3);
        ComputationGraph net = TinyProblems.linearRegression(5, TinyProblems.sgd(50));

        TrainingResult result = new Trainer(net, TinyProblems.batches(train, 20), TinyProblems.spec("sgd", 50, 20),
                Task.REGRESSION).run();

        assertThat(result.stopReason()).isEqualTo(StopReason.DIVERGED);
        assertThat(result.hint()).contains("learning rate 50 is probably too high for SGD; try 0.1.");
    }

    @Test
    void aSensibleLearningRateDoesNotTripTheGuard() {
        DataSet train = TinyProblems.line(100, 3);
        ComputationGraph net = TinyProblems.linearRegression(5, TinyProblems.sgd(0.1));

        TrainingResult result = new Trainer(net, TinyProblems.batches(train, 20), TinyProblems.spec("sgd", 0.1, 5),
                Task.REGRESSION).run();

        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.hint()).isNull();
    }
}
