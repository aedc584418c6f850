package io.layerlab.ui.training;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The range DashboardBenchmark gives for its median ratio: it must widen with the rounds' spread and hold the median. */
class MedianIntervalTest {
    @Test
    void roundsThatAgreeGiveNoRange() {
        double[] interval = DashboardBenchmark.medianInterval(new double[] {0.93, 0.93, 0.93, 0.93}, 0.90);
        assertThat(interval[0]).isEqualTo(0.93);
        assertThat(interval[1]).isEqualTo(0.93);
    }

    @Test
    void spreadRoundsGiveARangeAroundTheirMedianWithinTheirExtremes() {
        double[] ratios = {0.67, 0.72, 0.79, 0.85, 0.88, 0.92, 0.94, 0.98, 1.07, 1.25};
        double[] interval = DashboardBenchmark.medianInterval(ratios, 0.90);
        assertThat(interval[0]).isLessThan(0.90).isGreaterThanOrEqualTo(0.72);
        assertThat(interval[1]).isGreaterThan(0.90).isLessThanOrEqualTo(1.07);
        // A narrower level gives a narrower range.
        double[] half = DashboardBenchmark.medianInterval(ratios, 0.50);
        assertThat(half[1] - half[0]).isLessThan(interval[1] - interval[0]);
    }

    @Test
    void theSameRoundsGiveTheSameRange() {
        double[] ratios = {0.8, 0.9, 1.0, 1.1, 0.95};
        assertThat(DashboardBenchmark.medianInterval(ratios, 0.90)).containsExactly(DashboardBenchmark.medianInterval(ratios, 0.90));
    }
}
