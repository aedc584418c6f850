package io.layerlab.train.sweep;

/**
 * Which run of a sweep an event or a result belongs to.
 *
 * @param index  the run's place in the sweep's plan, from 0; runs start in this order
 * @param repeat which repeat of its combination, from 0
 * @param seed   the training seed of this run (the project's seed plus {@code repeat})
 * @param label  the combination's label, with the repeat when the sweep repeats runs
 */
public record RunKey(int index, Combination combination, int repeat, long seed, String label) {
    public double learningRate() { return combination.learningRate(); }
    public int batchSize() { return combination.batchSize(); }
    public String optimizer() { return combination.optimizer(); }
    /** Null when the sweep does not vary an activation. */
    public String activation() { return combination.activation(); }

    @Override public String toString() { return label; }
}
