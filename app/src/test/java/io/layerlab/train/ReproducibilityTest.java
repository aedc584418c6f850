package io.layerlab.train;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ReproducibilityTest {

    private static TrainingResult train(long modelSeed, long dataSeed, long trainingSeed, ExecutorService worker) throws Exception {
        DataSet data = TinyProblems.xor(80, dataSeed);
        // Dropout draws random masks every iteration: only a seeded generator repeats them.
        ComputationGraph net = TinyProblems.classifier(modelSeed, 16, TinyProblems.adam(0.02), 0.7);
        Trainer trainer = new Trainer(net, TinyProblems.batches(data, 20), TinyProblems.batches(TinyProblems.xor(40, dataSeed + 1), 40),
                TinyProblems.spec("adam", 0.02, 3).withSeed(trainingSeed), TaskKind.CLASSIFICATION);
        return worker == null ? trainer.run() : trainer.start(worker).get(120, TimeUnit.SECONDS);
    }

    @Test
    void theSameSeedsGiveTheSameLossesOnAnyThread() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            TrainingResult first = train(5, 9, 42, null);
            TrainingResult second = train(5, 9, 42, worker);
            TrainingResult otherTrainingSeed = train(5, 9, 43, null);

            assertThat(second.history().iterationLosses()).containsExactly(first.history().iterationLosses());
            assertThat(second.history().valLosses()).containsExactly(first.history().valLosses());
            assertThat(otherTrainingSeed.history().iterationLosses()).isNotEqualTo(first.history().iterationLosses());
        } finally {
            worker.shutdownNow();
        }
    }
}
