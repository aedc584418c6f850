package io.layerlab.train.sweep;

import io.layerlab.train.TrainingSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a sweep tries: every combination of learning rate, batch size, optimizer and activation,
 * each trained {@code repeats} times with a different seed (the project's training seed plus the
 * repeat index, 0-based, which changes both the initial weights and the shuffling order; repeat 0
 * trains exactly as the project would).
 *
 * @param learningRates at least one; each a positive finite number, none twice
 * @param batchSizes    at least one; each at least 1, none twice
 * @param optimizers    optimizer names to try; empty means the project's own
 * @param activation    one node's activation functions to try; null keeps the graph as it is
 * @param repeats       runs per combination, 1 to {@value #MAX_REPEATS}
 * @param epochs        epochs of every run; null means the project's own
 * @param targetLoss    a loss the results report the first epoch reaching; null for none
 */
public record SweepSpec(List<Double> learningRates, List<Integer> batchSizes, List<String> optimizers,
                        ActivationChoice activation, int repeats, Integer epochs, Double targetLoss) {
    public static final int MAX_REPEATS = 100;
    public static final int MAX_RUNS = 1000;

    public SweepSpec {
        learningRates = List.copyOf(Objects.requireNonNull(learningRates, "learningRates"));
        batchSizes = List.copyOf(Objects.requireNonNull(batchSizes, "batchSizes"));
        optimizers = List.copyOf(Objects.requireNonNull(optimizers, "optimizers"));
        checkLearningRates(learningRates);
        checkBatchSizes(batchSizes);
        checkOptimizers(optimizers);
        if (repeats < 1 || repeats > MAX_REPEATS) {
            throw new IllegalArgumentException("repeats must be between 1 and " + MAX_REPEATS + ", was " + repeats);
        }
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, was " + epochs);
        }
        if (targetLoss != null && (!(targetLoss > 0) || !Double.isFinite(targetLoss))) {
            throw new IllegalArgumentException("the target loss must be a number above 0, was " + targetLoss);
        }
        long runs = (long) learningRates.size() * batchSizes.size() * Math.max(1, optimizers.size())
                * (activation == null ? 1 : activation.functions().size()) * repeats;
        if (runs > MAX_RUNS) {
            throw new IllegalArgumentException("this sweep would train " + runs + " networks, more than the limit of "
                    + MAX_RUNS + "; try fewer learning rates, batch sizes or repeats");
        }
    }

    /** One run per learning rate and batch size, with the project's optimizer, graph and epochs. */
    public static SweepSpec of(List<Double> learningRates, List<Integer> batchSizes) {
        return new SweepSpec(learningRates, batchSizes, List.of(), null, 1, null, null);
    }

    public SweepSpec withOptimizers(List<String> names) {
        return new SweepSpec(learningRates, batchSizes, names, activation, repeats, epochs, targetLoss);
    }

    public SweepSpec withActivation(ActivationChoice choice) {
        return new SweepSpec(learningRates, batchSizes, optimizers, choice, repeats, epochs, targetLoss);
    }

    public SweepSpec withRepeats(int count) {
        return new SweepSpec(learningRates, batchSizes, optimizers, activation, count, epochs, targetLoss);
    }

    public SweepSpec withEpochs(Integer count) {
        return new SweepSpec(learningRates, batchSizes, optimizers, activation, repeats, count, targetLoss);
    }

    public SweepSpec withTargetLoss(Double loss) {
        return new SweepSpec(learningRates, batchSizes, optimizers, activation, repeats, epochs, loss);
    }

    /** Distinct combinations (repeats not counted). */
    public int combinations() {
        return learningRates.size() * batchSizes.size() * Math.max(1, optimizers.size())
                * (activation == null ? 1 : activation.functions().size());
    }

    /** Networks trained: combinations times repeats. */
    public int runs() {
        return combinations() * repeats;
    }

    private static void checkLearningRates(List<Double> rates) {
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("the list of learning rates is empty; give at least one, e.g. 0.001, 0.01, 0.1");
        }
        Set<Double> seen = new HashSet<>();
        for (Double rate : rates) {
            if (rate == null || !(rate > 0) || !Double.isFinite(rate)) {
                throw new IllegalArgumentException("learning rate " + rate + " is not valid; each must be a number above 0, e.g. 0.01");
            }
            if (!seen.add(rate)) {
                throw new IllegalArgumentException("learning rate " + LearningRates.format(rate) + " is listed twice");
            }
        }
    }

    private static void checkBatchSizes(List<Integer> sizes) {
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("the list of batch sizes is empty; give at least one, e.g. 16, 64");
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer size : sizes) {
            if (size == null || size < 1) {
                throw new IllegalArgumentException("batch size " + size + " is not valid; each must be a whole number of at least 1");
            }
            if (!seen.add(size)) {
                throw new IllegalArgumentException("batch size " + size + " is listed twice");
            }
        }
    }

    private static void checkOptimizers(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!TrainingSpec.OPTIMIZERS.contains(name)) {
                throw new IllegalArgumentException("unknown optimizer \"" + name + "\"; must be one of: "
                        + String.join(", ", TrainingSpec.OPTIMIZERS));
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("optimizer " + name + " is listed twice");
            }
        }
    }
}
