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

    private final double perFrameMs;
    private double spentMs;

    /** @param perFrameMs new bitmap work one frame may take on, in estimated renderer ms */
    DetailBudget(double perFrameMs) {
        if (!(perFrameMs > 0)) throw new IllegalArgumentException("perFrameMs must be above 0, was " + perFrameMs);
        this.perFrameMs = perFrameMs;
    }

    /** Takes this much from the current frame's share; false (nothing taken) when it does not fit. */
    boolean trySpend(double costMs) {
        if (spentMs > 0 && spentMs + costMs > perFrameMs) return false;
        spentMs += costMs;
        return true;
    }

    /** Whether anything has been spent for the coming frame. */
    boolean spentAny() { return spentMs > 0; }

    /** The frame that draws what was spent has been set up: the next one starts with a full share. */
    void frameDone() { spentMs = 0; }

    double perFrameMs() { return perFrameMs; }
}
