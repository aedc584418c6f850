package io.layerlab.ui.training;

import java.util.Arrays;

/** A growable array of floats: a curve of 100,000 points costs 400 kB, not 100,000 boxed objects. */
final class FloatList {
    private float[] values;
    private int size;

    FloatList() {
        this(256);
    }

    FloatList(int capacity) {
        values = new float[Math.max(capacity, 16)];
    }

    void add(float value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    void addAll(float[] source, int count) {
        if (size + count > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, size + count));
        }
        System.arraycopy(source, 0, values, size, count);
        size += count;
    }

    float get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    float[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
