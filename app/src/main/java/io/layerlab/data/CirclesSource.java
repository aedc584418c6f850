package io.layerlab.data;

import io.layerlab.catalog.ParamSpec;
import java.util.List;
import java.util.Random;

/** Two concentric rings: class 0 on radius 0.5, class 1 on radius 1, jittered by the noise. */
final class CirclesSource implements DataSource {
    static final double INNER_RADIUS = 0.5;
    static final double OUTER_RADIUS = 1.0;

    @Override public String name() { return "circles"; }

    @Override public String explanation() {
        return "A ring inside a ring: the boundary is a closed curve, which a network learns by combining several lines.";
    }

    @Override public Task task() { return Task.CLASSIFICATION; }

    @Override public List<ParamSpec> params() {
        return List.of(Generators.samples(400),
                Generators.noise(0.1, 1.0, "Standard deviation of the jitter; the rings lie 0.5 apart."));
    }

    @Override public RawDataset generate(SourceParams params, Random random) {
        int[] labels = Generators.labelsByClass(Generators.balancedCounts(params.intValue("samples"), 2));
        double noise = params.doubleValue("noise");
        double[][] features = new double[labels.length][];
        for (int row = 0; row < labels.length; row++) {
            double radius = labels[row] == 0 ? INNER_RADIUS : OUTER_RADIUS;
            double angle = 2 * Math.PI * random.nextDouble();
            features[row] = new double[] {
                radius * Math.cos(angle) + noise * random.nextGaussian(),
                radius * Math.sin(angle) + noise * random.nextGaussian()};
        }
        return RawDataset.classification(features, labels, Generators.XY, List.of("inner", "outer"));
    }
}
