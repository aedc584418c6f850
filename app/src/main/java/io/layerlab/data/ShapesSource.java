package io.layerlab.data;

import io.layerlab.catalog.ParamSpec;
import io.layerlab.shape.TensorShape;
import java.util.List;
import java.util.Random;

/**
 * Small grayscale pictures of simple shapes, one class per shape: circle, square, triangle and
 * cross (the first {@code classes} of them), drawn by {@link Pictures}: light on black, at a random
 * brightness, with pixel noise. Each picture draws its shape at a random position and size, turned
 * by a random angle, either filled or as an outline (a cross is two bars: thick when filled,
 * pen-thin when outlined).
 *
 * <p>A shape's size is the radius of the circle through its outermost points, so every class
 * spans the same range of sizes and only the outline tells them apart.
 */
final class ShapesSource implements DataSource {
    static final List<String> SHAPES = List.of("circle", "square", "triangle", "cross");
    static final int MIN_SIZE = 8;
    static final int MAX_SIZE = 64;
    /** Keeps the raw pictures of the largest set (64×64 pixels each) near 160 MB. */
    static final int MAX_SAMPLES = 5_000;
    /** The outer radius of a shape, as a fraction of the picture's side. */
    static final double MIN_RADIUS = 0.3;
    static final double MAX_RADIUS = 0.42;
    /** An outline's width in pixels at 16×16, scaled with larger pictures. */
    static final double MIN_PEN = 1.25;
    static final double MAX_PEN = 2;
    /** Half the width of a filled cross's bars, as a fraction of its radius. */
    private static final double CROSS_BAR = 0.3;

    @Override public String name() { return "shapes"; }

    @Override public String explanation() {
        return "Small grayscale pictures of circles, squares, triangles and crosses at any position, size and angle: "
                + "the data for convolutional networks, which find the same local pattern wherever it is.";
    }

    @Override public Task task() { return Task.CLASSIFICATION; }

    @Override public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("samples", 800, Generators.MIN_SAMPLES, MAX_SAMPLES, "How many pictures to generate, split evenly over the classes."),
                ParamSpec.integer("size", 16, MIN_SIZE, MAX_SIZE, "Width and height of each picture in pixels; the Input shape is [size, size, 1]."),
                ParamSpec.integer("classes", SHAPES.size(), 2, SHAPES.size(), "How many shapes to tell apart, in the order circle, square, triangle, cross."),
                Generators.noise(0.1, 0.5, "Standard deviation of the noise added to every pixel, as a fraction of full brightness."));
    }

    @Override public RawDataset generate(SourceParams params, Random random) {
        int size = params.intValue("size");
        int classes = params.intValue("classes");
        double noise = params.doubleValue("noise");
        int[] labels = Generators.labelsByClass(Generators.balancedCounts(params.intValue("samples"), classes));
        double[][] pixels = new double[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            Outline outline = Outline.random(labels[i], size, random);
            pixels[i] = Pictures.render(outline, size, noise, random);
        }
        return RawDataset.imageClassification(pixels, labels, TensorShape.image(size, size, 1), SHAPES.subList(0, classes));
    }

    /**
     * A shape placed in the picture. {@link #distance} is negative inside the shape and grows by
     * one per pixel outside it (exactly for the circle, along the edges' normals for the others).
     */
    record Outline(int shape, double centreX, double centreY, double radius, double angle, boolean filled, double pen)
            implements Pictures.Figure {

        static Outline random(int shape, int size, Random random) {
            double radius = size * (MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * random.nextDouble());
            // A half-pixel margin keeps the shape clear of the picture's edge.
            double margin = radius + 0.5;
            double centreX = margin + (size - 2 * margin) * random.nextDouble();
            double centreY = margin + (size - 2 * margin) * random.nextDouble();
            double angle = 2 * Math.PI * random.nextDouble();
            boolean filled = random.nextBoolean();
            double pen = Math.max(1, size / 16.0) * (MIN_PEN + (MAX_PEN - MIN_PEN) * random.nextDouble());
            return new Outline(shape, centreX, centreY, radius, angle, filled, pen);
        }

        @Override public boolean covers(double x, double y) {
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double dx = x - centreX;
            double dy = y - centreY;
            double u = cos * dx + sin * dy;
            double v = -sin * dx + cos * dy;
            if (shape == 3) return crossDistance(u, v, filled ? CROSS_BAR * radius : pen / 2) <= 0;
            double d = distance(u, v);
            return filled ? d <= 0 : Math.abs(d) <= pen / 2;
        }

        /** For circle, square and triangle, in the shape's own turned coordinates. */
        private double distance(double u, double v) {
            return switch (shape) {
                case 0 -> Math.hypot(u, v) - radius;
                // Corners on the circle of the radius: half the side is radius / sqrt 2.
                case 1 -> Math.max(Math.abs(u), Math.abs(v)) - radius / Math.sqrt(2);
                case 2 -> triangleDistance(u, v);
                default -> throw new IllegalStateException("shape " + shape + " has no outline distance");
            };
        }

        /** Equilateral, corners on the circle of the radius, so its edges lie half the radius from the centre. */
        private double triangleDistance(double u, double v) {
            double farthest = Double.NEGATIVE_INFINITY;
            for (int edge = 0; edge < 3; edge++) {
                double normal = Math.PI / 2 + edge * 2 * Math.PI / 3;
                farthest = Math.max(farthest, u * Math.cos(normal) + v * Math.sin(normal));
            }
            return farthest - radius / 2;
        }

        /** Two bars of half-width {@code halfWidth} crossing at the centre, reaching the radius. */
        private double crossDistance(double u, double v, double halfWidth) {
            double across = Math.max(Math.abs(u) - radius, Math.abs(v) - halfWidth);
            double down = Math.max(Math.abs(v) - radius, Math.abs(u) - halfWidth);
            return Math.min(across, down);
        }
    }
}
