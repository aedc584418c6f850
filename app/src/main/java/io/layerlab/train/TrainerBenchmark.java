package io.layerlab.train;

import io.layerlab.data.Task;
import io.layerlab.nd4j.Nd4jFixes;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures what our {@link Trainer} costs over a plain hand-written DL4J loop
 * ({@code for each minibatch: net.fit(minibatch)}): both train the same MLP 784-512-512-10 (Adam,
 * batch 128) on the same random in-memory data, in alternating rounds after warm-up rounds. Ours
 * runs with an observer attached that receives every 10th iteration.
 *
 * <p>Machine load drifts (other programs, CPU clocks), so the comparison is made pair by pair:
 * each pair is a plain round and an ours round back to back, their order swapped every other pair
 * (plain-ours, ours-plain, ...) so neither side always runs first. The ratio is the median of the
 * pairs' ratios; each side's samples/s is the median of its rounds.
 */
public final class TrainerBenchmark {
    public static final int INPUTS = 784;
    public static final int HIDDEN = 512;
    public static final int CLASSES = 10;
    public static final int BATCH_SIZE = 128;
    /** Multiply-adds of one forward pass of one sample. */
    public static final long MACS_PER_SAMPLE = (long) INPUTS * HIDDEN + (long) HIDDEN * HIDDEN + (long) HIDDEN * CLASSES;
    /** A training step (forward, backward to activations, backward to weights) is about 3 passes of 2 FLOPs per multiply-add. */
    public static final long TRAINING_FLOPS_PER_SAMPLE = 6 * MACS_PER_SAMPLE;
    static final int OBSERVED_EVERY = 10;

    /**
     * @param batchesPerRound minibatches each side trains per round (one epoch of the data)
     * @param rounds          measured pairs of rounds (one per side)
     * @param warmupRounds    unmeasured pairs first (JIT, ND4J workspaces)
     */
    public record Settings(int batchesPerRound, int rounds, int warmupRounds, long seed) {
        public Settings {
            if (batchesPerRound < 1 || rounds < 1 || warmupRounds < 0) {
                throw new IllegalArgumentException("bench needs batchesPerRound >= 1, rounds >= 1 and warmupRounds >= 0; got "
                        + batchesPerRound + ", " + rounds + ", " + warmupRounds);
            }
        }

        /**
         * Half a minute on a laptop: 10 minibatches per round, 30 measured pairs after 3 warm-up
         * pairs. Many short pairs rather than a few long ones: a pair is less likely to straddle a
         * change in machine load, and the median of many pair ratios settles.
         */
        public static Settings standard() {
            return new Settings(10, 30, 3, 7);
        }

        /** A few seconds: 5 minibatches per round, 8 measured pairs after 2 warm-up pairs. */
        public static Settings quick() {
            return new Settings(5, 8, 2, 7);
        }
    }

    public record Figures(double samplesPerSecond) {
        public double gflopsPerSecond() {
            return samplesPerSecond * TRAINING_FLOPS_PER_SAMPLE / 1e9;
        }
    }

    /** Per-round samples/s of each side, pair by pair, and their medians. */
    public record Result(Figures plain, Figures ours, double[] plainRounds, double[] oursRounds, Settings settings) {
        /** Ours over plain, the median over pairs: 1.00 means the trainer's loop costs nothing. */
        public double ratio() {
            return median(pairRatios());
        }

        /** Ours over plain for each pair, in the order measured. */
        public double[] pairRatios() {
            double[] ratios = new double[plainRounds.length];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = oursRounds[i] / plainRounds[i];
            }
            return ratios;
        }

        /** Report lines: the model, each side's figures, and {@code ratio=X.XX} last. */
        public List<String> lines() {
            return List.of(
                    String.format(Locale.ROOT, "model: MLP %d-%d-%d-%d, Adam, batch %d; %d minibatches per round, %d pairs of rounds (+%d warm-up), alternating",
                            INPUTS, HIDDEN, HIDDEN, CLASSES, BATCH_SIZE, settings.batchesPerRound(), settings.rounds(), settings.warmupRounds()),
                    side("plain DL4J fit loop", plain),
                    side("LayerLab trainer   ", ours),
                    spread(),
                    String.format(Locale.ROOT, "ratio=%.2f", ratio()));
        }

        /** The middle half of the pair ratios: how much the machine's load moved the figures. */
        private String spread() {
            double[] sorted = pairRatios();
            Arrays.sort(sorted);
            int n = sorted.length;
            return String.format(Locale.ROOT, "pair ratios: middle half %.2f to %.2f over %d pairs",
                    sorted[n / 4], sorted[(3 * n - 1) / 4], n);
        }

        private static String side(String name, Figures figures) {
            return String.format(Locale.ROOT, "%s %10.1f samples/s %8.2f GFLOP/s", name, figures.samplesPerSecond(),
                    figures.gflopsPerSecond());
        }
    }

    public Result run(Settings settings) {
        Nd4jFixes.install();
        ComputationGraph net = mlp(settings.seed());
        List<DataSet> batches = randomBatches(settings.batchesPerRound(), settings.seed());
        for (int i = 0; i < settings.warmupRounds(); i++) {
            plainRound(net, batches);
            trainerRound(net, batches, settings.seed());
        }
        double[] plain = new double[settings.rounds()];
        double[] ours = new double[settings.rounds()];
        for (int i = 0; i < settings.rounds(); i++) {
            if (i % 2 == 0) {
                plain[i] = plainRound(net, batches);
                ours[i] = trainerRound(net, batches, settings.seed());
            } else {
                ours[i] = trainerRound(net, batches, settings.seed());
                plain[i] = plainRound(net, batches);
            }
        }
        return new Result(new Figures(median(plain)), new Figures(median(ours)), plain, ours, settings);
    }

    /**
     * The loop a DL4J user writes by hand; returns samples per second. It gets the native-thread
     * limit the trainer takes for itself, so the ratio measures the loop, not the thread count.
     */
    private static double plainRound(ComputationGraph net, List<DataSet> batches) {
        try (NativeThreads.Lease threads = NativeThreads.forOneRunHere()) {
            long start = System.nanoTime();
            for (DataSet batch : batches) {
                net.fit(batch);
            }
            return samplesPerSecond(batches, System.nanoTime() - start);
        }
    }

    private static double trainerRound(ComputationGraph net, List<DataSet> batches, long seed) {
        TrainingSpec spec = new TrainingSpec("adam", 1e-3, BATCH_SIZE, 1, false, seed);
        long start = System.nanoTime();
        Trainer trainer = new Trainer(net, new ExistingDataSetIterator(batches), spec, Task.CLASSIFICATION);
        trainer.addObserver(new LatestLoss(), ObserverRate.everyIterations(OBSERVED_EVERY));
        trainer.run();
        return samplesPerSecond(batches, System.nanoTime() - start);
    }

    /** An observer as cheap as a well-behaved UI's: it keeps the latest numbers for its own thread. */
    private static final class LatestLoss implements TrainingObserver {
        private volatile double loss;

        @Override
        public void onIteration(IterationEvent event) {
            loss = event.loss();
        }
    }

    static ComputationGraph mlp(long seed) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("in")
                .addLayer("h1", new DenseLayer.Builder().nIn(INPUTS).nOut(HIDDEN).activation(Activation.RELU).build(), "in")
                .addLayer("h2", new DenseLayer.Builder().nIn(HIDDEN).nOut(HIDDEN).activation(Activation.RELU).build(), "h1")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(HIDDEN).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build(), "h2")
                .setOutputs("out")
                .build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    static List<DataSet> randomBatches(int count, long seed) {
        Random random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        List<DataSet> batches = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            INDArray features = Nd4j.rand(random, BATCH_SIZE, INPUTS).castTo(DataType.FLOAT);
            INDArray labels = Nd4j.zeros(DataType.FLOAT, BATCH_SIZE, CLASSES);
            for (int i = 0; i < BATCH_SIZE; i++) {
                labels.putScalar(i, (int) (random.nextDouble() * CLASSES), 1f);
            }
            batches.add(new DataSet(features, labels));
        }
        return batches;
    }

    private static double samplesPerSecond(List<DataSet> batches, long nanos) {
        return (double) batches.size() * BATCH_SIZE * 1e9 / nanos;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
