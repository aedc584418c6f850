package io.layerlab.train.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** Learning rates to try: evenly spaced on a log scale, and how to write one for people. */
public final class LearningRates {
    private LearningRates() { }

    /**
     * {@code count} rates from {@code from} to {@code to}, both included, evenly spaced on a log
     * scale: {@code logRange(1e-4, 1, 5)} gives 0.0001, 0.001, 0.01, 0.1, 1. Rounded to 6
     * significant digits, so a decade step gives exactly 0.001, not 0.0010000000000000002.
     */
    public static List<Double> logRange(double from, double to, int count) {
        if (!(from > 0) || !Double.isFinite(from)) {
            throw new IllegalArgumentException("a learning-rate range must start above 0, was " + from);
        }
        if (!(to > 0) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("a learning-rate range must end above 0, was " + to);
        }
        if (count < 1) {
            throw new IllegalArgumentException("a learning-rate range needs a count of at least 1, was " + count);
        }
        if (count > 1 && from == to) {
            throw new IllegalArgumentException("a learning-rate range from " + format(from) + " to itself holds one rate, not " + count);
        }
        List<Double> rates = new ArrayList<>(count);
        if (count == 1) {
            rates.add(from);
            return List.copyOf(rates);
        }
        double logFrom = Math.log10(from);
        double step = (Math.log10(to) - logFrom) / (count - 1);
        for (int i = 0; i < count; i++) {
            double rate = i == count - 1 ? to : Math.pow(10, logFrom + i * step);
            rates.add(round(rate, 6));
        }
        return List.copyOf(rates);
    }

    /**
     * Short and exact enough to tell rates apart: 4 significant digits, plain decimals from 0.0001
     * up (0.03, 1, 10), powers of ten below (1e-5, 3e-6).
     */
    public static String format(double rate) {
        return format(rate, 4);
    }

    /** Like {@link #format(double)} with {@code significantDigits} significant digits. */
    public static String format(double rate, int significantDigits) {
        if (!Double.isFinite(rate)) {
            return Double.toString(rate);
        }
        double rounded = round(rate, significantDigits);
        if (rounded != 0 && Math.abs(rounded) < 1e-4) {
            BigDecimal exact = new BigDecimal(rounded).round(new MathContext(significantDigits)).stripTrailingZeros();
            String mantissa = exact.unscaledValue().toString();
            int exponent = -exact.scale() + mantissa.length() - 1;
            String digits = mantissa.length() == 1 ? mantissa : mantissa.charAt(0) + "." + mantissa.substring(1);
            return digits + "e" + exponent;
        }
        return BigDecimal.valueOf(rounded).stripTrailingZeros().toPlainString();
    }

    static double round(double value, int significantDigits) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(new MathContext(significantDigits)).doubleValue();
    }
}
