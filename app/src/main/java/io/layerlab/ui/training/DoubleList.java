package io.layerlab.ui.training;

import java.util.Arrays;

/** A growable array of doubles, for per-epoch values; NaN marks a value that does not exist. */
final class DoubleList {
    private double[] values = new double[64];
    private int size;

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    double get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    double last() {
        return size == 0 ? Double.NaN : values[size - 1];
    }
}
