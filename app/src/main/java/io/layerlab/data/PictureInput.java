package io.layerlab.data;

import io.layerlab.shape.TensorShape;

/**
 * Turns a drawn picture into one example for an image network, made the way the {@code digits} and
 * {@code shapes} sources make theirs: the picture, light on black, is averaged down to the input's
 * {@code h × w} pixels (each pixel the mean of the area it covers, as the sources' anti-aliasing
 * measures coverage), scaled to whole grey levels 0..{@value RawDataset#MAX_GRAY}, and repeated in
 * every channel. The result is a row as {@link RawDataset} holds one: channels last, row by row;
 * the network's own normaliser then takes it from there ({@link LoadedData#toNetworkInput}).
 *
 * <p>The sources neither centre nor scale their pictures (a figure lies anywhere, at a random size),
 * so neither does this: the whole picture maps onto the whole input.
 */
public final class PictureInput {
    /** A sketch renders at this many pixels per input pixel before it is averaged down. */
    public static final int SKETCH_SCALE = 4;
    /** The middle of the pens the sources draw with at 16×16, in pixels. */
    static final double TYPICAL_PEN_PIXELS = (DigitsSource.MIN_PEN + DigitsSource.MAX_PEN) / 2;
    /** Below this side the sources keep their pens as at 16×16; above it the pens grow with the picture. */
    private static final double PEN_REFERENCE_SIDE = 16;

    private PictureInput() { }

    /**
     * The pen width that draws lines like the sources' at this input size, as a fraction of the picture's side.
     *
     * @throws IllegalArgumentException when {@code image} is not an image shape
     */
    public static double penWidth(TensorShape image) {
        requireImage(image);
        double side = (image.height() + image.width()) / 2.0;
        return Math.min(1, Math.max(1, side / PEN_REFERENCE_SIDE) * TYPICAL_PEN_PIXELS / side);
    }

    /** {@code sketch} as one example of {@code image}: rendered at {@value #SKETCH_SCALE}× the input's size, then as {@link #rawRow(GreyPicture, TensorShape)}. */
    public static double[] rawRow(Sketch sketch, TensorShape image) {
        requireImage(image);
        return rawRow(sketch.render(image.width() * SKETCH_SCALE, image.height() * SKETCH_SCALE), image);
    }

    /**
     * {@code picture} as one example of {@code image}: {@code h × w × c} grey levels 0..255, channels last.
     *
     * @throws IllegalArgumentException when {@code image} is not an image shape
     */
    public static double[] rawRow(GreyPicture picture, TensorShape image) {
        requireImage(image);
        int h = image.height();
        int w = image.width();
        int channels = image.channels();
        double[][] across = areaWeights(picture.width(), w);
        double[][] down = areaWeights(picture.height(), h);
        // Across first: each source row averaged onto w columns.
        double[] rows = new double[picture.height() * w];
        for (int y = 0; y < picture.height(); y++) {
            for (int col = 0; col < w; col++) {
                double[] weights = across[col];
                int first = (int) weights[0];
                double sum = 0;
                for (int k = 1; k < weights.length; k++) sum += weights[k] * picture.grey(y, first + k - 1);
                rows[y * w + col] = sum;
            }
        }
        double[] row = new double[h * w * channels];
        for (int r = 0; r < h; r++) {
            double[] weights = down[r];
            int first = (int) weights[0];
            for (int col = 0; col < w; col++) {
                double sum = 0;
                for (int k = 1; k < weights.length; k++) sum += weights[k] * rows[(first + k - 1) * w + col];
                double level = Math.rint(RawDataset.MAX_GRAY * Math.min(1, Math.max(0, sum)));
                for (int ch = 0; ch < channels; ch++) row[(r * w + col) * channels + ch] = level;
            }
        }
        return row;
    }

    /**
     * For each of {@code to} target pixels along one axis of {@code from} source pixels: the first
     * source pixel it overlaps, then the weight of each overlapped source pixel (its overlap as a
     * share of the target pixel's extent), so the weights sum to 1.
     */
    private static double[][] areaWeights(int from, int to) {
        double[][] weights = new double[to][];
        double extent = from / (double) to;
        for (int j = 0; j < to; j++) {
            double start = j * extent;
            double end = (j + 1) * extent;
            int first = (int) Math.floor(start);
            int last = Math.min(from - 1, (int) Math.ceil(end) - 1);
            double[] w = new double[last - first + 2];
            w[0] = first;
            for (int i = first; i <= last; i++) {
                w[i - first + 1] = (Math.min(end, i + 1) - Math.max(start, i)) / extent;
            }
            weights[j] = w;
        }
        return weights;
    }

    private static void requireImage(TensorShape shape) {
        if (shape.kind() != TensorShape.Kind.IMAGE) {
            throw new IllegalArgumentException("a picture becomes the input of an image network, shape [h, w, c]; this input is "
                    + shape.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + shape);
        }
    }
}
