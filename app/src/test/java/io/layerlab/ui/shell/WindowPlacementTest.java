package io.layerlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {
    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1050);
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 32, 1366, 736);
    private static final Rectangle2D RIGHT_MONITOR = new Rectangle2D(1920, 0, 1280, 1024);

    @Test
    void aLargeScreenGetsTheUsualSizeCentred() {
        assertThat(WindowPlacement.fitted(FULL_HD)).isEqualTo(new Rectangle2D(260, 75, 1400, 900));
    }

    @Test
    void aSmallScreenGetsAWindowNoLargerThanItsUsableArea() {
        Rectangle2D fitted = WindowPlacement.fitted(LAPTOP);
        assertThat(fitted).isEqualTo(new Rectangle2D(0, 32, 1366, 736));
        Rectangle2D narrow = WindowPlacement.fitted(new Rectangle2D(0, 0, 1280, 1024));
        assertThat(narrow).isEqualTo(new Rectangle2D(0, 62, 1280, 900));
    }

    @Test
    void aWindowLeftOnAScreenOpensWhereItWas() {
        Rectangle2D saved = new Rectangle2D(2000, 100, 1000, 700);
        assertThat(WindowPlacement.restored(saved, List.of(FULL_HD, RIGHT_MONITOR))).contains(saved);
    }

    @Test
    void aWindowLeftOnAMonitorSinceUnpluggedOpensFittedInstead() {
        Rectangle2D saved = new Rectangle2D(2000, 100, 1000, 700);
        assertThat(WindowPlacement.restored(saved, List.of(FULL_HD))).isEmpty();
    }

    @Test
    void aWindowWhoseTopEdgeIsOffEveryScreenCannotBeDraggedSoItIsNotRestored() {
        assertThat(WindowPlacement.restored(new Rectangle2D(100, -200, 1000, 700), List.of(FULL_HD))).isEmpty();
        assertThat(WindowPlacement.restored(new Rectangle2D(1860, 100, 1000, 700), List.of(FULL_HD)))
                .as("only 60 pixels of the title bar on screen").isEmpty();
    }

    @Test
    void aRememberedWindowLargerThanItsScreenNowIsShrunkAndKeptOnIt() {
        Rectangle2D saved = new Rectangle2D(400, 300, 1800, 1000);
        assertThat(WindowPlacement.restored(saved, List.of(LAPTOP))).contains(new Rectangle2D(0, 32, 1366, 736));
    }

    @Test
    void nothingRememberedIsNotRestored() {
        assertThat(WindowPlacement.restored(new Rectangle2D(0, 0, 0, 0), List.of(FULL_HD))).isEmpty();
    }
}
