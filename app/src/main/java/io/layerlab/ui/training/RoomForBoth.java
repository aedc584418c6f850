package io.layerlab.ui.training;

/**
 * Whether two views stand one above the other or one at a time ({@link ResultsAndPad}, {@link PanelPair}):
 * both show while the height holds what they need, and once they have gone one at a time they stack
 * again only with a margin to spare, so that a height near the limit does not flip them at every layout.
 */
final class RoomForBoth {
    /** The height to spare (px) before views shown one at a time stack again. */
    static final double MARGIN = 12;

    private RoomForBoth() {
    }

    /** One at a time next? {@code now}: whether they are so now; {@code need}: the height both need; {@code height}: what there is. */
    static boolean oneAtATime(boolean now, double need, double height) {
        return now ? need + MARGIN > height : need > height;
    }
}
