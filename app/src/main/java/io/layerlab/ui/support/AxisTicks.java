package io.layerlab.ui.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where to put the labelled ticks of a chart axis, and how to write their numbers. */
public final class AxisTicks {
    private AxisTicks() {
    }

    /** Round values (1, 2 or 5 times a power of ten apart) between {@code min} and {@code max}, at most about {@code wanted}. */
    public static double[] linear(double min, double max, int wanted) {
        if (!(max > min) || wanted < 1) {
            return new double[]{min};
        }
        double step = niceStep((max - min) / wanted);
        double start = Math.ceil(min / step) * step;
        List<Double> ticks = new ArrayList<>();
        for (double t = start; t <= max + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
            if (ticks.size() > 1000) {
                break;
            }
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The distance between the ticks {@link #linear} chooses. */
    public static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    private static final double[] GROWING_ENDS = {1, 1.5, 2, 3, 4, 5, 6, 8, 10};

    /**
     * Where the axis of a growing curve ends: the first of 1, 1.5, 2, 3, 4, 5, 6, 8 times a power of
     * ten at or above {@code value} (positive). Few enough ends that the axis stands still for a while
     * as the curve grows into it, close enough together that the curve always fills most of it.
     */
    public static double growingEnd(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            return value;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double end : GROWING_ENDS) {
            // The tolerance keeps a value that is itself an end (1000) from stepping to the next one.
            if (end * power >= value * (1 - 1e-12)) {
                return end * power;
            }
        }
        return 10 * power;
    }

    /**
     * Ticks for a logarithmic axis, given as exponents ({@code log10} of the values): whole powers of
     * ten, or 1-2-5 steps inside them when the range spans less than a few decades.
     */
    public static double[] logarithmic(double minExponent, double maxExponent, int wanted) {
        if (!(maxExponent > minExponent)) {
            return new double[]{minExponent};
        }
        double decades = maxExponent - minExponent;
        List<Double> ticks = new ArrayList<>();
        if (decades < 1) {
            for (double v : linear(Math.pow(10, minExponent), Math.pow(10, maxExponent), wanted)) {
                if (v > 0) {
                    ticks.add(Math.log10(v));
                }
            }
        } else {
            int every = (int) Math.max(1, Math.ceil(decades / wanted));
            boolean subdivide = decades <= wanted / 3.0;
            for (int e = (int) Math.floor(minExponent); e <= Math.ceil(maxExponent); e++) {
                if (e % every != 0) {
                    continue;
                }
                for (double m : subdivide ? new double[]{1, 2, 5} : new double[]{1}) {
                    double t = e + Math.log10(m);
                    if (t >= minExponent - 1e-9 && t <= maxExponent + 1e-9) {
                        ticks.add(t);
                    }
                }
            }
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A tick's number as a person writes it: "0.25", "1,200", "1e-4". */
    public static String format(double value) {
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e5 || magnitude < 1e-3) {
            String s = String.format(Locale.ROOT, "%.3g", value);
            BigDecimal parsed = new BigDecimal(s);
            int exponent = (int) Math.floor(Math.log10(magnitude));
            BigDecimal mantissa = parsed.movePointLeft(exponent).stripTrailingZeros();
            return mantissa.toPlainString() + "e" + exponent;
        }
        BigDecimal rounded = new BigDecimal(value).round(new java.math.MathContext(4));
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,d", rounded.longValue());
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
