package io.layerlab.data;

import java.util.List;

/**
 * The digits 0 to 9 as a pen would write them: each a few polylines ({@code x0, y0, x1, y1, ...})
 * in a unit box, {@code x} from 0 (left) to 1, {@code y} from 0 (top) to 1. Curves are polygons
 * fine enough for pictures up to 64 pixels.
 */
final class StrokeFont {
    private static final int ARC_STEPS = 16;

    private static final List<List<double[]>> DIGITS = List.of(
            List.of(arc(0.5, 0.5, 0.45, 0.5, 0, 360)),
            List.of(new double[] {0.25, 0.22, 0.6, 0, 0.6, 1}),
            List.of(join(arc(0.5, 0.28, 0.42, 0.28, 200, 360), arc(0.5, 0.28, 0.42, 0.28, 0, 40),
                    new double[] {0.05, 1, 0.95, 1})),
            List.of(arc(0.48, 0.26, 0.4, 0.26, 210, 450), arc(0.48, 0.74, 0.45, 0.26, 270, 510)),
            List.of(new double[] {0.7, 1, 0.7, 0, 0.05, 0.7, 0.95, 0.7}),
            List.of(join(new double[] {0.9, 0, 0.18, 0, 0.12, 0.46}, arc(0.5, 0.7, 0.42, 0.3, 235, 500))),
            List.of(join(arc(0.55, 0.55, 0.45, 0.55, 290, 180), arc(0.5, 0.72, 0.4, 0.28, 180, 540))),
            List.of(new double[] {0.05, 0, 0.95, 0, 0.35, 1}),
            List.of(arc(0.5, 0.25, 0.35, 0.25, 0, 360), arc(0.5, 0.73, 0.43, 0.27, 0, 360)),
            List.of(join(arc(0.45, 0.45, 0.45, 0.55, 110, 0), arc(0.5, 0.28, 0.4, 0.28, 0, 360))));

    private StrokeFont() { }

    /** The polylines of {@code digit} (0 to 9). */
    static List<double[]> strokes(int digit) {
        return DIGITS.get(digit);
    }

    /**
     * An elliptical arc around ({@code cx}, {@code cy}) with radii {@code rx}, {@code ry}, from
     * angle {@code from} to {@code to} in degrees, 0 pointing right and angles turning clockwise
     * on screen (y grows downwards). Runs backwards when {@code to < from}.
     */
    static double[] arc(double cx, double cy, double rx, double ry, double from, double to) {
        int steps = (int) Math.max(2, Math.ceil(Math.abs(to - from) / 360 * ARC_STEPS * 2));
        double[] points = new double[2 * (steps + 1)];
        for (int i = 0; i <= steps; i++) {
            double angle = Math.toRadians(from + (to - from) * i / steps);
            points[2 * i] = cx + rx * Math.cos(angle);
            points[2 * i + 1] = cy + ry * Math.sin(angle);
        }
        return points;
    }

    /** One polyline through the points of all the given ones, in order. */
    static double[] join(double[]... parts) {
        int length = 0;
        for (double[] p : parts) length += p.length;
        double[] joined = new double[length];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, joined, at, p.length);
            at += p.length;
        }
        return joined;
    }
}
