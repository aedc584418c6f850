package io.layerlab.shape;

import java.util.Locale;

/** How diagnostics name layers, shapes and numbers, so every message reads the same way. */
final class Words {
    private Words() { }

    /** "Dense 'dense1'". */
    static String layer(String type, String id) { return type + " '" + id + "'"; }

    /** "64 features", "an image 28×28×1", "a sequence of 10 steps × 8 features". */
    static String shape(TensorShape s) {
        return switch (s.kind()) {
            case FEATURES -> s.dim(0) == 1 ? "1 feature" : number(s.dim(0)) + " features";
            case IMAGE -> "an image " + s.label();
            case SEQUENCE -> "a sequence of " + number(s.dim(0)) + (s.dim(0) == 1 ? " step" : " steps")
                    + " × " + number(s.dim(1)) + (s.dim(1) == 1 ? " feature" : " features");
        };
    }

    /** "1,234,567". */
    static String number(long n) { return String.format(Locale.ROOT, "%,d", n); }

    /** "3×3". */
    static String pair(int a, int b) { return a + "×" + b; }
}
