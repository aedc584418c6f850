package io.layerlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.layerlab.shape.TensorShape;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class WavesSourceTest {
    private static RawDataset generate(Map<String, Object> params) {
        return DataSources.generate(new DataSpec("waves", params, 0.2, 11));
    }

    @Test
    void defaultsAre800SequencesOf32StepsOverFourBalancedWaveForms() {
        RawDataset data = generate(Map.of());
        assertThat(data.size()).isEqualTo(800);
        assertThat(data.exampleShape()).isEqualTo(TensorShape.sequence(32, 1));
        assertThat(data.isSequences()).isTrue();
        assertThat(data.isTokens()).isFalse();
        assertThat(data.classNames()).containsExactly("sine", "square", "triangle", "sawtooth");
        assertThat(data.classCounts()).containsExactly(200, 200, 200, 200);
        assertThat(data.featureNames()).hasSize(32).startsWith("t1", "t2").endsWith("t32");
    }

    @Test
    void withoutNoiseASquareWaveTakesOnlyTwoLevels() {
        RawDataset data = generate(Map.of("noise", 0, "classes", 2, "samples", 40, "steps", 20));
        for (int r = 0; r < data.size(); r++) {
            if (data.label(r) != 1) continue;
            double[] row = data.features()[r];
            double high = java.util.Arrays.stream(row).max().orElseThrow();
            double low = java.util.Arrays.stream(row).min().orElseThrow();
            for (double v : row) assertThat(Math.min(Math.abs(v - high), Math.abs(v - low))).isLessThan(1e-12);
            assertThat(high - low).isBetween(2 * WavesSource.MIN_AMPLITUDE, 2.0);
        }
    }

    @Test
    void theWaveFormsSpanMinusOneToOneOverAPeriod() {
        for (int kind = 0; kind < 4; kind++) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int i = 0; i < 1000; i++) {
                double v = WavesSource.wave(kind, i / 1000.0);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertThat(min).as("kind " + kind).isCloseTo(-1, within(0.01));
            assertThat(max).as("kind " + kind).isCloseTo(1, within(0.01));
        }
        assertThat(WavesSource.wave(2, 0.25)).isCloseTo(0, within(1e-12));
        assertThat(WavesSource.wave(3, 0.75)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void sequencesReachTheNetworkAsFeaturesByStepsStandardisedOverAllSteps() {
        LoadedData data = Datasets.load(new DataSpec("waves", Map.of("samples", 100, "steps", 12), 0.2, 3));
        INDArray features = data.train().getFeatures();
        assertThat(features.shape()).containsExactly(80, 1, 12);
        assertThat(features.meanNumber().doubleValue()).isCloseTo(0, within(1e-4));
        assertThat(features.stdNumber().doubleValue()).isCloseTo(1, within(0.01));
        // Step t of a raw row is step t of the network input, after the same standardisation.
        double[] raw = data.rawTrain().features()[5];
        INDArray input = data.toNetworkInput(new double[][] {raw});
        assertThat(input.shape()).containsExactly(1, 1, 12);
        for (int t = 0; t < 12; t++) assertThat(input.getDouble(0, 0, t)).isCloseTo(features.getDouble(5, 0, t), within(1e-5));
    }
}
