package io.layerlab.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.train.BoundaryFrame;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class HeatRasterTest {
    private static final int GRID = 4;
    /** Two classes, four confidence levels: grey to red, grey to blue. */
    private static final int[][] COLOURS = {
            {0xff808080, 0xffa06060, 0xffc04040, 0xffe02020},
            {0xff808080, 0xff6060a0, 0xff4040c0, 0xff2020e0}};

    /** Class 0 on the left half, class 1 on the right, surer towards the bottom. */
    private static BoundaryFrame halves(int iteration) {
        byte[] classes = new byte[GRID * GRID];
        float[] confidence = new float[GRID * GRID];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = (byte) (i % GRID < GRID / 2 ? 0 : 1);
            confidence[i] = 0.5f + 0.5f * (i / GRID) / (GRID - 1f);
        }
        return new BoundaryFrame(GRID, 0, 1, 0, 1, 2, classes, confidence, iteration);
    }

    @Test
    void aFramePaintedAheadOnAnotherThreadHasThePixelsTheViewWouldPaint() throws Exception {
        HeatRaster raster = new HeatRaster();
        HeatRaster.Aim aim = new HeatRaster.Aim(10, COLOURS);
        raster.aim(aim);
        BoundaryFrame frame = halves(7);

        var worker = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture.runAsync(() -> raster.paintAhead(frame), worker).get();
        } finally {
            worker.shutdown();
        }

        assertThat(raster.paintedAhead(frame, aim)).isEqualTo(painted(frame, aim));
        int[] pixels = painted(frame, aim);
        // Top-left: class 0 at chance (background grey); bottom-right: class 1, sure (strong blue).
        assertThat(pixels[0]).isEqualTo(0xff808080);
        assertThat(pixels[pixels.length - 1]).isEqualTo(0xff2020e0);
    }

    @Test
    void withoutAnAimNothingIsPaintedAheadAndAnotherFrameOrAimFindsNothing() {
        HeatRaster raster = new HeatRaster();
        BoundaryFrame frame = halves(1);
        raster.paintAhead(frame);
        HeatRaster.Aim aim = new HeatRaster.Aim(10, COLOURS);
        assertThat(raster.paintedAhead(frame, aim)).as("no aim yet").isNull();

        raster.aim(aim);
        raster.paintAhead(frame);
        assertThat(raster.paintedAhead(halves(2), aim)).as("another frame").isNull();
        assertThat(raster.paintedAhead(frame, new HeatRaster.Aim(12, COLOURS))).as("the view resized since").isNull();
        assertThat(raster.paintedAhead(frame, aim)).isNotNull();
    }

    /** A frame whose confidence is the same everywhere but the class alternates, unlike {@link #halves}. */
    private static BoundaryFrame checkers(int iteration) {
        byte[] classes = new byte[GRID * GRID];
        float[] confidence = new float[GRID * GRID];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = (byte) ((i + i / GRID) % 2);
            confidence[i] = 1f;
        }
        return new BoundaryFrame(GRID, 0, 1, 0, 1, 2, classes, confidence, iteration);
    }

    private static final HeatRaster.Aim AIM = new HeatRaster.Aim(10, COLOURS);

    /** {@code frame} painted for {@code aim} into a new array: what the view would show. */
    private static int[] painted(BoundaryFrame frame, HeatRaster.Aim aim) {
        int[] pixels = new int[aim.pixels() * aim.pixels()];
        HeatRaster.paint(frame, aim, pixels);
        return pixels;
    }

    /** A raster aimed at {@link #AIM} that has painted {@code frame} ahead. */
    private static HeatRaster paintedAhead(BoundaryFrame frame) {
        HeatRaster raster = new HeatRaster();
        raster.aim(AIM);
        raster.paintAhead(frame);
        return raster;
    }

    @Test
    void pixelsTheViewCopiedTakeTheNextFrameAndThatFrameIsPaintedWhole() {
        BoundaryFrame first = halves(1);
        HeatRaster raster = paintedAhead(first);
        int[] firstPixels = raster.paintedAhead(first, AIM);

        raster.copied(first);
        assertThat(raster.paintedAhead(first, AIM)).as("copied: shown again, the view paints it").isNull();
        BoundaryFrame second = checkers(2);
        raster.paintAhead(second);

        int[] secondPixels = raster.paintedAhead(second, AIM);
        assertThat(secondPixels).as("the same array, no new one a frame").isSameAs(firstPixels);
        assertThat(secondPixels).as("nothing of the first frame left").isEqualTo(painted(second, AIM));
    }

    @Test
    void pixelsNotYetCopiedAreNeverPaintedOver() {
        BoundaryFrame first = halves(1);
        HeatRaster raster = paintedAhead(first);
        int[] firstPixels = raster.paintedAhead(first, AIM);

        raster.paintAhead(checkers(2));
        raster.copied(first); // the view copied a frame that was no longer the last: its array may still be read

        assertThat(firstPixels).as("the first frame's pixels as painted").isEqualTo(painted(first, AIM));
        raster.paintAhead(checkers(3));
        assertThat(firstPixels).as("still untouched by later frames").isEqualTo(painted(first, AIM));
    }
}
