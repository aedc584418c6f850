package io.layerlab.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** What to tell a person whose run diverged: a smaller learning rate that suits their optimizer. */
final class LearningRateAdvice {
    private LearningRateAdvice() {
    }

    /**
     * A hundredth of the rate that failed, but no more than the top of the range where the
     * optimizer usually works, rounded to one significant digit.
     */
    static double suggestedRate(String optimizer, double failedRate) {
        double suggestion = Math.min(failedRate / 100.0, usualCeiling(optimizer));
        if (!(suggestion > 0) || !Double.isFinite(suggestion)) {
            return usualCeiling(optimizer);
        }
        return new BigDecimal(suggestion).round(new MathContext(1)).doubleValue();
    }

    /** "learning rate 50 is probably too high for Adam; try 0.01." */
    static String advice(String optimizer, double failedRate) {
        return "learning rate " + format(failedRate) + " is probably too high for " + label(optimizer)
                + "; try " + format(suggestedRate(optimizer, failedRate)) + ".";
    }

    static String label(String optimizer) {
        String name = optimizer == null ? "" : optimizer.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "sgd" -> "SGD";
            case "momentum" -> "SGD with momentum";
            case "nesterov" -> "SGD with Nesterov momentum";
            case "adam" -> "Adam";
            case "rmsprop" -> "RMSProp";
            default -> name.isEmpty() ? "this optimizer" : optimizer;
        };
    }

    /** Plain decimal notation without trailing zeros: 50, 0.05, 0.0001. */
    static String format(double value) {
        // Twelve significant digits: 9 × 0.001 is 0.009000000000000001 in binary and reads 0.009.
        return format(value, 12);
    }

    /** {@code value} rounded to {@code digits} significant digits, without trailing zeros or an exponent. */
    static String format(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(new java.math.MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    private static double usualCeiling(String optimizer) {
        String name = optimizer == null ? "" : optimizer.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "sgd" -> 0.1;
            case "momentum", "nesterov" -> 0.05;
            default -> 0.01; // adam, rmsprop and other adaptive methods
        };
    }
}
