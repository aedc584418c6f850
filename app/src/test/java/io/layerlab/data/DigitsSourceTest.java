package io.layerlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerlab.shape.TensorShape;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The digits source as plain arrays: sizes, balance, a font whose digits differ, placement, determinism, bad input. */
class DigitsSourceTest {
    private static RawDataset generate(Map<String, Object> params, long seed) {
        return DataSources.generate(new DataSpec("digits", params, 0.2, seed));
    }

    @Test
    void defaultsAreAThousand16By16PicturesOfTheTenDigits() {
        RawDataset data = generate(Map.of(), 1);

        assertThat(data.size()).isEqualTo(1000);
        assertThat(data.exampleShape()).isEqualTo(TensorShape.image(16, 16, 1));
        assertThat(data.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(data.classCounts()).containsOnly(100);
        assertThat(Arrays.stream(data.features()).flatMapToDouble(Arrays::stream))
                .allSatisfy(v -> assertThat(v).isBetween(0.0, 255.0).isEqualTo(Math.rint(v)));
    }

    @Test
    void sizeAndCountFollowTheParameters() {
        RawDataset data = generate(Map.of("samples", 30, "size", 8, "noise", 0), 2);
        assertThat(data.size()).isEqualTo(30);
        assertThat(data.exampleShape()).isEqualTo(TensorShape.image(8, 8, 1));
        assertThat(data.classCounts()).containsOnly(3);
    }

    /** Drawn the same way at 32×32, any two digits differ in at least a sixth of the pixels the pair covers. */
    @Test
    void everyDigitLooksDifferentFromEveryOther() {
        double[][] drawn = new double[10][];
        for (int d = 0; d < 10; d++) {
            DigitsSource.Glyph glyph = DigitsSource.Glyph.place(d, 32, 24, 15, 0, 0, 2.5, 0.5, 0.5);
            drawn[d] = new double[32 * 32];
            for (int row = 0; row < 32; row++) for (int col = 0; col < 32; col++) drawn[d][row * 32 + col] = glyph.coverage(row, col);
        }
        for (int a = 0; a < 10; a++) {
            for (int b = a + 1; b < 10; b++) {
                int differing = 0;
                int covered = 0;
                for (int p = 0; p < 32 * 32; p++) {
                    if (drawn[a][p] > 0.5 || drawn[b][p] > 0.5) covered++;
                    if (Math.abs(drawn[a][p] - drawn[b][p]) > 0.5) differing++;
                }
                assertThat(differing).as("pixels telling %d from %d, of %d covered", a, b, covered).isGreaterThan(covered / 6);
            }
        }
    }

    @Test
    void pixelsWhollyOnOrOffThePenAreDecidedAsSamplingWouldDecideThem() {
        Random random = new Random(3);
        for (int i = 0; i < 20; i++) {
            DigitsSource.Glyph glyph = DigitsSource.Glyph.random(i % 10, 16, random);
            Pictures.Figure sampled = glyph::covers;
            for (int row = 0; row < 16; row++) {
                for (int col = 0; col < 16; col++) {
                    assertThat(glyph.coverage(row, col)).as("digit %d at (%d, %d)", i % 10, row, col).isEqualTo(sampled.coverage(row, col));
                }
            }
        }
    }

    @Test
    void aDigitThatFitsStaysHalfAPixelInsideThePicture() {
        Random random = new Random(4);
        int fitted = 0;
        for (int i = 0; i < 400; i++) {
            int size = 8 + random.nextInt(57);
            DigitsSource.Glyph glyph = DigitsSource.Glyph.random(i % 10, size, random);
            double room = glyph.pen() / 2 + 0.5;
            double[] box = bounds(glyph);
            if (box[2] - box[0] > size - 2 * room || box[3] - box[1] > size - 2 * room) continue;
            fitted++;
            assertThat(box[0]).isGreaterThanOrEqualTo(room - 1e-9);
            assertThat(box[1]).isGreaterThanOrEqualTo(room - 1e-9);
            assertThat(box[2]).isLessThanOrEqualTo(size - room + 1e-9);
            assertThat(box[3]).isLessThanOrEqualTo(size - room + 1e-9);
        }
        assertThat(fitted).as("digits that fit").isGreaterThan(360);
    }

    private static double[] bounds(DigitsSource.Glyph glyph) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] s : glyph.segments()) {
            box[0] = Math.min(box[0], Math.min(s[0], s[2]));
            box[1] = Math.min(box[1], Math.min(s[1], s[3]));
            box[2] = Math.max(box[2], Math.max(s[0], s[2]));
            box[3] = Math.max(box[3], Math.max(s[1], s[3]));
        }
        return box;
    }

    @Test
    void theSeedAloneDecidesThePictures() {
        Map<String, Object> params = Map.of("samples", 40, "size", 10);
        assertThat(generate(params, 7).features()).isDeepEqualTo(generate(params, 7).features());
        assertThat(generate(params, 7).features()).isNotEqualTo(generate(params, 8).features());
    }

    @Test
    void badParametersAreNamedWithTheirValidRange() {
        assertThatThrownBy(() -> generate(Map.of("size", 65, "samples", 9, "classes", 3), 1))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("data.params.size: is 65; must be a whole number from 8 to 64")
                .hasMessageContaining("data.params.samples: is 9; must be a whole number from 10 to 5000")
                .hasMessageContaining("digits has no parameter \"classes\"; its parameters are samples, size, noise");
    }
}
