package io.layerlab.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;

/**
 * How sweep charts tell runs apart: a colour per learning rate, from blue (lowest) to red
 * (highest), so the order of the rates reads off the colours; a line style per batch size.
 */
final class SweepStyles {
    private static final Color[] RAMP = {
        new Color(0x2166ac), new Color(0x4393c3), new Color(0x1a9850), new Color(0xe08214),
        new Color(0xd6604d), new Color(0xa50026)};
    private static final float[][] DASHES = {null, {8f, 5f}, {2f, 4f}, {10f, 4f, 2f, 4f}, {16f, 6f}, {4f, 3f}};

    private SweepStyles() { }

    /** The colour of the {@code index}-th of {@code count} learning rates in ascending order. */
    static Color rateColor(int index, int count) {
        if (count <= 1) return RAMP[0];
        double position = index * (RAMP.length - 1) / (double) (count - 1);
        int lo = (int) Math.floor(position);
        int hi = Math.min(RAMP.length - 1, lo + 1);
        double t = position - lo;
        Color a = RAMP[lo];
        Color b = RAMP[hi];
        return new Color(mix(a.getRed(), b.getRed(), t), mix(a.getGreen(), b.getGreen(), t), mix(a.getBlue(), b.getBlue(), t));
    }

    /** The line of the {@code index}-th batch size in ascending order: solid, dashed, dotted, dash-dot, ... */
    static Stroke batchStroke(int index) {
        float[] dash = DASHES[Math.floorMod(index, DASHES.length)];
        return dash == null ? new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, dash, 0f);
    }

    /** A marker for the {@code index}-th optimizer/activation variant (from 1; variant 0 has none). */
    static java.awt.Shape variantMarker(int index) {
        double r = 3.5;
        return switch (Math.floorMod(index - 1, 4)) {
            case 0 -> new java.awt.geom.Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
            case 1 -> new java.awt.geom.Rectangle2D.Double(-r, -r, 2 * r, 2 * r);
            case 2 -> new java.awt.Polygon(new int[] {-4, 0, 4}, new int[] {3, -4, 3}, 3);
            default -> new java.awt.Polygon(new int[] {0, 4, 0, -4}, new int[] {-4, 0, 4, 0}, 4);
        };
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }
}
