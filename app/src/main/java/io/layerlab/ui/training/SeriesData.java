package io.layerlab.ui.training;

import java.util.function.IntSupplier;
import java.util.function.IntToDoubleFunction;

/** Points of one curve, read by index; x never decreases from one index to the next. */
interface SeriesData {
    int size();

    double x(int index);

    /** NaN or infinite values are skipped when drawing. */
    double y(int index);

    /**
     * Points numbered from 1 (iterations, epochs): x is the index plus one. Both arguments are
     * read on every call, so the series follows a curve that grows.
     */
    static SeriesData numbered(IntSupplier size, IntToDoubleFunction y) {
        return new SeriesData() {
            @Override
            public int size() {
                return size.getAsInt();
            }

            @Override
            public double x(int index) {
                return index + 1;
            }

            @Override
            public double y(int index) {
                return y.applyAsDouble(index);
            }
        };
    }
}
