package io.layerlab.data;

import java.util.Arrays;

/**
 * A picture as grey levels from 0 (black) to 1 (white), row by row from the top, each row from the
 * left: what a drawing pad or a scanned image gives, at any resolution. Immutable.
 */
public final class GreyPicture {
    private final int width;
    private final int height;
    private final float[] grey;

    private GreyPicture(int width, int height, float[] grey) {
        this.width = width;
        this.height = height;
        this.grey = grey;
    }

    /**
     * A copy of {@code grey}, {@code width × height} values row by row.
     *
     * @throws IllegalArgumentException when a side is not positive, the count does not match, or a value lies outside 0..1
     */
    public static GreyPicture of(int width, int height, float[] grey) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a picture needs at least 1×1 pixels, was " + width + "×" + height);
        }
        if (grey.length != (long) width * height) {
            throw new IllegalArgumentException("a " + width + "×" + height + " picture has " + (long) width * height
                    + " grey levels, not " + grey.length);
        }
        for (int i = 0; i < grey.length; i++) {
            if (!(grey[i] >= 0 && grey[i] <= 1)) {
                throw new IllegalArgumentException("pixel " + (i % width) + "," + (i / width) + " has grey level " + grey[i]
                        + "; valid: 0 (black) to 1 (white)");
            }
        }
        return new GreyPicture(width, height, grey.clone());
    }

    /** Takes ownership of {@code grey}, which the caller guarantees valid. */
    static GreyPicture wrap(int width, int height, float[] grey) {
        return new GreyPicture(width, height, grey);
    }

    /** An all-black picture. */
    public static GreyPicture black(int width, int height) {
        return of(width, height, new float[width * height]);
    }

    public int width() { return width; }

    public int height() { return height; }

    /** The grey level of the pixel in {@code row}, {@code column}, from 0 to 1. */
    public float grey(int row, int column) { return grey[row * width + column]; }

    /** A copy of every grey level, row by row. */
    public float[] values() { return grey.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof GreyPicture p && p.width == width && p.height == height && Arrays.equals(p.grey, grey);
    }

    @Override public int hashCode() { return (width * 31 + height) * 31 + Arrays.hashCode(grey); }

    @Override public String toString() { return "GreyPicture[" + width + "×" + height + "]"; }
}
