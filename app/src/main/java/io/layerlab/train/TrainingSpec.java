package io.layerlab.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The project's "training" section. {@code optimizer} is one of sgd, momentum, nesterov, adam,
 * rmsprop. {@code extras} keeps fields this version does not know.
 */
public record TrainingSpec(String optimizer, double learningRate, int batchSize, int epochs,
                           boolean shuffle, long seed, Map<String, Object> extras) {
    public static final java.util.List<String> OPTIMIZERS = java.util.List.of("sgd", "momentum", "nesterov", "adam", "rmsprop");

    public TrainingSpec {
        extras = extras == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    public TrainingSpec(String optimizer, double learningRate, int batchSize, int epochs, boolean shuffle, long seed) {
        this(optimizer, learningRate, batchSize, epochs, shuffle, seed, Map.of());
    }

    public static TrainingSpec defaults() { return new TrainingSpec("adam", 0.01, 32, 50, true, 42); }

    public TrainingSpec withLearningRate(double lr) { return new TrainingSpec(optimizer, lr, batchSize, epochs, shuffle, seed, extras); }
    public TrainingSpec withBatchSize(int b) { return new TrainingSpec(optimizer, learningRate, b, epochs, shuffle, seed, extras); }
    public TrainingSpec withEpochs(int e) { return new TrainingSpec(optimizer, learningRate, batchSize, e, shuffle, seed, extras); }
    public TrainingSpec withSeed(long s) { return new TrainingSpec(optimizer, learningRate, batchSize, epochs, shuffle, s, extras); }
    public TrainingSpec withOptimizer(String o) { return new TrainingSpec(o, learningRate, batchSize, epochs, shuffle, seed, extras); }
}
