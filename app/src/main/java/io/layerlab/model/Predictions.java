package io.layerlab.model;

import io.layerlab.data.Task;
import java.util.List;

/**
 * A model's outputs for rows of input: per row the class probabilities (classification) or the
 * predicted values (regression), with the names of the classes or targets where the model
 * records them.
 *
 * @param names one name per output column (class or target names); empty when the model does not record them
 */
public record Predictions(Task task, List<String> names, float[][] outputs) {
    public Predictions {
        names = List.copyOf(names);
    }

    public int size() { return outputs.length; }

    /** Outputs per row: classes, or regression targets. */
    public int width() { return outputs.length == 0 ? names.size() : outputs[0].length; }

    /** The most probable class of {@code row} (the first of equals). */
    public int predictedClass(int row) {
        float[] p = outputs[row];
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    /** The name of output column {@code i}, or null when the model records none. */
    public String name(int i) { return names.isEmpty() ? null : names.get(i); }
}
