package io.layerlab.data;

import io.layerlab.catalog.ParamSpec;
import java.util.List;
import java.util.Random;

/** {@code classes} round gaussian clouds whose centres sit evenly on the unit circle. */
final class BlobsSource implements DataSource {
    @Override public String name() { return "blobs"; }

    @Override public String explanation() {
        return "Round clouds, one per class: the easy case, separable by straight lines; raise the noise to make them overlap.";
    }

    @Override public Task task() { return Task.CLASSIFICATION; }

    @Override public List<ParamSpec> params() {
        return List.of(Generators.samples(400),
                Generators.noise(0.2, 1.0, "Spread (standard deviation) of each blob; the centres lie on a circle of radius 1."),
                Generators.classes(3, "How many blobs, one class each."));
    }

    @Override public RawDataset generate(SourceParams params, Random random) {
        int classes = params.intValue("classes");
        int[] labels = Generators.labelsByClass(Generators.balancedCounts(params.intValue("samples"), classes));
        double noise = params.doubleValue("noise");
        double[][] features = new double[labels.length][];
        for (int row = 0; row < labels.length; row++) {
            // The first blob sits at the top, the others follow clockwise.
            double angle = Math.PI / 2 - 2 * Math.PI * labels[row] / classes;
            features[row] = new double[] {
                Math.cos(angle) + noise * random.nextGaussian(),
                Math.sin(angle) + noise * random.nextGaussian()};
        }
        return RawDataset.classification(features, labels, Generators.XY, Generators.numberedNames("blob", classes));
    }
}
