package io.layerlab.ui.support;

import java.util.Comparator;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts table cells that show numbers as text by the numbers: "6.25e-5" before "3.88e-4", "16"
 * before "128", "0:09" before "1:02:03", "47 / 100" by its 47. A cell with no number ("—", empty)
 * sorts after those with one; two such cells by their text.
 */
public final class NumericText {
    /** A clock, m:ss or h:mm:ss. */
    private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d{2})(?::(\\d{2}))?");
    /** The first number in the text, with an exponent if it has one. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

    public static final Comparator<String> ORDER = (a, b) -> {
        OptionalDouble x = value(a);
        OptionalDouble y = value(b);
        if (x.isPresent() && y.isPresent()) return Double.compare(x.getAsDouble(), y.getAsDouble());
        if (x.isPresent()) return -1;
        if (y.isPresent()) return 1;
        return String.valueOf(a).compareTo(String.valueOf(b));
    };

    private NumericText() {
    }

    /** The number {@code text} shows (a clock in seconds), or empty. */
    public static OptionalDouble value(String text) {
        if (text == null) return OptionalDouble.empty();
        String t = text.strip();
        Matcher clock = CLOCK.matcher(t);
        if (clock.matches()) {
            double a = Double.parseDouble(clock.group(1));
            double b = Double.parseDouble(clock.group(2));
            return OptionalDouble.of(clock.group(3) == null ? a * 60 + b : a * 3600 + b * 60 + Double.parseDouble(clock.group(3)));
        }
        Matcher number = NUMBER.matcher(t);
        return number.find() ? OptionalDouble.of(Double.parseDouble(number.group())) : OptionalDouble.empty();
    }
}
