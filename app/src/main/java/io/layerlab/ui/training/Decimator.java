package io.layerlab.ui.training;

import java.util.Arrays;

/**
 * Reduces a curve to what a screen can show: at most two points per pixel column (the lowest and the
 * highest of the column, in their original order), so a line through them covers exactly the
 * envelope of the full curve, spikes included. A curve of 100,000 points in a chart 800 pixels wide
 * becomes at most 1,600 points. Points outside the visible x range are skipped by
 * binary search, except one on each side so the line runs to the edges. Non-finite values are left out.
 * A curve with fewer points than that is decimated the same way (a column with one or two points
 * keeps them all): a growing curve never changes how it is reduced, so what a chart drew of it stays
 * right as it grows, and only its new part need be painted.
 *
 * <p>A growing curve is decimated incrementally by {@link #update}: while the window and the column
 * count stay the same and points are only appended, only the last column and the new points are
 * looked at again, so a live run of 100,000 points costs what its newest points cost. When the
 * window changes (a zoom, a pan) a long curve is reduced afresh from its {@link BlockExtremes}, a few
 * blocks per column instead of every point.
 *
 * <p>One instance reuses its output arrays; use it from one thread.
 */
final class Decimator {
    /** From this many points per column on, columns are read from the curve's blocks (see {@link BlockExtremes}). */
    private static final int BLOCKS_FROM_POINTS_PER_COLUMN = 16;

    private double[] xs = new double[256];
    private double[] ys = new double[256];
    /** The column each point was reduced into: a column's one or two points are neighbours. */
    private long[] columnOf = new long[256];
    private int size;

    // What the output was made from, so that update() can tell whether it may continue it.
    private double madeX0 = Double.NaN;
    private double madeX1 = Double.NaN;
    private int madeColumns;
    private int madeCount;
    private double firstX;
    private double firstY;
    private double lastX;
    private double lastY;
    /** The last column's number, where its scan began, and the output size before it. */
    private long openColumn;
    private int openColumnScanStart;
    private int openColumnOutputStart;
    /** The curve's block extremes, made once a curve has many points per column. */
    private BlockExtremes extremes;

    /**
     * Decimates the part of {@code data} between {@code xMin} and {@code xMax} into {@code columns}
     * columns, from scratch. Returns the number of points, readable with {@link #x(int)} and {@link #y(int)}.
     */
    int decimate(SeriesData data, double xMin, double xMax, int columns) {
        size = 0;
        madeX0 = Double.NaN;
        int n = data.size();
        if (n == 0 || columns < 1 || !(xMax > xMin)) {
            return 0;
        }
        int first = Math.max(0, firstAtOrAfter(data, xMin) - 1);
        int last = Math.min(n - 1, firstAtOrAfter(data, Math.nextUp(xMax)));
        if (last < first) {
            return 0;
        }
        scanColumnsFrom(data, first, last, xMin, xMax, columns, Long.MIN_VALUE);
        remember(data, xMin, xMax, columns, n);
        return size;
    }

    /**
     * The same result as {@link #decimate}, computed from the previous output where possible: when
     * the window and the columns are unchanged and {@code data} is the previous curve with points
     * appended.
     */
    int update(SeriesData data, double xMin, double xMax, int columns) {
        int n = data.size();
        if (!continues(data, xMin, xMax, columns)) {
            return decimate(data, xMin, xMax, columns);
        }
        if (n == madeCount) {
            return size;
        }
        int previousLast = madeCount - 1;
        if (data.x(previousLast) < xMin) {
            // Everything so far lay left of the window: where the drawn part begins may move.
            return decimate(data, xMin, xMax, columns);
        }
        if (data.x(previousLast) > xMax) {
            // The output already ran past the right edge: later points are not drawn.
            madeCount = n;
            return size;
        }
        int last = Math.min(n - 1, firstAtOrAfter(data, Math.nextUp(xMax)));
        size = openColumnOutputStart;
        scanColumnsFrom(data, openColumnScanStart, last, xMin, xMax, columns, openColumn);
        remember(data, xMin, xMax, columns, n);
        return size;
    }

    private boolean continues(SeriesData data, double xMin, double xMax, int columns) {
        int n = data.size();
        return xMin == madeX0 && xMax == madeX1 && columns == madeColumns && n >= madeCount && madeCount > 0
                && same(data.x(0), firstX) && same(data.y(0), firstY)
                && same(data.x(madeCount - 1), lastX) && same(data.y(madeCount - 1), lastY);
    }

    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    private void remember(SeriesData data, double xMin, double xMax, int columns, int n) {
        madeX0 = xMin;
        madeX1 = xMax;
        madeColumns = columns;
        madeCount = n;
        firstX = data.x(0);
        firstY = data.y(0);
        lastX = data.x(n - 1);
        lastY = data.y(n - 1);
    }

    /** Emits the lowest and highest point of each column from index {@code from}; the last column stays open. */
    private void scanColumnsFrom(SeriesData data, int from, int last, double xMin, double xMax, int columns, long startColumn) {
        double scale = columns / (xMax - xMin);
        if (last - from + 1 >= Math.max(BlockExtremes.LEAST_POINTS, BLOCKS_FROM_POINTS_PER_COLUMN * (long) columns)) {
            findColumnsFrom(data, from, last, xMin, scale, startColumn);
            return;
        }
        long column = startColumn;
        int minIndex = -1;
        int maxIndex = -1;
        int columnStart = from;
        for (int i = from; i <= last; i++) {
            double y = data.y(i);
            if (!Double.isFinite(y)) {
                continue;
            }
            long c = column(data, i, xMin, scale);
            if (c != column || minIndex < 0) {
                if (minIndex >= 0) {
                    emitColumn(data, minIndex, maxIndex, column);
                    columnStart = i;
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
        openColumnOutputStart = size;
        openColumnScanStart = minIndex >= 0 ? columnStart : from;
        openColumn = minIndex >= 0 ? column : startColumn;
        if (minIndex >= 0) {
            emitColumn(data, minIndex, maxIndex, column);
        }
    }

    /**
     * The same as the scan above for curves with many points per column: each column's extremes are
     * read from the curve's {@link BlockExtremes}, a few blocks instead of every point.
     */
    private void findColumnsFrom(SeriesData data, int from, int last, double xMin, double scale, long startColumn) {
        if (extremes == null) {
            extremes = new BlockExtremes();
        }
        extremes.follow(data);
        openColumnOutputStart = size;
        openColumnScanStart = from;
        openColumn = startColumn;
        int i = from;
        while (i <= last) {
            long c = column(data, i, xMin, scale);
            int end = firstAfterColumn(data, i, last + 1, c, xMin, scale);
            extremes.find(data, i, end);
            if (extremes.lowestIndex() >= 0) {
                openColumnOutputStart = size;
                openColumnScanStart = i;
                openColumn = c;
                emitColumn(data, extremes.lowestIndex(), extremes.highestIndex(), c);
            }
            i = end;
        }
    }

    private static long column(SeriesData data, int i, double xMin, double scale) {
        return (long) Math.floor((data.x(i) - xMin) * scale);
    }

    /** The first index after {@code from} (and at most {@code to}) that lies beyond column {@code c}: gallops, then halves. */
    private static int firstAfterColumn(SeriesData data, int from, int to, long c, double xMin, double scale) {
        int low = from + 1;
        int step = 1;
        while (low + step < to && column(data, low + step, xMin, scale) <= c) {
            low += step;
            step <<= 1;
        }
        int high = Math.min(to, low + step);
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (column(data, mid, xMin, scale) <= c) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void emitColumn(SeriesData data, int minIndex, int maxIndex, long column) {
        emit(data, Math.min(minIndex, maxIndex), column);
        if (maxIndex != minIndex) {
            emit(data, Math.max(minIndex, maxIndex), column);
        }
    }

    private void emit(SeriesData data, int index, long column) {
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
            columnOf = Arrays.copyOf(columnOf, size * 2);
        }
        xs[size] = data.x(index);
        ys[size] = data.y(index);
        columnOf[size] = column;
        size++;
    }

    double x(int index) {
        return xs[index];
    }

    double y(int index) {
        return ys[index];
    }

    /** The column point {@code index} lies in (0 for the first whole column in the window; the point before it is in -1). */
    long column(int index) {
        return columnOf[index];
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
