package io.layerlab.export;

import io.layerlab.train.sweep.LearningRates;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;

/**
 * Logarithmic axes labelled the way people write the numbers (0.001, 0.01, 1e-5), one tick per
 * decade, instead of JFreeChart's default powers with fractional exponents (10^-0.4).
 */
final class LogAxes {
    private LogAxes() { }

    static LogAxis decades(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setNumberFormatOverride(new Readable());
        axis.setTickUnit(new NumberTickUnit(1), false, true);
        axis.setMinorTickMarksVisible(true);
        return axis;
    }

    /** Formats with {@link LearningRates#format}: 4 significant digits, powers of ten below 0.0001. */
    private static final class Readable extends NumberFormat {
        @Override public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(LearningRates.format(number));
        }

        @Override public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(number);
        }

        @Override public Number parse(String source, ParsePosition parsePosition) {
            // The inverse of format: a plain or scientific decimal number (JFreeChart never parses, but a
            // NumberFormat should still read back what it writes).
            int start = parsePosition.getIndex();
            int end = start;
            while (end < source.length() && "0123456789.eE+-".indexOf(source.charAt(end)) >= 0) end++;
            try {
                double value = Double.parseDouble(source.substring(start, end));
                parsePosition.setIndex(end);
                return value;
            } catch (NumberFormatException e) {
                parsePosition.setErrorIndex(start);
                return null;
            }
        }
    }
}
