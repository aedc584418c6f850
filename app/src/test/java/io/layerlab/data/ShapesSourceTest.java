package io.layerlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.layerlab.shape.TensorShape;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shapes source as plain arrays: picture size and gray levels, balance, geometry, determinism, bad input. */
class ShapesSourceTest {
    private static RawDataset generate(Map<String, Object> params, long seed) {
        return DataSources.generate(new DataSpec("shapes", params, 0.2, seed));
    }

    @Test
    void defaultsAre800PicturesOf16By16PixelsOverFourShapes() {
        RawDataset data = generate(Map.of(), 1);

        assertThat(data.size()).isEqualTo(800);
        assertThat(data.exampleShape()).isEqualTo(TensorShape.image(16, 16, 1));
        assertThat(data.isImages()).isTrue();
        assertThat(data.featureCount()).isEqualTo(256);
        assertThat(data.featureNames()).startsWith("r0c0", "r0c1").endsWith("r15c15");
        assertThat(data.classNames()).containsExactly("circle", "square", "triangle", "cross");
        assertThat(data.classCounts()).containsOnly(200);
    }

    @Test
    void parametersSetTheSizeTheShapesAndTheCount() {
        RawDataset data = generate(Map.of("samples", 91, "size", 12, "classes", 3), 2);

        assertThat(data.size()).isEqualTo(91);
        assertThat(data.exampleShape()).isEqualTo(TensorShape.image(12, 12, 1));
        assertThat(Arrays.stream(data.features()).mapToInt(row -> row.length)).containsOnly(144);
        assertThat(data.classNames()).containsExactly("circle", "square", "triangle");
        assertThat(data.classCounts()).containsExactly(31, 30, 30);
    }

    @Test
    void pixelsAreWholeGrayLevelsFromBlackToWhite() {
        RawDataset data = generate(Map.of("samples", 40, "noise", 0.3), 3);
        double[][] pixels = data.features();

        assertThat(Arrays.stream(pixels).flatMapToDouble(Arrays::stream))
                .allSatisfy(v -> assertThat(v).isBetween(0.0, 255.0).isEqualTo(Math.rint(v)))
                .contains(0.0, 255.0);
    }

    @Test
    void withoutNoiseTheBackgroundIsBlackAndEveryPictureShowsItsShape() {
        RawDataset data = generate(Map.of("samples", 40, "noise", 0), 4);
        for (int i = 0; i < data.size(); i++) {
            double[] row = data.features()[i];
            long dark = Arrays.stream(row).filter(v -> v == 0).count();
            double brightest = Arrays.stream(row).max().orElseThrow();
            assertThat(dark).as("black pixels of picture %d", i).isGreaterThan(row.length / 4);
            assertThat(brightest).as("brightest pixel of picture %d", i).isGreaterThanOrEqualTo(Pictures.MIN_BRIGHTNESS * 255 - 1);
        }
    }

    @Test
    void noiseWithTheGivenDeviationLightsUpHalfTheBackground() {
        // The same seed draws the same shapes; only the noise differs.
        double[][] quiet = generate(Map.of("samples", 40, "noise", 0), 5).features();
        double[][] noisy = generate(Map.of("samples", 40, "noise", 0.2), 5).features();
        int background = 0;
        int lit = 0;
        double litSum = 0;
        for (int i = 0; i < quiet.length; i++) {
            for (int p = 0; p < quiet[i].length; p++) {
                if (quiet[i][p] != 0) continue;
                background++;
                if (noisy[i][p] > 0) {
                    lit++;
                    litSum += noisy[i][p];
                }
            }
        }
        assertThat(lit / (double) background).as("share of background pixels the noise lights").isCloseTo(0.5, within(0.05));
        // Positive half of a normal with deviation 0.2 * 255: mean 0.2 * 255 * sqrt(2 / pi) = 40.7.
        assertThat(litSum / lit).as("their mean gray level").isCloseTo(40.7, within(2.0));
    }

    /**
     * Filled at any angle, each shape covers its geometric area (radius 20 in a 64-pixel picture):
     * circle pi r², square 2 r² (corners on the circle), triangle 3√3/4 r², cross two bars of
     * length 2r and width 0.6r overlapping in a square.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"0, 3.14159", "1, 2.0", "2, 1.29904", "3, 2.04"})
    void filledShapesCoverTheirGeometricArea(int shape, double areaOverRadiusSquared) {
        double radius = 20;
        for (double angle : new double[] {0, 0.4, 1.3, 2.9}) {
            ShapesSource.Outline outline = new ShapesSource.Outline(shape, 32, 32, radius, angle, true, 1.5);
            double covered = 0;
            for (int row = 0; row < 64; row++) for (int col = 0; col < 64; col++) covered += outline.coverage(row, col);
            assertThat(covered / (radius * radius)).as("shape %d at angle %.1f", shape, angle).isCloseTo(areaOverRadiusSquared, withinPercentage(2.5));
        }
    }

    @Test
    void anOutlineLeavesTheMiddleDarkAndDrawsAPenWideLine() {
        ShapesSource.Outline ring = new ShapesSource.Outline(0, 32, 32, 20, 0, false, 2);
        double covered = 0;
        for (int row = 0; row < 64; row++) for (int col = 0; col < 64; col++) covered += ring.coverage(row, col);

        assertThat(ring.coverage(31, 31)).isZero();
        assertThat(ring.coverage(31, 52)).as("on the circle, right of the centre").isEqualTo(1.0);
        assertThat(covered).as("the ring's area: circumference times pen").isCloseTo(2 * Math.PI * 20 * 2, within(5.0));
    }

    @Test
    void everyShapeStaysInsideThePicture() {
        Random random = new Random(6);
        for (int i = 0; i < 500; i++) {
            int size = 8 + random.nextInt(57);
            ShapesSource.Outline o = ShapesSource.Outline.random(i % 4, size, random);
            assertThat(o.centreX() - o.radius()).isGreaterThanOrEqualTo(0.5);
            assertThat(o.centreX() + o.radius()).isLessThanOrEqualTo(size - 0.5);
            assertThat(o.centreY() - o.radius()).isGreaterThanOrEqualTo(0.5);
            assertThat(o.centreY() + o.radius()).isLessThanOrEqualTo(size - 0.5);
            assertThat(o.radius()).isBetween(ShapesSource.MIN_RADIUS * size, ShapesSource.MAX_RADIUS * size);
        }
    }

    @Test
    void theSeedAloneDecidesThePictures() {
        Map<String, Object> params = Map.of("samples", 60, "size", 10);
        assertThat(generate(params, 7).features()).isDeepEqualTo(generate(params, 7).features());
        assertThat(generate(params, 7).labels()).containsExactly(generate(params, 7).labels());
        assertThat(generate(params, 7).features()).isNotEqualTo(generate(params, 8).features());
    }

    @Test
    void badParametersAreNamedWithTheirValidRange() {
        assertThatThrownBy(() -> generate(Map.of("size", 7, "classes", 5, "samples", 5001, "noise", 0.6), 1))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("data.params.size: is 7; must be a whole number from 8 to 64")
                .hasMessageContaining("data.params.classes: is 5; must be a whole number from 2 to 4")
                .hasMessageContaining("data.params.samples: is 5001; must be a whole number from 10 to 5000")
                .hasMessageContaining("data.params.noise: is 0.6; must be a number from 0 to 0.5");
        assertThatThrownBy(() -> generate(Map.of("colour", 1), 1)).isInstanceOf(DataException.class)
                .hasMessageContaining("shapes has no parameter \"colour\"; its parameters are samples, size, classes, noise");
    }
}
