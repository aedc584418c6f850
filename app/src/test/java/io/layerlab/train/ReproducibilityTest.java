package io.layerlab.train;

import io.layerlab.data.DataSpec;
import io.layerlab.data.Datasets;
import io.layerlab.data.LoadedData;
import io.layerlab.data.Task;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Map;
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
                TinyProblems.spec("adam", 0.02, 3).withSeed(trainingSeed), Task.CLASSIFICATION);
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

    @Test
    void shuffledProjectDataRepeatsForTheSameSeeds() {
        float[] first = trainOnLoadedXor(7, 42);
        float[] second = trainOnLoadedXor(7, 42);
        float[] otherShuffle = trainOnLoadedXor(7, 43);

        assertThat(second).containsExactly(first);
        assertThat(otherShuffle).isNotEqualTo(first);
    }

    private static float[] trainOnLoadedXor(long dataSeed, long trainingSeed) {
        LoadedData data = Datasets.load(new DataSpec("xor", Map.of("samples", 100), 0.2, dataSeed));
        ComputationGraph net = TinyProblems.classifier(5, TinyProblems.adam(0.02));
        TrainingSpec spec = new TrainingSpec("adam", 0.02, 16, 3, true, trainingSeed);
        return new Trainer(net, data.trainIterator(spec.batchSize(), spec.shuffle(), spec.seed()),
                data.validationIterator(32), spec, data.task()).run().history().iterationLosses();
    }

    @Test
    void prefetchingASourceDoesNotChangeWhatIsLearned() {
        DataSet data = TinyProblems.xor(80, 9);
        TrainingResult direct = new Trainer(TinyProblems.classifier(5, TinyProblems.adam(0.02)), TinyProblems.batches(data, 20),
                TinyProblems.spec("adam", 0.02, 3), Task.CLASSIFICATION).run();
        TrainingResult prefetched = new Trainer(TinyProblems.classifier(5, TinyProblems.adam(0.02)),
                new PrefetchableIterator(TinyProblems.batches(data, 20)), TinyProblems.spec("adam", 0.02, 3),
                Task.CLASSIFICATION).run();

        assertThat(prefetched.iterations()).isEqualTo(12);
        assertThat(prefetched.history().iterationLosses()).containsExactly(direct.history().iterationLosses());
    }

    /** An iterator that asks to be read ahead on a background thread, as file-backed sources do. */
    private static final class PrefetchableIterator implements org.nd4j.linalg.dataset.api.iterator.DataSetIterator {
        private final org.nd4j.linalg.dataset.api.iterator.DataSetIterator source;

        PrefetchableIterator(org.nd4j.linalg.dataset.api.iterator.DataSetIterator source) {
            this.source = source;
        }

        @Override
        public boolean asyncSupported() {
            return true;
        }

        @Override
        public DataSet next(int num) {
            return source.next(num);
        }

        @Override
        public int inputColumns() {
            return source.inputColumns();
        }

        @Override
        public int totalOutcomes() {
            return source.totalOutcomes();
        }

        @Override
        public boolean resetSupported() {
            return true;
        }

        @Override
        public void reset() {
            source.reset();
        }

        @Override
        public int batch() {
            return source.batch();
        }

        @Override
        public void setPreProcessor(org.nd4j.linalg.dataset.api.DataSetPreProcessor preProcessor) {
            source.setPreProcessor(preProcessor);
        }

        @Override
        public org.nd4j.linalg.dataset.api.DataSetPreProcessor getPreProcessor() {
            return source.getPreProcessor();
        }

        @Override
        public java.util.List<String> getLabels() {
            return source.getLabels();
        }

        @Override
        public boolean hasNext() {
            return source.hasNext();
        }

        @Override
        public DataSet next() {
            return source.next();
        }
    }
}
