package io.layerlab.data;

import java.util.Arrays;
import java.util.List;

/**
 * Lines drawn with a round pen, white on black, as on a drawing pad: each stroke is a polyline
 * through points given as fractions of the picture's width ({@code x}, to the right) and height
 * ({@code y}, down), so the same sketch renders at any resolution. Immutable.
 */
public final class Sketch {
    public static final Sketch EMPTY = new Sketch(List.of());

    private final List<Stroke> strokes;

    public Sketch(List<Stroke> strokes) {
        this.strokes = List.copyOf(strokes);
    }

    /**
     * One stroke: the pen's width as a fraction of the picture's side, and the points it passed
     * through as {@code x0, y0, x1, y1, ...} (one point is a dot). Points may lie outside 0..1; what
     * lies outside the picture is not drawn.
     */
    public record Stroke(double pen, double[] points) {
        public Stroke {
            if (!(pen > 0 && pen <= 1)) {
                throw new IllegalArgumentException("a pen is wider than 0 and at most the whole picture (1), was " + pen);
            }
            if (points.length < 2 || points.length % 2 != 0) {
                throw new IllegalArgumentException("a stroke needs x, y pairs for at least one point, had " + points.length + " values");
            }
            for (double v : points) {
                if (!Double.isFinite(v)) throw new IllegalArgumentException("a stroke's points must be finite numbers, one was " + v);
            }
            points = points.clone();
        }

        /** A copy of the points, {@code x0, y0, x1, y1, ...}. */
        @Override public double[] points() { return points.clone(); }

        public int pointCount() { return points.length / 2; }

        @Override public boolean equals(Object o) {
            return o instanceof Stroke s && s.pen == pen && Arrays.equals(s.points, points);
        }

        @Override public int hashCode() { return Double.hashCode(pen) * 31 + Arrays.hashCode(points); }

        @Override public String toString() { return "Stroke[pen " + pen + ", " + pointCount() + " points]"; }
    }

    public List<Stroke> strokes() { return strokes; }

    public boolean isEmpty() { return strokes.isEmpty(); }

    /** This sketch with {@code stroke} drawn last. */
    public Sketch with(Stroke stroke) {
        Stroke[] all = strokes.toArray(new Stroke[strokes.size() + 1]);
        all[strokes.size()] = stroke;
        return new Sketch(List.of(all));
    }

    /**
     * The sketch as a {@code width × height} picture, anti-aliased as the data sources draw theirs:
     * a pixel's grey level is the part of it the strokes cover, measured at
     * {@value Pictures#SUBSAMPLES}×{@value Pictures#SUBSAMPLES} points. The pen's width is a fraction
     * of the mean of width and height.
     */
    public GreyPicture render(int width, int height) {
        if (width < 1 || height < 1) throw new IllegalArgumentException("a picture needs at least 1×1 pixels, was " + width + "×" + height);
        int s = Pictures.SUBSAMPLES;
        int gridWidth = width * s;
        int gridHeight = height * s;
        boolean[] covered = new boolean[gridWidth * gridHeight];
        double side = (width + height) / 2.0;
        for (Stroke stroke : strokes) {
            double radius = stroke.pen * side / 2;
            double[] p = stroke.points;
            if (p.length == 2) {
                stamp(covered, gridWidth, gridHeight, p[0] * width, p[1] * height, p[0] * width, p[1] * height, radius);
            }
            for (int i = 0; i + 3 < p.length; i += 2) {
                stamp(covered, gridWidth, gridHeight, p[i] * width, p[i + 1] * height, p[i + 2] * width, p[i + 3] * height, radius);
            }
        }
        float[] grey = new float[width * height];
        float perSample = 1f / (s * s);
        for (int gy = 0; gy < gridHeight; gy++) {
            int rowStart = (gy / s) * width;
            for (int gx = 0; gx < gridWidth; gx++) {
                if (covered[gy * gridWidth + gx]) grey[rowStart + gx / s] += perSample;
            }
        }
        for (int i = 0; i < grey.length; i++) grey[i] = Math.min(1f, grey[i]);
        return GreyPicture.wrap(width, height, grey);
    }

    /** Marks the sample points within {@code radius} pixels of the segment; only its bounding box is visited. */
    private static void stamp(boolean[] covered, int gridWidth, int gridHeight, double x0, double y0, double x1, double y1, double radius) {
        int s = Pictures.SUBSAMPLES;
        // Sample (gx, gy) sits at pixel coordinates ((gx + 0.5) / s, (gy + 0.5) / s).
        int fromX = Math.max(0, (int) Math.floor((Math.min(x0, x1) - radius) * s - 0.5));
        int toX = Math.min(gridWidth - 1, (int) Math.ceil((Math.max(x0, x1) + radius) * s - 0.5));
        int fromY = Math.max(0, (int) Math.floor((Math.min(y0, y1) - radius) * s - 0.5));
        int toY = Math.min(gridHeight - 1, (int) Math.ceil((Math.max(y0, y1) + radius) * s - 0.5));
        double dx = x1 - x0;
        double dy = y1 - y0;
        double lengthSquared = dx * dx + dy * dy;
        double radiusSquared = radius * radius;
        for (int gy = fromY; gy <= toY; gy++) {
            double y = (gy + 0.5) / s;
            for (int gx = fromX; gx <= toX; gx++) {
                int index = gy * gridWidth + gx;
                if (covered[index]) continue;
                double x = (gx + 0.5) / s;
                double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / lengthSquared));
                double ex = x - (x0 + t * dx);
                double ey = y - (y0 + t * dy);
                if (ex * ex + ey * ey <= radiusSquared) covered[index] = true;
            }
        }
    }
}
