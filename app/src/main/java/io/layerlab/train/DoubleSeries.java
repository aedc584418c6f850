package io.layerlab.train;

import java.util.Arrays;

/** A growable double array for per-epoch values; NaN marks a value that does not exist. */
final class DoubleSeries {
    private double[] values = new double[64];
    private int size;

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    double get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (size - 1));
        }
        return values[index];
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
