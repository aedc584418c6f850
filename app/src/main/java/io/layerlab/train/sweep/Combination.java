package io.layerlab.train.sweep;

/**
 * One setting a sweep tries, whose repeats differ only in their seed.
 *
 * @param optimizer  the optimizer these runs use (the project's unless the sweep varies it)
 * @param activation the varied node's activation function; null when the sweep keeps the graph
 * @param label      a short name for legends and tables, naming only what the sweep varies,
 *                   e.g. "lr 0.01 · batch 32"
 */
public record Combination(double learningRate, int batchSize, String optimizer, String activation, String label) {
    @Override public String toString() { return label; }
}
