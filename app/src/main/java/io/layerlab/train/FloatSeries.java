package io.layerlab.train;

import java.util.Arrays;

/** A growable float array: one value per iteration costs 4 bytes, not a boxed object. */
final class FloatSeries {
    private float[] values = new float[256];
    private int size;

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = (float) value;
    }

    int size() {
        return size;
    }

    float get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (size - 1));
        }
        return values[index];
    }

    float[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
