package io.layerlab.train;

import io.layerlab.data.Task;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainerInputTest {

    @Test
    void anUninitialisedNetworkIsRefusedWithWhatToDo() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs("in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(1).nOut(1)
                        .activation(Activation.IDENTITY).build(), "in")
                .setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);

        assertThatThrownBy(() -> new Trainer(net, TinyProblems.batches(TinyProblems.line(10, 1), 5),
                TinyProblems.spec("sgd", 0.1, 1), Task.REGRESSION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("call init()");
    }

    @Test
    void zeroEpochsAreRefused() {
        ComputationGraph net = TinyProblems.linearRegression(1, TinyProblems.sgd(0.1));
        assertThatThrownBy(() -> new Trainer(net, TinyProblems.batches(TinyProblems.line(10, 1), 5),
                TinyProblems.spec("sgd", 0.1, 0), Task.REGRESSION))
                .hasMessage("training.epochs must be at least 1, was 0");
    }

    @Test
    void dataThatCannotBeReplayedIsRefusedForSeveralEpochs() {
        ComputationGraph net = TinyProblems.linearRegression(1, TinyProblems.sgd(0.1));
        List<DataSet> batches = TinyProblems.line(10, 1).batchBy(5);
        var once = new ExistingDataSetIterator(batches.iterator());

        assertThatThrownBy(() -> new Trainer(net, once, TinyProblems.spec("sgd", 0.1, 3), Task.REGRESSION))
                .hasMessageContaining("cannot be replayed")
                .hasMessageContaining("1 epoch only, not 3");
    }

    @Test
    void stoppingBeforeTheStartTrainsNothing() {
        ComputationGraph net = TinyProblems.linearRegression(1, TinyProblems.sgd(0.1));
        Trainer trainer = new Trainer(net, TinyProblems.batches(TinyProblems.line(10, 1), 5),
                TinyProblems.spec("sgd", 0.1, 3), Task.REGRESSION);
        trainer.stop();

        TrainingResult result = trainer.run();

        assertThat(result.stopReason()).isEqualTo(StopReason.STOPPED);
        assertThat(result.iterations()).isZero();
        assertThat(result.trainLoss()).isNull();
        assertThat(net.getIterationCount()).isZero();
    }

    @Test
    void anEmptyValidationSetCountsAsNone() {
        ComputationGraph net = TinyProblems.linearRegression(1, TinyProblems.sgd(0.1));
        var empty = new ExistingDataSetIterator(List.<DataSet>of());

        TrainingResult result = new Trainer(net, TinyProblems.batches(TinyProblems.line(10, 1), 5), empty,
                TinyProblems.spec("sgd", 0.1, 2), Task.REGRESSION).run();

        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.valLoss()).isNull();
        assertThat(result.bestEpoch()).isPositive();
    }
}
