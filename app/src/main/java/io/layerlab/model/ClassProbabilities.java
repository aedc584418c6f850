package io.layerlab.model;

import java.util.List;

/**
 * A classifier's answer for one example: the probability of every class, in class order, with
 * the class names. Immutable.
 */
public final class ClassProbabilities {
    private final List<String> names;
    private final float[] probabilities;

    /** @throws IllegalArgumentException when there is not one name per probability */
    public ClassProbabilities(List<String> names, float[] probabilities) {
        if (names.size() != probabilities.length) {
            throw new IllegalArgumentException(probabilities.length + " probabilities need as many class names, got " + names.size());
        }
        this.names = List.copyOf(names);
        this.probabilities = probabilities.clone();
    }

    public int size() { return probabilities.length; }

    public String name(int index) { return names.get(index); }

    public List<String> names() { return names; }

    public float probability(int index) { return probabilities[index]; }

    /** The most probable class (the first of equals). */
    public int top() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[best]) best = i;
        return best;
    }

    /** The sum of all probabilities: 1 up to rounding for a softmax output. */
    public double total() {
        double sum = 0;
        for (float p : probabilities) sum += p;
        return sum;
    }

    @Override public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < probabilities.length; i++) {
            if (i > 0) text.append(", ");
            text.append(names.get(i)).append(' ').append(String.format(java.util.Locale.ROOT, "%.3f", probabilities[i]));
        }
        return text.toString();
    }
}
