package io.layerlab.ui.training;

import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecimatorTest {

    private static SeriesData uniform(float[] y) {
        return new SeriesData() {
            @Override
            public int size() {
                return y.length;
            }

            @Override
            public double x(int index) {
                return index + 1;
            }

            @Override
            public double y(int index) {
                return y[index];
            }
        };
    }

    private static float[] noisyDecay(int n, long seed) {
        Random random = new Random(seed);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) (Math.exp(-i / 20_000.0) + 0.1 * random.nextGaussian());
        }
        return y;
    }

    @Test
    void aHundredThousandPointsBecomeAtMostTwoPerPixelColumnWithTheExactEnvelope() {
        float[] y = noisyDecay(100_000, 1);
        y[31_337] = 25f;   // one spike must survive
        y[77_000] = -9f;
        int columns = 800;
        Decimator d = new Decimator();

        int points = d.decimate(uniform(y), 1, 100_000, columns);

        assertThat(points).isLessThanOrEqualTo(2 * columns + 2);
        double scale = columns / (100_000.0 - 1);
        double[] trueMin = new double[columns + 1];
        double[] trueMax = new double[columns + 1];
        java.util.Arrays.fill(trueMin, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(trueMax, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < y.length; i++) {
            int c = (int) Math.floor(i * scale);
            trueMin[c] = Math.min(trueMin[c], y[i]);
            trueMax[c] = Math.max(trueMax[c], y[i]);
        }
        double[] shownMin = new double[columns + 1];
        double[] shownMax = new double[columns + 1];
        java.util.Arrays.fill(shownMin, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(shownMax, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < points; i++) {
            int c = (int) Math.floor((d.x(i) - 1) * scale);
            shownMin[c] = Math.min(shownMin[c], d.y(i));
            shownMax[c] = Math.max(shownMax[c], d.y(i));
            if (i > 0) {
                assertThat(d.x(i)).isGreaterThanOrEqualTo(d.x(i - 1));
            }
        }
        assertThat(shownMin).containsExactly(trueMin);
        assertThat(shownMax).containsExactly(trueMax);
    }

    @Test
    void aZoomedWindowReadsOnlyItsPointsAndOneNeighbourOnEachSide() {
        float[] y = noisyDecay(10_000, 2);
        Decimator d = new Decimator();

        int points = d.decimate(uniform(y), 5_000, 5_100, 1_000);

        assertThat(points).isEqualTo(103);
        assertThat(d.x(0)).isEqualTo(4_999);
        assertThat(d.x(points - 1)).isEqualTo(5_101);
        assertThat(d.y(1)).isEqualTo(y[4_999]);
    }

    @Test
    void nonFiniteValuesAreLeftOut() {
        float[] y = {1, Float.NaN, 0.5f, Float.POSITIVE_INFINITY, 0.25f};
        Decimator d = new Decimator();

        int points = d.decimate(uniform(y), 1, 5, 100);

        assertThat(points).isEqualTo(3);
        assertThat(new double[]{d.y(0), d.y(1), d.y(2)}).containsExactly(1, 0.5, 0.25);
    }

    @Test
    void nothingToDrawGivesNoPoints() {
        assertThat(new Decimator().decimate(uniform(new float[0]), 0, 1, 100)).isZero();
        assertThat(new Decimator().decimate(uniform(new float[]{1, 2}), 5, 9, 100)).isEqualTo(1);
    }
}
