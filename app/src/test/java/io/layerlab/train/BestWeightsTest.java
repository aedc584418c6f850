package io.layerlab.train;

import io.layerlab.data.Task;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BestWeightsTest {

    @Test
    void theNetworkEndsWithTheWeightsOfItsBestValidationEpoch() {
        // Random labels: the net can only memorise the training set, so validation loss gets worse
        // after the first epochs and the last epoch is not the best one.
        DataSet train = TinyProblems.noise(40, 11);
        DataSet validation = TinyProblems.noise(40, 12);
        ComputationGraph net = TinyProblems.classifier(3, 32, TinyProblems.adam(0.05), 1);

        TrainingResult result = new Trainer(net, TinyProblems.batches(train, 10), TinyProblems.batches(validation, 20),
                TinyProblems.spec("adam", 0.05, 25), Task.CLASSIFICATION).run();

        double[] valLosses = result.history().valLosses();
        assertThat(result.bestEpoch()).isBetween(1, 24);
        assertThat(result.bestValLoss()).isEqualTo(valLosses[result.bestEpoch() - 1]);
        assertThat(java.util.Arrays.stream(valLosses).min().orElseThrow()).isEqualTo(result.bestValLoss());
        assertThat(valLosses[valLosses.length - 1]).isGreaterThan(result.bestValLoss() + 0.01);
        assertThat(TinyProblems.loss(net, validation)).isCloseTo(result.bestValLoss(), within(1e-5));
        assertThat(result.valLoss()).isEqualTo(result.bestValLoss());
        assertThat(result.trainLoss()).isEqualTo(result.history().trainLosses()[result.bestEpoch() - 1]);
        assertThat(result.valAccuracy()).isEqualTo(result.history().valAccuracies()[result.bestEpoch() - 1]);
    }

    @Test
    void withoutValidationTheBestEpochIsTheLowestTrainingLoss() {
        DataSet train = TinyProblems.xor(100, 1);
        ComputationGraph net = TinyProblems.classifier(7, TinyProblems.adam(0.05));

        TrainingResult result = new Trainer(net, TinyProblems.batches(train, 20), TinyProblems.spec("adam", 0.05, 8),
                Task.CLASSIFICATION).run();

        double[] trainLosses = result.history().trainLosses();
        double lowest = java.util.Arrays.stream(trainLosses).min().orElseThrow();
        assertThat(result.bestValLoss()).isNull();
        assertThat(result.valAccuracy()).isNull();
        assertThat(result.trainLoss()).isEqualTo(lowest);
        assertThat(trainLosses[result.bestEpoch() - 1]).isEqualTo(lowest);
    }

    @Test
    void aStoppedRunGetsItsBestCompletedEpochBack() {
        DataSet train = TinyProblems.noise(40, 11);
        DataSet validation = TinyProblems.noise(40, 12);
        ComputationGraph net = TinyProblems.classifier(3, 32, TinyProblems.adam(0.05), 1);
        Trainer trainer = new Trainer(net, TinyProblems.batches(train, 10), TinyProblems.batches(validation, 20),
                TinyProblems.spec("adam", 0.05, 25), Task.CLASSIFICATION);
        trainer.addObserver(new TrainingObserver() {
            @Override
            public void onIteration(IterationEvent event) {
                if (event.iteration() == 4 * 12 + 2) {
                    trainer.stop();
                }
            }
        }, ObserverRate.everyIteration());

        TrainingResult result = trainer.run();

        assertThat(result.stopReason()).isEqualTo(StopReason.STOPPED);
        assertThat(result.epochs()).isEqualTo(12);
        assertThat(result.bestEpoch()).isBetween(1, 12);
        assertThat(TinyProblems.loss(net, validation)).isCloseTo(result.bestValLoss(), within(1e-5));
    }
}
