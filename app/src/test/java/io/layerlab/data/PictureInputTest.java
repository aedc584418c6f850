package io.layerlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.layerlab.shape.TensorShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A drawn picture becomes the same example the sources make: a figure of the source itself, drawn
 * as a pad draws it (strokes of the source's pen) or at a higher resolution, comes out as the
 * source's own picture of it.
 */
class PictureInputTest {
    /**
     * The sources measure a pixel's coverage at 4×4 points, in steps of 255/16 grey levels; finer
     * sampling puts an edge pixel up to two and a half such steps away, and nothing else may differ.
     */
    private static final double MAX_LEVELS_APART = 40;
    /** Over a whole picture the edges average out to about a grey level. */
    private static final double MEAN_LEVELS_APART = 3;

    /** The sources draw at a random brightness; a pad draws white. This Random makes the source draw white too. */
    private static Random fullBrightness() {
        return new Random(1) {
            @Override public double nextDouble() { return Math.nextDown(1.0); }

            /** Noise is 0 in these pictures; the polar method would never end with the fixed draws above. */
            @Override public synchronized double nextGaussian() { return 0; }
        };
    }

    /** A glyph's strokes as a person would trace them on the pad: each segment a stroke of the glyph's pen. */
    private static Sketch traced(DigitsSource.Glyph glyph, int size) {
        List<Sketch.Stroke> strokes = new ArrayList<>();
        for (double[] s : glyph.segments()) {
            strokes.add(new Sketch.Stroke(glyph.pen() / size, new double[] {s[0] / size, s[1] / size, s[2] / size, s[3] / size}));
        }
        return new Sketch(strokes);
    }

    private static double[] difference(double[] a, double[] b) {
        double max = 0;
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - b[i]);
            max = Math.max(max, d);
            sum += d;
        }
        return new double[] {max, sum / a.length};
    }

    /** The picture moved one pixel to the right. */
    private static double[] shifted(double[] picture, int size) {
        double[] moved = new double[picture.length];
        for (int r = 0; r < size; r++) for (int c = 1; c < size; c++) moved[r * size + c] = picture[r * size + c - 1];
        return moved;
    }

    @Test
    void everyDigitTracedOnThePadBecomesTheDigitsSourcesOwnPicture() {
        Random placement = new Random(11);
        for (int size : new int[] {16, 28}) {
            TensorShape shape = TensorShape.image(size, size, 1);
            for (int digit = 0; digit < 10; digit++) {
                DigitsSource.Glyph glyph = DigitsSource.Glyph.random(digit, size, placement);
                double[] source = Pictures.render(glyph, size, 0, fullBrightness());

                double[] drawn = PictureInput.rawRow(traced(glyph, size), shape);

                double[] diff = difference(drawn, source);
                assertThat(diff[0]).as("largest difference, digit %d at %d×%d", digit, size, size).isLessThanOrEqualTo(MAX_LEVELS_APART);
                assertThat(diff[1]).as("mean difference, digit %d at %d×%d", digit, size, size).isLessThan(MEAN_LEVELS_APART);
                assertThat(difference(shifted(drawn, size), source)[1]).as("a drawing one pixel off").isGreaterThan(4 * MEAN_LEVELS_APART);
            }
        }
    }

    @Test
    void aShapePictureAtEightTimesTheSizeAveragesDownToTheShapesSourcesOwnPicture() {
        Random placement = new Random(5);
        int size = 16;
        int scale = 8;
        for (int shape = 0; shape < ShapesSource.SHAPES.size(); shape++) {
            ShapesSource.Outline o = ShapesSource.Outline.random(shape, size, placement);
            ShapesSource.Outline large = new ShapesSource.Outline(o.shape(), o.centreX() * scale, o.centreY() * scale,
                    o.radius() * scale, o.angle(), o.filled(), o.pen() * scale);
            double[] big = Pictures.render(large, size * scale, 0, fullBrightness());
            float[] grey = new float[big.length];
            for (int i = 0; i < big.length; i++) grey[i] = (float) (big[i] / RawDataset.MAX_GRAY);
            double[] source = Pictures.render(o, size, 0, fullBrightness());

            double[] drawn = PictureInput.rawRow(GreyPicture.of(size * scale, size * scale, grey), TensorShape.image(size, size, 1));

            double[] diff = difference(drawn, source);
            assertThat(diff[0]).as("largest difference, %s", ShapesSource.SHAPES.get(shape)).isLessThanOrEqualTo(MAX_LEVELS_APART);
            assertThat(diff[1]).as("mean difference, %s", ShapesSource.SHAPES.get(shape)).isLessThan(MEAN_LEVELS_APART);
            assertThat(difference(shifted(drawn, size), source)[1]).as("a picture one pixel off").isGreaterThan(4 * MEAN_LEVELS_APART);
        }
    }

    @Test
    void eachInputPixelIsTheMeanOfTheAreaItCoversRepeatedInEveryChannel() {
        float[] grey = {
            0, 1, 0.5f, 0.5f,
            1, 0, 0.5f, 0.5f,
            0, 0, 1, 1,
            0, 0, 1, 0};
        double[] row = PictureInput.rawRow(GreyPicture.of(4, 4, grey), TensorShape.image(2, 2, 3));

        assertThat(row).containsExactly(
                128, 128, 128, /**/ 128, 128, 128,
                0, 0, 0, /**/ 191, 191, 191);
    }

    @Test
    void averagingAtAnUnevenRatioKeepsTheBrightness() {
        Random random = new Random(3);
        float[] grey = new float[37 * 23];
        double mean = 0;
        for (int i = 0; i < grey.length; i++) {
            grey[i] = random.nextFloat();
            mean += grey[i] / grey.length;
        }
        double[] row = PictureInput.rawRow(GreyPicture.of(37, 23, grey), TensorShape.image(7, 10, 1));

        assertThat(row).hasSize(70);
        assertThat(Arrays.stream(row).average().orElseThrow()).isCloseTo(mean * RawDataset.MAX_GRAY, within(0.6));
    }

    @Test
    void thePenDrawsLinesAsWideAsTheSourcesPens() {
        double at16 = PictureInput.penWidth(TensorShape.image(16, 16, 1)) * 16;
        assertThat(at16).isBetween(DigitsSource.MIN_PEN, DigitsSource.MAX_PEN).isBetween(ShapesSource.MIN_PEN, ShapesSource.MAX_PEN);
        // Small pictures keep the 16×16 pen in pixels; larger ones scale it with the side.
        assertThat(PictureInput.penWidth(TensorShape.image(8, 8, 1)) * 8).isCloseTo(at16, within(1e-9));
        assertThat(PictureInput.penWidth(TensorShape.image(64, 64, 1))).isCloseTo(at16 / 16, within(1e-9));
    }

    @Test
    void aStrokeCoversAsMuchOfThePictureAsItsPenSweeps() {
        Sketch line = Sketch.EMPTY.with(new Sketch.Stroke(0.25, new double[] {0.2, 0.5, 0.8, 0.5}));
        GreyPicture picture = line.render(40, 40);
        double covered = 0;
        for (int r = 0; r < 40; r++) for (int c = 0; c < 40; c++) covered += picture.grey(r, c);

        // A 0.6 × 0.25 band with round caps of radius 0.125 at each end, in a 40×40 picture.
        double expected = (0.6 * 0.25 + Math.PI * 0.125 * 0.125) * 40 * 40;
        assertThat(covered).isCloseTo(expected, within(expected * 0.02));
        assertThat(picture.grey(20, 20)).isEqualTo(1f);
        assertThat(picture.grey(2, 20)).isZero();
        assertThat(Sketch.EMPTY.render(5, 5)).isEqualTo(GreyPicture.black(5, 5));
    }

    @Test
    void badInputIsRefusedWithWhatWouldBeValid() {
        assertThatThrownBy(() -> PictureInput.rawRow(GreyPicture.black(4, 4), TensorShape.features(16)))
                .hasMessageContaining("image network, shape [h, w, c]").hasMessageContaining("features [16]");
        assertThatThrownBy(() -> GreyPicture.of(2, 2, new float[] {0, 0, 1.5f, 0}))
                .hasMessageContaining("pixel 0,1").hasMessageContaining("0 (black) to 1 (white)");
        assertThatThrownBy(() -> GreyPicture.of(2, 2, new float[3])).hasMessageContaining("has 4 grey levels, not 3");
        assertThatThrownBy(() -> new Sketch.Stroke(0, new double[] {0.5, 0.5})).hasMessageContaining("wider than 0");
        assertThatThrownBy(() -> new Sketch.Stroke(0.1, new double[] {0.5})).hasMessageContaining("x, y pairs");
    }
}
