package io.layerlab.ui.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AxisTicksTest {
    @Test
    void linearTicksAreRoundNumbersInsideTheRange() {
        assertThat(AxisTicks.linear(0.03, 0.97, 5)).containsExactly(new double[]{0.2, 0.4, 0.6, 0.8}, within(1e-12));
        assertThat(AxisTicks.linear(1, 3000, 6)).containsExactly(500, 1000, 1500, 2000, 2500, 3000);
    }

    @Test
    void logarithmicTicksArePowersOfTenOrOneTwoFiveInsideADecade() {
        assertThat(AxisTicks.logarithmic(-4, 1, 8)).containsExactly(-4, -3, -2, -1, 0, 1);
        double[] withinDecade = AxisTicks.logarithmic(Math.log10(0.2), Math.log10(0.9), 4);
        assertThat(withinDecade).isNotEmpty();
        for (double t : withinDecade) {
            assertThat(Math.pow(10, t)).isBetween(0.2 - 1e-9, 0.9 + 1e-9);
        }
    }

    @Test
    void numbersAreWrittenAsPeopleWriteThem() {
        assertThat(AxisTicks.format(0)).isEqualTo("0");
        assertThat(AxisTicks.format(0.25)).isEqualTo("0.25");
        assertThat(AxisTicks.format(0.30000000000000004)).isEqualTo("0.3");
        assertThat(AxisTicks.format(2500)).isEqualTo("2,500");
        assertThat(AxisTicks.format(1e-4)).isEqualTo("1e-4");
        assertThat(AxisTicks.format(2.5e-5)).isEqualTo("2.5e-5");
        assertThat(AxisTicks.format(3e6)).isEqualTo("3e6");
    }

    @Test
    void aGrowingAxisEndsOnTheNextOfFewRoundValues() {
        assertThat(AxisTicks.growingEnd(1_000)).isEqualTo(1_000);
        assertThat(AxisTicks.growingEnd(1_001)).isEqualTo(1_500);
        assertThat(AxisTicks.growingEnd(1_667.5)).isEqualTo(2_000);
        assertThat(AxisTicks.growingEnd(8_001)).isEqualTo(10_000);
        assertThat(AxisTicks.growingEnd(0.07)).isEqualTo(0.08, org.assertj.core.data.Offset.offset(1e-12));
    }
}
