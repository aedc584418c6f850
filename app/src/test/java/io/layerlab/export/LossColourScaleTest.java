package io.layerlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LossColourScaleTest {
    private final LossColourScale scale = new LossColourScale(0.001, 0.1);

    @Test
    void lossesSpreadOverTheirLogarithm() {
        assertThat(scale.position(0.001)).isZero();
        assertThat(scale.position(0.01)).as("a tenth of the way in loss, half of it in colour").isCloseTo(0.5, within(1e-9));
        assertThat(scale.position(0.1)).isEqualTo(1);
        assertThat(scale.position(5)).as("clamped").isEqualTo(1);
    }

    @Test
    void lowestIsGreenHighestRedMiddleYellow() {
        assertThat(scale.rgb(0.001)).isEqualTo(0x1a9850);
        assertThat(scale.rgb(0.1)).isEqualTo(0xd73027);
        assertThat(scale.rgb(0.01)).isEqualTo(0xfee08b);
    }

    @Test
    void divergedIsGreyAndANarrowScaleIsGreen() {
        assertThat(scale.rgb(Double.NaN)).isEqualTo(LossColourScale.DIVERGED_RGB);
        assertThat(new LossColourScale(0.3, 0.3).rgb(0.3)).isEqualTo(0x1a9850);
    }
}
