package io.layerlab.shape;

/**
 * Long arithmetic that saturates at {@link Long#MAX_VALUE} instead of overflowing, so absurd
 * sizes stay absurd (and get refused) rather than wrapping round to small or negative numbers.
 */
final class Sizes {
    private Sizes() { }

    static long mul(long a, long b) {
        if (a == 0 || b == 0) return 0;
        long r = a * b;
        if (a > 0 && b > 0 && (r / b != a || r < 0)) return Long.MAX_VALUE;
        return r;
    }

    static long mul(long a, long b, long c) { return mul(mul(a, b), c); }

    static long mul(long a, long b, long c, long d) { return mul(mul(a, b, c), d); }

    static long add(long a, long b) {
        long r = a + b;
        return (a > 0 && b > 0 && r < 0) ? Long.MAX_VALUE : r;
    }

    static long add(long a, long b, long c) { return add(add(a, b), c); }
}
