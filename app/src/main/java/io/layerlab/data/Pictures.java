package io.layerlab.data;

import java.util.Random;

/**
 * Draws generated pictures: a light figure on a black background at a random brightness, with
 * Gaussian noise on every pixel, as whole gray levels from 0 to {@link RawDataset#MAX_GRAY}.
 * Edges are anti-aliased: a pixel's brightness is the part of it the figure covers.
 */
final class Pictures {
    /** The dimmest figure, as a fraction of full brightness. */
    static final double MIN_BRIGHTNESS = 0.6;
    /** Coverage is sampled at this many points across and down each pixel. */
    static final int SUBSAMPLES = 4;

    private Pictures() { }

    /** Something drawn in a picture, in pixel coordinates: {@code x} to the right, {@code y} down. */
    interface Figure {
        /** Whether the point is painted. */
        boolean covers(double x, double y);

        /** The part of pixel ({@code row}, {@code col}) the figure covers, from 0 to 1. */
        default double coverage(int row, int col) {
            int inside = 0;
            for (int sy = 0; sy < SUBSAMPLES; sy++) {
                for (int sx = 0; sx < SUBSAMPLES; sx++) {
                    if (covers(col + (sx + 0.5) / SUBSAMPLES, row + (sy + 0.5) / SUBSAMPLES)) inside++;
                }
            }
            return inside / (double) (SUBSAMPLES * SUBSAMPLES);
        }
    }

    /** One {@code size}×{@code size} picture, row by row: coverage times brightness, plus noise, rounded and clipped. */
    static double[] render(Figure figure, int size, double noise, Random random) {
        double[] pixels = new double[size * size];
        double brightness = MIN_BRIGHTNESS + (1 - MIN_BRIGHTNESS) * random.nextDouble();
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                double level = brightness * figure.coverage(row, col) + noise * random.nextGaussian();
                pixels[row * size + col] = Math.rint(RawDataset.MAX_GRAY * Math.min(1, Math.max(0, level)));
            }
        }
        return pixels;
    }
}
