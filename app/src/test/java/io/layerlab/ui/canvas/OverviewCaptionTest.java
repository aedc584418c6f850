package io.layerlab.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which part of a node's id the overview writes in its box, by the box's size on screen. */
class OverviewCaptionTest {

    @Test
    void aBoxWithRoomShowsTheWholeId() {
        assertThat(OverviewLayer.fitted("conv1", 68, 30)).isEqualTo("conv1");
    }

    @Test
    void aNarrowBoxShowsTheIdCutWithAnEllipsis() {
        String shown = OverviewLayer.fitted("attention_block_3", 60, 30);
        assertThat(shown).startsWith("attent").endsWith("…");
        assertThat(shown.length()).isLessThan("attention_block_3".length());
    }

    @Test
    void aBoxTooSmallForAWordShowsNone() {
        assertThat(OverviewLayer.fitted("conv1", 20, 30)).as("too narrow").isNull();
        assertThat(OverviewLayer.fitted("conv1", 68, 10)).as("too low").isNull();
        assertThat(OverviewLayer.fitted("", 68, 30)).isNull();
        assertThat(OverviewLayer.fitted(null, 68, 30)).isNull();
    }
}
