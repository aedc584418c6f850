package io.layerlab.ui.training;

import java.util.Arrays;

/**
 * Reduces a curve to what a screen can show: at most two points per pixel column (the lowest and the
 * highest of the column, in their original order), so a line through them covers exactly the
 * envelope of the full curve, spikes included. A curve of 100,000 points in a chart 800 pixels wide
 * becomes at most 1,600 points. Points outside the visible x range are skipped by
 * binary search, except one on each side so the line runs to the edges. Non-finite values are left out.
 *
 * <p>One instance reuses its output arrays; use it from one thread.
 */
final class Decimator {
    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private int size;

    /**
     * Decimates the part of {@code data} between {@code xMin} and {@code xMax} into {@code columns}
     * columns. Returns the number of points, readable with {@link #x(int)} and {@link #y(int)}.
     */
    int decimate(SeriesData data, double xMin, double xMax, int columns) {
        size = 0;
        int n = data.size();
        if (n == 0 || columns < 1 || !(xMax > xMin)) {
            return 0;
        }
        int first = Math.max(0, firstAtOrAfter(data, xMin) - 1);
        int last = Math.min(n - 1, firstAtOrAfter(data, Math.nextUp(xMax)));
        if (last < first) {
            return 0;
        }
        if (last - first + 1 <= 2L * columns) {
            for (int i = first; i <= last; i++) {
                double y = data.y(i);
                if (Double.isFinite(y)) {
                    add(data.x(i), y);
                }
            }
            return size;
        }
        double scale = columns / (xMax - xMin);
        long column = Long.MIN_VALUE;
        int minIndex = -1;
        int maxIndex = -1;
        for (int i = first; i <= last; i++) {
            double y = data.y(i);
            if (!Double.isFinite(y)) {
                continue;
            }
            long c = (long) Math.floor((data.x(i) - xMin) * scale);
            if (c != column) {
                if (minIndex >= 0) {
                    emitColumn(data, minIndex, maxIndex);
                }
                column = c;
                minIndex = i;
                maxIndex = i;
            } else {
                if (y < data.y(minIndex)) {
                    minIndex = i;
                }
                if (y > data.y(maxIndex)) {
                    maxIndex = i;
                }
            }
        }
        if (minIndex >= 0) {
            emitColumn(data, minIndex, maxIndex);
        }
        return size;
    }

    private void emitColumn(SeriesData data, int minIndex, int maxIndex) {
        emit(data, Math.min(minIndex, maxIndex));
        if (maxIndex != minIndex) {
            emit(data, Math.max(minIndex, maxIndex));
        }
    }

    private void emit(SeriesData data, int index) {
        add(data.x(index), data.y(index));
    }

    private void add(double x, double y) {
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
        }
        xs[size] = x;
        ys[size] = y;
        size++;
    }

    double x(int index) {
        return xs[index];
    }

    double y(int index) {
        return ys[index];
    }

    int size() {
        return size;
    }

    /** The first index whose x is at least {@code x}, or {@code data.size()} if none. */
    static int firstAtOrAfter(SeriesData data, double x) {
        int low = 0;
        int high = data.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (data.x(mid) < x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
