package io.layerlab.ui.training;

/** Points of one curve, read by index; x never decreases from one index to the next. */
interface SeriesData {
    int size();

    double x(int index);

    /** NaN or infinite values are skipped when drawing. */
    double y(int index);
}
