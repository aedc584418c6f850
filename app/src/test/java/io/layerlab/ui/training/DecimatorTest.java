package io.layerlab.ui.training;

import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecimatorTest {

    private static SeriesData uniform(float[] y) {
        return SeriesData.numbered(() -> y.length, i -> y[i]);
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

    /** The first {@code n} values of {@code y}: a curve as it was when {@code n} points had arrived. */
    private static SeriesData prefix(float[] y, int n) {
        return SeriesData.numbered(() -> n, i -> y[i]);
    }

    private static double[][] points(Decimator d) {
        double[][] p = new double[d.size()][];
        for (int i = 0; i < d.size(); i++) {
            p[i] = new double[]{d.x(i), d.y(i)};
        }
        return p;
    }

    @Test
    void aGrowingCurveExtendedBatchByBatchIsDecimatedExactlyAsFromScratch() {
        float[] y = noisyDecay(30_000, 5);
        Random random = new Random(6);
        for (int i = 0; i < 300; i++) {
            y[random.nextInt(y.length)] = random.nextBoolean() ? Float.NaN : 40f * random.nextFloat();
        }
        // A live chart: the x window ends ahead of the data (20,000) while batches of points arrive,
        // first fewer than the columns, then enough to be reduced per column, then past the edge.
        Decimator live = new Decimator();
        int n = 0;
        while (n < y.length) {
            n = Math.min(y.length, n + 1 + random.nextInt(700));
            live.update(prefix(y, n), 1, 20_000, 500);
            Decimator fresh = new Decimator();
            fresh.decimate(prefix(y, n), 1, 20_000, 500);
            assertThat(points(live)).as("after %d points", n).isDeepEqualTo(points(fresh));
        }
    }

    @Test
    void anotherCurveOrAnotherWindowIsDecimatedAgainNotExtended() {
        float[] first = noisyDecay(5_000, 7);
        float[] second = noisyDecay(6_000, 8);
        Decimator d = new Decimator();
        d.update(prefix(first, 5_000), 1, 10_000, 300);

        d.update(prefix(second, 6_000), 1, 10_000, 300);
        Decimator fresh = new Decimator();
        fresh.decimate(prefix(second, 6_000), 1, 10_000, 300);
        assertThat(points(d)).isDeepEqualTo(points(fresh));

        d.update(prefix(second, 6_000), 1, 6_000, 300);
        fresh.decimate(prefix(second, 6_000), 1, 6_000, 300);
        assertThat(points(d)).isDeepEqualTo(points(fresh));
    }
}
