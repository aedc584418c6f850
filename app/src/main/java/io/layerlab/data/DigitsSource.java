package io.layerlab.data;

import io.layerlab.catalog.ParamSpec;
import io.layerlab.shape.TensorShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Handwriting-like digits 0 to 9 as small grayscale pictures, drawn by {@link Pictures} from a
 * built-in stroke font: each digit is a few polylines in a unit box, which every picture stretches,
 * slants, turns a little, places at random and traces with a pen of random width.
 */
final class DigitsSource implements DataSource {
    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    static final int MIN_SIZE = 8;
    static final int MAX_SIZE = 64;
    static final int MAX_SAMPLES = 5_000;
    /** A digit's height, as a fraction of the picture's side. */
    static final double MIN_HEIGHT = 0.55;
    static final double MAX_HEIGHT = 0.75;
    /** A digit's width, as a fraction of its height. */
    static final double MIN_ASPECT = 0.5;
    static final double MAX_ASPECT = 0.7;
    /** Horizontal lean of the top against the bottom, as a fraction of the height. */
    static final double MAX_SLANT = 0.2;
    /** Largest turn either way, in radians (about 9 degrees). */
    static final double MAX_TURN = 0.15;
    /** The pen's width in pixels at 16×16, scaled with larger pictures. */
    static final double MIN_PEN = 1.2;
    static final double MAX_PEN = 2.2;

    @Override public String name() { return "digits"; }

    @Override public String explanation() {
        return "Digits 0 to 9 traced with a pen of varying width, stretched, slanted and placed at random: "
                + "a small cousin of MNIST for convolutional networks, generated without any download.";
    }

    @Override public Task task() { return Task.CLASSIFICATION; }

    @Override public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("samples", 1000, Generators.MIN_SAMPLES, MAX_SAMPLES, "How many pictures to generate, split evenly over the ten digits."),
                ParamSpec.integer("size", 16, MIN_SIZE, MAX_SIZE, "Width and height of each picture in pixels; the Input shape is [size, size, 1]."),
                Generators.noise(0.1, 0.5, "Standard deviation of the noise added to every pixel, as a fraction of full brightness."));
    }

    @Override public RawDataset generate(SourceParams params, Random random) {
        int size = params.intValue("size");
        double noise = params.doubleValue("noise");
        int[] labels = Generators.labelsByClass(Generators.balancedCounts(params.intValue("samples"), DIGITS.size()));
        double[][] pixels = new double[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            pixels[i] = Pictures.render(Glyph.random(labels[i], size, random), size, noise, random);
        }
        return RawDataset.imageClassification(pixels, labels, TensorShape.image(size, size, 1), DIGITS);
    }

    /**
     * A digit placed in the picture: its strokes as line segments in pixel coordinates
     * ({@code x0, y0, x1, y1} each), traced with a pen {@code pen} pixels wide.
     */
    record Glyph(List<double[]> segments, double pen) implements Pictures.Figure {
        /** Half a pixel's diagonal: a pixel lies wholly inside or outside when its centre is this far from the pen's edge. */
        private static final double HALF_DIAGONAL = Math.sqrt(0.5);

        static Glyph random(int digit, int size, Random random) {
            double height = size * (MIN_HEIGHT + (MAX_HEIGHT - MIN_HEIGHT) * random.nextDouble());
            double width = height * (MIN_ASPECT + (MAX_ASPECT - MIN_ASPECT) * random.nextDouble());
            double slant = MAX_SLANT * (2 * random.nextDouble() - 1);
            double turn = MAX_TURN * (2 * random.nextDouble() - 1);
            double pen = Math.max(1, size / 16.0) * (MIN_PEN + (MAX_PEN - MIN_PEN) * random.nextDouble());
            double placeX = random.nextDouble();
            double placeY = random.nextDouble();
            return place(digit, size, height, width, slant, turn, pen, placeX, placeY);
        }

        /**
         * The digit stretched to {@code width} × {@code height} pixels, its top shifted right by
         * {@code slant} × height against its bottom, turned by {@code turn}, then moved so that the
         * strokes stay half a pixel inside the picture: {@code placeX} and {@code placeY} (0 to 1)
         * pick where in the room left over. A digit too large for the picture is centred.
         */
        static Glyph place(int digit, int size, double height, double width, double slant, double turn, double pen,
                           double placeX, double placeY) {
            double cos = Math.cos(turn);
            double sin = Math.sin(turn);
            List<double[]> points = new ArrayList<>();
            for (double[] line : StrokeFont.strokes(digit)) {
                double[] mapped = new double[line.length];
                for (int i = 0; i < line.length; i += 2) {
                    double x = (line[i] - 0.5) * width + slant * (0.5 - line[i + 1]) * height;
                    double y = (line[i + 1] - 0.5) * height;
                    mapped[i] = cos * x - sin * y;
                    mapped[i + 1] = sin * x + cos * y;
                }
                points.add(mapped);
            }
            double[] box = bounds(points);
            double room = pen / 2 + 0.5;
            double dx = offset(box[0], box[2], size, room, placeX);
            double dy = offset(box[1], box[3], size, room, placeY);
            List<double[]> segments = new ArrayList<>();
            for (double[] line : points) {
                for (int i = 0; i + 3 < line.length; i += 2) {
                    segments.add(new double[] {line[i] + dx, line[i + 1] + dy, line[i + 2] + dx, line[i + 3] + dy});
                }
            }
            return new Glyph(List.copyOf(segments), pen);
        }

        /** {minX, minY, maxX, maxY} over every point. */
        private static double[] bounds(List<double[]> lines) {
            double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (double[] line : lines) {
                for (int i = 0; i < line.length; i += 2) {
                    box[0] = Math.min(box[0], line[i]);
                    box[1] = Math.min(box[1], line[i + 1]);
                    box[2] = Math.max(box[2], line[i]);
                    box[3] = Math.max(box[3], line[i + 1]);
                }
            }
            return box;
        }

        private static double offset(double min, double max, int size, double room, double place) {
            double lowest = room - min;
            double highest = size - room - max;
            return lowest <= highest ? lowest + (highest - lowest) * place : (lowest + highest) / 2;
        }

        @Override public boolean covers(double x, double y) { return distance(x, y) <= pen / 2; }

        /** Decides most pixels from their centre alone; only pixels the pen's edge crosses are sampled. */
        @Override public double coverage(int row, int col) {
            double centre = distance(col + 0.5, row + 0.5);
            if (centre >= pen / 2 + HALF_DIAGONAL) return 0;
            if (centre <= pen / 2 - HALF_DIAGONAL) return 1;
            return Pictures.Figure.super.coverage(row, col);
        }

        /** Distance in pixels from the point to the nearest stroke. */
        double distance(double x, double y) {
            double nearest = Double.MAX_VALUE;
            for (double[] s : segments) nearest = Math.min(nearest, segmentDistance(x, y, s));
            return nearest;
        }

        private static double segmentDistance(double x, double y, double[] s) {
            double dx = s[2] - s[0];
            double dy = s[3] - s[1];
            double lengthSquared = dx * dx + dy * dy;
            double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, ((x - s[0]) * dx + (y - s[1]) * dy) / lengthSquared));
            return Math.hypot(x - (s[0] + t * dx), y - (s[1] + t * dy));
        }
    }
}
