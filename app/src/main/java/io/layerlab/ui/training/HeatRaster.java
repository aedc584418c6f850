package io.layerlab.ui.training;

import io.layerlab.train.BoundaryFrame;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns decision-boundary frames into the heatmap's screen pixels, on whichever thread has the frame:
 * the boundary's worker paints each new frame as it is made, so the JavaFX thread only copies the
 * pixels (scaling a 64x64 grid to 380x380 pixels cost it about a millisecond a frame, as much as
 * handing the whole window to the display server). The view says what to paint for
 * ({@link #aim}: the size in pixels and the colours, as its layout and theme are now); a frame painted
 * for another aim, or never painted, is painted by the view itself ({@link #paint(BoundaryFrame, Aim, int[])}).
 *
 * <p>Thread-safe: the aim and the last painting are immutable once published.
 */
final class HeatRaster {
    /** What a frame is painted for: {@code pixels} square, in {@code colours[class][confidence level]} (ARGB, opaque). */
    record Aim(int pixels, int[][] colours) {
    }

    /** A frame painted for an aim. */
    private record Painting(BoundaryFrame frame, Aim aim, int[] pixels) {
    }

    private final AtomicReference<Aim> aim = new AtomicReference<>();
    private final AtomicReference<Painting> last = new AtomicReference<>();
    /**
     * Pixels the view has copied, for the next frame to be painted into. A new array a frame (about
     * 300 KB for a panel of 280 pixels square) lived until the next frame, 400 ms, and every young
     * collection meanwhile copied it: most of what the designer's collections copied beyond the
     * command line's.
     */
    private final AtomicReference<int[]> spare = new AtomicReference<>();

    /** The size and colours frames are painted for from now on (JavaFX thread, as the view is laid out and themed). */
    void aim(Aim newAim) {
        aim.set(newAim);
    }

    /** Paints {@code frame} for the current aim and keeps it for the view (any thread; nothing before the first aim). */
    void paintAhead(BoundaryFrame frame) {
        Aim current = aim.get();
        if (current == null) {
            return;
        }
        int[] pixels = spare.getAndSet(null);
        if (pixels == null || pixels.length != current.pixels() * current.pixels()) {
            pixels = new int[current.pixels() * current.pixels()];
        }
        paint(frame, current, pixels);
        last.set(new Painting(frame, current, pixels));
    }

    /**
     * The view has copied the pixels painted ahead for {@code frame} (JavaFX thread): their array
     * takes a later frame, and this frame, shown again, is painted by the view.
     */
    void copied(BoundaryFrame frame) {
        Painting painting = last.get();
        // Only once no one can be given these pixels any more: the painting is no longer the last one.
        if (painting != null && painting.frame() == frame && last.compareAndSet(painting, null)) {
            spare.set(painting.pixels());
        }
    }

    /** The pixels painted ahead for this frame and aim, or null if there are none. */
    int[] paintedAhead(BoundaryFrame frame, Aim forAim) {
        Painting painting = last.get();
        return painting != null && painting.frame() == frame && painting.aim() == forAim ? painting.pixels() : null;
    }

    /**
     * {@code frame} painted for {@code aim} into {@code out}: each cell in its class colour, stronger
     * where the network is surer, blended between cell centres.
     */
    static void paint(BoundaryFrame frame, Aim aim, int[] out) {
        int n = frame.size();
        int[][] colours = aim.colours();
        int levels = colours[0].length;
        double chance = 1.0 / Math.max(2, frame.classCount());
        byte[] classes = frame.classes();
        float[] confidence = frame.confidence();
        int[] cells = new int[n * n];
        for (int i = 0; i < n * n; i++) {
            // Confidence at chance level shows as background, certainty as a strong tint.
            double strength = (confidence[i] - chance) / (1 - chance);
            int level = (int) Math.round(Math.max(0, Math.min(1, strength)) * (levels - 1));
            cells[i] = colours[Math.floorMod(classes[i], colours.length)][level];
        }
        HeatScaler.scale(cells, n, out, aim.pixels());
    }
}
