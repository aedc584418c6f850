package io.layerlab.ui.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a curve's lowest and highest finite values lie in blocks of 8, 64, 512... points, so the
 * {@link Decimator} finds a pixel column's extremes by reading a few blocks instead of every point:
 * ten runs of 100,000 iterations zoomed with the wheel had cost 10-40 ms of the JavaFX thread per
 * notch, nearly all of it reading points.
 *
 * <p>Ties go to the first index, as a scan from left to right finds them. Only whole blocks are
 * kept; a curve that grows extends them ({@link #follow}), a curve that is not the one indexed
 * (another first point, or a different value at the last indexed point) is indexed afresh.
 */
final class BlockExtremes {
    private static final int SHIFT = 3;
    private static final int BRANCHING = 1 << SHIFT;
    /** Curves shorter than this are scanned point by point: the blocks would not pay for themselves. */
    static final int LEAST_POINTS = 4 * BRANCHING * BRANCHING;

    /** Per level (block size 8^(level+1)): the index of each whole block's lowest and highest finite value, -1 if none. */
    private final List<int[]> lowest = new ArrayList<>();
    private final List<int[]> highest = new ArrayList<>();
    private final List<Integer> blocks = new ArrayList<>();
    private int indexed;
    private double firstX = Double.NaN;
    private double firstY = Double.NaN;
    private double lastY = Double.NaN;

    // The running result of a query.
    private int minIndex;
    private int maxIndex;
    private double minY;
    private double maxY;

    /** Indexes {@code data}'s new whole blocks, or all of them when it is another curve than the one indexed. */
    void follow(SeriesData data) {
        int n = data.size();
        if (indexed > 0 && !(n >= indexed && same(data.x(0), firstX) && same(data.y(0), firstY) && same(data.y(indexed - 1), lastY))) {
            lowest.clear();
            highest.clear();
            blocks.clear();
            indexed = 0;
        }
        int level = 0;
        long size = BRANCHING;
        while (n / size > 0) {
            extend(data, level, (int) (n / size));
            level++;
            size <<= SHIFT;
        }
        if (n > 0) {
            indexed = n;
            firstX = data.x(0);
            firstY = data.y(0);
            lastY = data.y(n - 1);
        }
    }

    private void extend(SeriesData data, int level, int wholeBlocks) {
        if (level == blocks.size()) {
            blocks.add(0);
            lowest.add(new int[Math.max(16, wholeBlocks)]);
            highest.add(new int[Math.max(16, wholeBlocks)]);
        }
        int done = blocks.get(level);
        if (wholeBlocks <= done) {
            return;
        }
        if (wholeBlocks > lowest.get(level).length) {
            int capacity = Math.max(wholeBlocks, lowest.get(level).length * 2);
            lowest.set(level, Arrays.copyOf(lowest.get(level), capacity));
            highest.set(level, Arrays.copyOf(highest.get(level), capacity));
        }
        int[] low = lowest.get(level);
        int[] high = highest.get(level);
        for (int block = done; block < wholeBlocks; block++) {
            start();
            if (level == 0) {
                for (int i = block << SHIFT, end = i + BRANCHING; i < end; i++) {
                    takePoint(data, i);
                }
            } else {
                int[] belowLow = lowest.get(level - 1);
                int[] belowHigh = highest.get(level - 1);
                for (int b = block << SHIFT, end = b + BRANCHING; b < end; b++) {
                    takeBlock(data, belowLow[b], belowHigh[b]);
                }
            }
            low[block] = minIndex;
            high[block] = maxIndex;
        }
        blocks.set(level, wholeBlocks);
    }

    /**
     * Finds the lowest and highest finite values among points {@code from} to {@code to - 1} (read
     * back with {@link #lowestIndex} and {@link #highestIndex}); {@code data} is the curve last followed.
     */
    void find(SeriesData data, int from, int to) {
        start();
        int i = from;
        int level = -1; // -1: single points; 0: blocks of 8...
        while (i < to) {
            while (level + 1 < blocks.size() && i % blockSize(level + 1) == 0 && i + blockSize(level + 1) <= to
                    && i / blockSize(level + 1) < blocks.get(level + 1)) {
                level++;
            }
            while (level >= 0 && i + blockSize(level) > to) {
                level--;
            }
            if (level < 0) {
                takePoint(data, i);
                i++;
            } else {
                int block = i / blockSize(level);
                takeBlock(data, lowest.get(level)[block], highest.get(level)[block]);
                i += blockSize(level);
            }
        }
    }

    int lowestIndex() {
        return minIndex;
    }

    int highestIndex() {
        return maxIndex;
    }

    private static int blockSize(int level) {
        return level < 0 ? 1 : 1 << (SHIFT * (level + 1));
    }

    private void start() {
        minIndex = -1;
        maxIndex = -1;
        minY = Double.NaN;
        maxY = Double.NaN;
    }

    private void takePoint(SeriesData data, int i) {
        double y = data.y(i);
        if (!Double.isFinite(y)) {
            return;
        }
        if (minIndex < 0 || y < minY) {
            minIndex = i;
            minY = y;
        }
        if (maxIndex < 0 || y > maxY) {
            maxIndex = i;
            maxY = y;
        }
    }

    private void takeBlock(SeriesData data, int low, int high) {
        if (low < 0) {
            return; // no finite value in the block
        }
        double y = data.y(low);
        if (minIndex < 0 || y < minY) {
            minIndex = low;
            minY = y;
        }
        y = data.y(high);
        if (maxIndex < 0 || y > maxY) {
            maxIndex = high;
            maxY = y;
        }
    }

    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }
}
