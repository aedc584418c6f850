package io.layerlab.data;

import io.layerlab.catalog.ParamSpec;
import java.util.List;
import java.util.Random;

/**
 * {@code classes} spiral arms winding out from the centre, one class each, as in TensorFlow
 * Playground (two arms by default). Along each arm the radius grows from {@link #START_RADIUS}
 * to 1 while the angle turns {@link #TURNS} times; the arms start at evenly spaced angles.
 * Points are evenly spaced along each arm, then jittered by the noise.
 */
final class SpiralSource implements DataSource {
    static final double TURNS = 1.25;
    /** The arms start a little off the centre, where they would otherwise touch. */
    static final double START_RADIUS = 0.1;

    @Override public String name() { return "spiral"; }

    @Override public String explanation() {
        return "Interleaved spiral arms: the hardest of the 2-D sets, it needs a deeper or wider network and a good learning rate.";
    }

    @Override public Task task() { return Task.CLASSIFICATION; }

    @Override public List<ParamSpec> params() {
        return List.of(Generators.samples(600),
                Generators.noise(0.05, 1.0, "Standard deviation of the jitter; the outermost turn has radius 1."),
                Generators.classes(2, "How many arms, one class each."));
    }

    @Override public RawDataset generate(SourceParams params, Random random) {
        int classes = params.intValue("classes");
        int[] counts = Generators.balancedCounts(params.intValue("samples"), classes);
        int[] labels = Generators.labelsByClass(counts);
        double noise = params.doubleValue("noise");
        double[][] features = new double[labels.length][];
        int row = 0;
        for (int arm = 0; arm < classes; arm++) {
            for (int i = 0; i < counts[arm]; i++, row++) {
                double along = (i + 0.5) / counts[arm];
                double radius = START_RADIUS + (1 - START_RADIUS) * along;
                double angle = 2 * Math.PI * (TURNS * along + (double) arm / classes);
                features[row] = new double[] {
                    radius * Math.cos(angle) + noise * random.nextGaussian(),
                    radius * Math.sin(angle) + noise * random.nextGaussian()};
            }
        }
        return RawDataset.classification(features, labels, Generators.XY, Generators.numberedNames("arm", classes));
    }
}
