package io.layerlab.export;

/**
 * The colours a sweep's final losses are shown in, the command line's heatmap.png and the
 * Experiments window's alike: green (lowest) through yellow to red (highest) over the logarithm of
 * the loss, since a sweep's losses span orders of magnitude (on a linear scale 0.0025 and 0.01 were
 * the same green beside 0.67). ColorBrewer's RdYlGn ramp, reversed.
 */
public final class LossColourScale {
    /** Diverged: a dark grey no loss is shown in. */
    public static final int DIVERGED_RGB = 0x444444;
    private static final int[] RAMP = {0x1a9850, 0xa6d96a, 0xfee08b, 0xfc8d59, 0xd73027};

    private final double lower;
    private final double upper;

    /** A scale from {@code lower} (green) to {@code upper} (red), both positive; a scale with nothing to span is all green. */
    public LossColourScale(double lower, double upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /** Where {@code loss} falls, 0 (lowest) to 1 (highest), on the logarithm; clamped to the scale. */
    public double position(double loss) {
        if (!(upper > lower) || !(lower > 0)) return 0;
        double t = (Math.log(Math.max(loss, lower)) - Math.log(lower)) / (Math.log(upper) - Math.log(lower));
        return Math.max(0, Math.min(1, t));
    }

    /** The colour of {@code loss} as 0xRRGGBB; NaN (diverged) is {@link #DIVERGED_RGB}. */
    public int rgb(double loss) {
        if (Double.isNaN(loss)) return DIVERGED_RGB;
        double at = position(loss) * (RAMP.length - 1);
        int a = (int) Math.floor(at);
        int b = Math.min(RAMP.length - 1, a + 1);
        double f = at - a;
        return mix(RAMP[a] >> 16, RAMP[b] >> 16, f) << 16 | mix(RAMP[a] >> 8 & 0xff, RAMP[b] >> 8 & 0xff, f) << 8
                | mix(RAMP[a] & 0xff, RAMP[b] & 0xff, f);
    }

    private static int mix(int x, int y, double f) {
        return (int) Math.round(x + (y - x) * f);
    }
}
