package io.layerlab.ui.training;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeatScalerTest {
    private static final int BLACK = 0xff000000;
    private static final int WHITE = 0xffffffff;

    private static int grey(int pixel) {
        return pixel & 0xff;
    }

    @Test
    void aGridScaledToItsOwnSizeIsUnchanged() {
        int[] cells = {0xff102030, 0xff405060, 0xff708090, 0xffa0b0c0, 0xffd0e0f0, 0xff010203, 0xff040506, 0xff070809, 0xff0a0b0c};
        int[] out = new int[9];

        HeatScaler.scale(cells, 3, out, 3);

        assertThat(out).containsExactly(cells);
    }

    @Test
    void betweenCellCentresColoursBlendLinearlyAndBeyondTheOuterCentresTheyHold() {
        // Left column black, right column white; four pixels per row: centres at 0.5, 1.5, 2.5, 3.5 of 4
        // are -0.25, 0.25, 0.75, 1.25 cells from the first cell's centre.
        int[] cells = {BLACK, WHITE, BLACK, WHITE};
        int[] out = new int[16];

        HeatScaler.scale(cells, 2, out, 4);

        for (int row = 0; row < 4; row++) {
            assertThat(new int[]{grey(out[4 * row]), grey(out[4 * row + 1]), grey(out[4 * row + 2]), grey(out[4 * row + 3])})
                    .as("row %d", row).containsExactly(0, 64, 191, 255);
        }
        assertThat(java.util.Arrays.stream(out)).as("opaque").allMatch(pixel -> pixel >>> 24 == 0xff);
    }

    @Test
    void eachChannelBlendsOnItsOwn() {
        int red = 0xffff0000;
        int blue = 0xff0000ff;
        int[] cells = {red, red, blue, blue};
        int[] out = new int[9];

        HeatScaler.scale(cells, 2, out, 3);

        // The middle row lies halfway between the rows of cells.
        assertThat(out[3]).isEqualTo(0xff800080);
        assertThat(out[0]).isEqualTo(red);
        assertThat(out[8]).isEqualTo(blue);
    }

    @Test
    void aSingleCellFillsEveryPixel() {
        int[] out = new int[25];

        HeatScaler.scale(new int[]{0xff336699}, 1, out, 5);

        assertThat(out).containsOnly(0xff336699);
    }

    @Test
    void arraysTooSmallForTheSizesAreRefusedWithTheSizesNamed() {
        assertThatThrownBy(() -> HeatScaler.scale(new int[3], 2, new int[16], 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x2 grid to 4x4 pixels");
        assertThatThrownBy(() -> HeatScaler.scale(new int[4], 2, new int[15], 4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
