package io.layerlab.data;

import io.layerlab.catalog.ParamSpec;
import java.util.List;
import java.util.Random;

/**
 * Points spread over the four quadrants of [-1, 1]²; class 1 ("opposite sign") where x1 and x2
 * differ in sign, class 0 ("same sign") where they agree. A small gap along the axes keeps the
 * clean classes apart; noise is added after labelling, so a large noise mislabels points near
 * the axes, as in TensorFlow Playground.
 */
final class XorSource implements DataSource {
    /** Distance from the axes kept free of clean points (10% of the extent), so mild noise rarely crosses an axis. */
    static final double AXIS_GAP = 0.2;

    @Override public String name() { return "xor"; }

    @Override public String explanation() {
        return "Four quadrants, opposite corners share a class: no straight line separates them, so it needs a hidden layer.";
    }

    @Override public Task task() { return Task.CLASSIFICATION; }

    @Override public List<ParamSpec> params() {
        return List.of(Generators.samples(400),
                Generators.noise(0.05, 1.0, "Standard deviation of the jitter added to each point (the square spans -1..1)."));
    }

    @Override public RawDataset generate(SourceParams params, Random random) {
        int[] counts = Generators.balancedCounts(params.intValue("samples"), 2);
        int[] labels = Generators.labelsByClass(counts);
        double noise = params.doubleValue("noise");
        double[][] features = new double[labels.length][];
        int[] nthOfClass = new int[2];
        for (int row = 0; row < labels.length; row++) {
            int label = labels[row];
            // Alternate the two quadrants of each class so both are equally full.
            boolean firstQuadrant = nthOfClass[label]++ % 2 == 0;
            double sx = firstQuadrant ? 1 : -1;
            double sy = label == 0 ? sx : -sx;
            double x = sx * (AXIS_GAP + (1 - AXIS_GAP) * random.nextDouble()) + noise * random.nextGaussian();
            double y = sy * (AXIS_GAP + (1 - AXIS_GAP) * random.nextDouble()) + noise * random.nextGaussian();
            features[row] = new double[] {x, y};
        }
        return RawDataset.classification(features, labels, Generators.XY, List.of("same sign", "opposite sign"));
    }
}
