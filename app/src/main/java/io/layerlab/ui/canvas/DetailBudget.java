package io.layerlab.ui.canvas;

/**
 * How much new bitmap drawing one frame may take on. Node cards and wire labels are cached
 * bitmaps: showing one afresh (after a zoom, or when it scrolls into view) costs about two
 * milliseconds for a card (its bounds and render state on the JavaFX thread, glyphs and painting
 * on the software renderer), and a view change can ask for a hundred at once.
 * Spending is counted in estimated renderer milliseconds; whatever does not fit waits for the
 * next frame (the canvas shows a sketch meanwhile). The first item of a frame is always allowed,
 * so work never stalls, even for an item dearer than the whole budget.
 *
 * <p>Items spent between two frames are drawn by the next one: {@link #frameDone()} closes the
 * account when that frame's own share has been handed out.
 *
 * <p>The estimates are one machine's; the share follows how long frames really take. A frame
 * that comes late (the one before took too long to draw, or the machine is busy) halves the
 * share, down to one card's worth; a frame on time grows it back by a fifth of the full share.
 */
final class DetailBudget {
    /**
     * Estimated time a card shown afresh adds to a frame (software pipeline), in ms: the extra
     * CPU time of the frames that showed a known number of them in {@code CanvasBenchmark}
     * (2.5 ms on a busy machine; a card whose glyphs are already drawn at this zoom costs far less).
     */
    static final double CARD_MS = 2.0;
    /** Estimated time a wire label shown afresh adds to a frame, in ms (measured likewise). */
    static final double LABEL_MS = 0.4;

    /** A frame this long after the one before is late: 60 frames a second, with a quarter to spare. */
    static final long LATE_NANOS = 21_000_000L;

    private final double perFrameMs;
    private double shareMs;
    private double spentMs;
    private long lastFrameNanos = -1;

    /** @param perFrameMs new bitmap work one frame may take on, in estimated renderer ms */
    DetailBudget(double perFrameMs) {
        if (!(perFrameMs > 0)) throw new IllegalArgumentException("perFrameMs must be above 0, was " + perFrameMs);
        this.perFrameMs = perFrameMs;
        this.shareMs = perFrameMs;
    }

    /**
     * A frame starts at this time (nanoseconds, as an {@code AnimationTimer} gets it): a late
     * frame halves the share, one on time grows it back.
     */
    void frameStarted(long nanos) {
        if (lastFrameNanos >= 0) {
            if (nanos - lastFrameNanos > LATE_NANOS) shareMs = Math.max(CARD_MS, shareMs / 2);
            else shareMs = Math.min(perFrameMs, shareMs + perFrameMs / 5);
        }
        lastFrameNanos = nanos;
    }

    /** No frames are watched for a while (nothing waits): the next frame starts no gap. */
    void idle() { lastFrameNanos = -1; }

    /** What the current frame may take on now, in estimated ms (the full share, or less after late frames). */
    double shareMs() { return shareMs; }

    /** Takes this much from the current frame's share; false (nothing taken) when it does not fit. */
    boolean trySpend(double costMs) {
        if (spentMs > 0 && spentMs + costMs > shareMs) return false;
        spentMs += costMs;
        return true;
    }

    /** Whether anything has been spent for the coming frame. */
    boolean spentAny() { return spentMs > 0; }

    /** The frame that draws what was spent has been set up: the next one starts with a full share. */
    void frameDone() { spentMs = 0; }

    /** The full share, for frames on time. */
    double perFrameMs() { return perFrameMs; }
}
