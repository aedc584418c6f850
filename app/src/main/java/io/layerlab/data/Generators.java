package io.layerlab.data;

import io.layerlab.catalog.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the generated sources: common parameters and class-balanced counts. */
final class Generators {
    static final int MIN_SAMPLES = 10;
    static final int MAX_SAMPLES = 1_000_000;
    static final int MAX_CLASSES = 10;
    static final List<String> XY = List.of("x1", "x2");

    private Generators() { }

    static ParamSpec samples(int def) {
        return ParamSpec.integer("samples", def, MIN_SAMPLES, MAX_SAMPLES, "How many points to generate, split evenly over the classes.");
    }

    static ParamSpec noise(double def, double max, String description) {
        return ParamSpec.decimal("noise", def, 0, max, false, false, description);
    }

    static ParamSpec classes(int def, String description) {
        return ParamSpec.integer("classes", def, 2, MAX_CLASSES, description);
    }

    /** {@code total} split over {@code classes} as evenly as possible, the first classes taking the remainder. */
    static int[] balancedCounts(int total, int classes) {
        int[] counts = new int[classes];
        for (int k = 0; k < classes; k++) counts[k] = total / classes + (k < total % classes ? 1 : 0);
        return counts;
    }

    /** The class label of every row when rows are generated class by class with these counts. */
    static int[] labelsByClass(int[] counts) {
        int total = 0;
        for (int c : counts) total += c;
        int[] labels = new int[total];
        int row = 0;
        for (int k = 0; k < counts.length; k++) for (int i = 0; i < counts[k]; i++) labels[row++] = k;
        return labels;
    }

    static List<String> numberedNames(String prefix, int count) {
        List<String> names = new ArrayList<>(count);
        for (int k = 1; k <= count; k++) names.add(prefix + " " + k);
        return names;
    }
}
