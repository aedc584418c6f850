package io.layerlab.data;

import io.layerlab.catalog.ParamSpec;
import java.util.List;
import java.util.Random;

/** Regression: x uniform in [-π, π], y = sin(x) plus gaussian noise. */
final class SineSource implements DataSource {
    @Override public String name() { return "sine"; }

    @Override public String explanation() {
        return "One input, one output: y = sin(x) with noise. Regression, so the network predicts a number (use loss mse).";
    }

    @Override public Task task() { return Task.REGRESSION; }

    @Override public List<ParamSpec> params() {
        return List.of(Generators.samples(400),
                Generators.noise(0.1, 1.0, "Standard deviation of the noise added to y = sin(x), which spans -1..1."));
    }

    @Override public RawDataset generate(SourceParams params, Random random) {
        int samples = params.intValue("samples");
        double noise = params.doubleValue("noise");
        double[][] features = new double[samples][];
        double[][] targets = new double[samples][];
        for (int row = 0; row < samples; row++) {
            double x = Math.PI * (2 * random.nextDouble() - 1);
            features[row] = new double[] {x};
            targets[row] = new double[] {Math.sin(x) + noise * random.nextGaussian()};
        }
        return RawDataset.regression(features, targets, List.of("x"), List.of("y"));
    }
}
