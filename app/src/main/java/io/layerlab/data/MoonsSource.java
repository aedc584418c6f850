package io.layerlab.data;

import io.layerlab.catalog.ParamSpec;
import java.util.List;
import java.util.Random;

/**
 * Two interleaving half circles of radius 1 (as scikit-learn's make_moons), centred on the
 * origin: the upper moon opens downwards, the lower one upwards and reaches into it.
 */
final class MoonsSource implements DataSource {
    @Override public String name() { return "moons"; }

    @Override public String explanation() {
        return "Two interlocking crescents: nearly separable, but only by a bent boundary.";
    }

    @Override public Task task() { return Task.CLASSIFICATION; }

    @Override public List<ParamSpec> params() {
        return List.of(Generators.samples(400),
                Generators.noise(0.1, 1.0, "Standard deviation of the jitter; each moon has radius 1."));
    }

    @Override public RawDataset generate(SourceParams params, Random random) {
        int[] labels = Generators.labelsByClass(Generators.balancedCounts(params.intValue("samples"), 2));
        double noise = params.doubleValue("noise");
        double[][] features = new double[labels.length][];
        for (int row = 0; row < labels.length; row++) {
            double t = Math.PI * random.nextDouble();
            double x = labels[row] == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double y = labels[row] == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            // Shift so the pair is centred on the origin: x spans -1..2, y spans -0.5..1.
            features[row] = new double[] {x - 0.5 + noise * random.nextGaussian(), y - 0.25 + noise * random.nextGaussian()};
        }
        return RawDataset.classification(features, labels, Generators.XY, List.of("upper", "lower"));
    }
}
