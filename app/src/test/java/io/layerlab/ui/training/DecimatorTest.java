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

    /**
     * Long curves are read through their block extremes: the points must be exactly those a scan of
     * every point finds, ties and gaps included, for any window and column count.
     */
    @Test
    void columnsReadFromBlocksAreExactlyThoseAScanOfEveryPointFinds() {
        Random random = new Random(12);
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(round < 150 ? 5_000 : 60_000);
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                // Few distinct values, so ties are common; runs of gaps.
                y[i] = random.nextInt(20) == 0 ? Float.NaN : random.nextInt(random.nextBoolean() ? 4 : 1000);
            }
            if (random.nextInt(10) == 0) java.util.Arrays.fill(y, 0, random.nextInt(n) + 1, Float.NaN);
            // x steps of 0 to 3 (repeats included), from a random start.
            double[] x = new double[n];
            x[0] = random.nextInt(100) - 50;
            for (int i = 1; i < n; i++) x[i] = x[i - 1] + random.nextInt(4) * (random.nextBoolean() ? 1 : 0.25);
            SeriesData data = new SeriesData() {
                @Override public int size() { return n; }
                @Override public double x(int index) { return x[index]; }
                @Override public double y(int index) { return y[index]; }
            };
            double span = x[n - 1] - x[0] + 1;
            double from = x[0] - 5 + random.nextDouble() * span;
            double to = random.nextBoolean() ? x[n - 1] + 10 : from + 1 + random.nextDouble() * (x[n - 1] + 10 - from);
            if (random.nextInt(4) == 0) from = x[0] - 20;
            int columns = 1 + random.nextInt(random.nextBoolean() ? 50 : 2_000);

            Decimator d = new Decimator();
            d.decimate(data, from, to, columns);
            assertThat(points(d)).as("round %d: %d points, x %s to %s, %d columns", round, n, from, to, columns)
                    .isDeepEqualTo(scanned(data, from, to, columns));
        }
    }

    /** Every point of the window and one beyond each side, read one by one: each column's first lowest and first highest finite value. */
    private static double[][] scanned(SeriesData data, double xMin, double xMax, int columns) {
        int n = data.size();
        int first = Math.max(0, Decimator.firstAtOrAfter(data, xMin) - 1);
        int last = Math.min(n - 1, Decimator.firstAtOrAfter(data, Math.nextUp(xMax)));
        double scale = columns / (xMax - xMin);
        java.util.List<double[]> out = new java.util.ArrayList<>();
        long column = Long.MIN_VALUE;
        int low = -1;
        int high = -1;
        for (int i = first; i <= last + 1; i++) {
            boolean end = i > last;
            if (!end && !Double.isFinite(data.y(i))) continue;
            long c = end ? Long.MAX_VALUE : (long) Math.floor((data.x(i) - xMin) * scale);
            if (c != column) {
                if (low >= 0) {
                    out.add(new double[]{data.x(Math.min(low, high)), data.y(Math.min(low, high))});
                    if (low != high) out.add(new double[]{data.x(Math.max(low, high)), data.y(Math.max(low, high))});
                }
                column = c;
                low = i;
                high = i;
            } else {
                if (data.y(i) < data.y(low)) low = i;
                if (data.y(i) > data.y(high)) high = i;
            }
        }
        return out.toArray(new double[0][]);
    }
}
