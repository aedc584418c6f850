package io.layerlab.data;

/**
 * Independent random streams from one seed, so that, say, changing the split fraction does not
 * change the generated points, and different seeds give unrelated streams.
 */
final class Seeds {
    static final long GENERATE = 1;
    static final long ORDER = 2;
    static final long SPLIT = 3;
    static final long EPOCH = 4;

    private Seeds() { }

    /** SplitMix64 of the seed and a stream number: well mixed, so nearby seeds give unrelated streams. */
    static long derive(long seed, long stream) {
        long z = seed + stream * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static int[] permutation(int size, java.util.Random random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) order[i] = i;
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
