package io.layerlab.ui.training;

/**
 * Scales a square grid of opaque colours up to a square of pixels, blending linearly between cell
 * centres and holding the edge cells' colours beyond them, as a texture drawn with smoothing would.
 * Integer arithmetic, one row of cells blended per pixel row: a 64x64 grid to 380x380 pixels takes
 * about a millisecond.
 */
final class HeatScaler {
    /** Blend weights are in 256ths. */
    private static final int ONE = 256;

    private HeatScaler() {
    }

    /**
     * Fills {@code out} ({@code size × size} ARGB pixels, row by row) from {@code cells}
     * ({@code n × n} opaque ARGB colours, row by row).
     */
    static void scale(int[] cells, int n, int[] out, int size) {
        if (n < 1 || size < 1 || cells.length < n * n || out.length < size * size) {
            throw new IllegalArgumentException("a " + n + "x" + n + " grid to " + size + "x" + size + " pixels: arrays of "
                    + cells.length + " and " + out.length);
        }
        int[] firstCell = new int[size];
        int[] weight = new int[size];
        for (int i = 0; i < size; i++) {
            // Pixel centre i + 0.5 in cell units, measured from the first cell's centre.
            double at = Math.max(0, Math.min(n - 1, (i + 0.5) * n / size - 0.5));
            firstCell[i] = Math.min((int) at, Math.max(0, n - 2));
            weight[i] = n == 1 ? 0 : (int) Math.round((at - firstCell[i]) * ONE);
        }
        int second = n == 1 ? 0 : 1;
        int[] red = new int[n];
        int[] green = new int[n];
        int[] blue = new int[n];
        for (int y = 0; y < size; y++) {
            int upper = firstCell[y] * n;
            int lower = upper + second * n;
            int wy = weight[y];
            for (int c = 0; c < n; c++) {
                int a = cells[upper + c];
                int b = cells[lower + c];
                red[c] = ((a >> 16) & 0xff) * (ONE - wy) + ((b >> 16) & 0xff) * wy;
                green[c] = ((a >> 8) & 0xff) * (ONE - wy) + ((b >> 8) & 0xff) * wy;
                blue[c] = (a & 0xff) * (ONE - wy) + (b & 0xff) * wy;
            }
            int row = y * size;
            for (int x = 0; x < size; x++) {
                int left = firstCell[x];
                int right = left + second;
                int wx = weight[x];
                // Values in 256ths squared: adding half of that rounds to the nearest.
                int r = (red[left] * (ONE - wx) + red[right] * wx + ONE * ONE / 2) >> 16;
                int g = (green[left] * (ONE - wx) + green[right] * wx + ONE * ONE / 2) >> 16;
                int b = (blue[left] * (ONE - wx) + blue[right] * wx + ONE * ONE / 2) >> 16;
                out[row + x] = 0xff000000 | r << 16 | g << 8 | b;
            }
        }
    }
}
