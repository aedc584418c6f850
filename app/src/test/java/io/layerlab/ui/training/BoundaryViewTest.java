package io.layerlab.ui.training;

import io.layerlab.data.Task;
import io.layerlab.train.BoundaryFrame;
import io.layerlab.ui.support.ChartPalette;
import java.util.Arrays;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class BoundaryViewTest {
    private static final int GRID = 8;

    private BoundaryView view;
    private ChartPalette palette;

    @Start
    void start(Stage stage) {
        palette = new ChartPalette();
        view = new BoundaryView(palette);
        stage.setScene(new Scene(new StackPane(view, palette), 316, 316));
        stage.show();
    }

    /** One point of class 0 in the top-left corner of the plane [0, 1]². */
    private static PreparedRun onePoint() {
        return new PreparedRun(Task.CLASSIFICATION, 10, 1, 1, 1, List.of("a", "b"), List.of("x", "y"), true,
                new double[]{0.02}, new double[]{0.98}, new int[]{0}, 1);
    }

    /** The network sure of {@code predicted} everywhere. */
    private static BoundaryFrame everywhere(int predicted, int iteration) {
        byte[] classes = new byte[GRID * GRID];
        Arrays.fill(classes, (byte) predicted);
        float[] confidence = new float[GRID * GRID];
        Arrays.fill(confidence, 1f);
        return new BoundaryFrame(GRID, 0, 1, 0, 1, 2, classes, confidence, iteration);
    }

    private Color middle() throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(view::snapshotImage).get();
        return image.getPixelReader().getColor((int) image.getWidth() / 2, (int) image.getHeight() / 2);
    }

    /** Whether {@code c} leans towards {@code towards} more than towards {@code away}. */
    private static boolean closer(Color c, Color towards, Color away) {
        return distance(c, towards) < distance(c, away);
    }

    /** One data point, and a first frame that predicts class a everywhere. */
    private void showAPointAndAFrameOfClassA() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            view.setPoints(onePoint());
            view.setFrame(everywhere(0, 1));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }

    @Test
    void eachNewFrameRepaintsTheHeatmapInTheColourOfThePredictedClass() throws Exception {
        showAPointAndAFrameOfClassA();
        Color classA = palette.classColour(0);
        Color classB = palette.classColour(1);
        assertThat(closer(middle(), classA, classB)).as("class a's tint, got %s", middle()).isTrue();

        WaitForAsyncUtils.asyncFx(() -> view.setFrame(everywhere(1, 2))).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(closer(middle(), classB, classA)).as("class b's tint, got %s", middle()).isTrue();
        assertThat(view.heatUpdates()).isEqualTo(2);
    }

    @Test
    void aFramePaintedAheadOnAnotherThreadShowsAsIfPaintedHere() throws Exception {
        showAPointAndAFrameOfClassA();
        assertThat(view.paintedAheadUpdates()).as("the first frame shows the view's size and colours: painted here").isZero();

        BoundaryFrame ahead = everywhere(1, 2);
        java.util.concurrent.CompletableFuture.runAsync(() -> view.paintAhead(ahead)).get();
        WaitForAsyncUtils.asyncFx(() -> view.setFrame(ahead)).get();
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage paintedAhead = WaitForAsyncUtils.asyncFx(view::snapshotImage).get();
        assertThat(view.paintedAheadUpdates()).isEqualTo(1);

        // The same frame again, but a new one the worker never saw: painted here.
        WaitForAsyncUtils.asyncFx(() -> view.setFrame(everywhere(1, 3))).get();
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage paintedHere = WaitForAsyncUtils.asyncFx(view::snapshotImage).get();
        assertThat(view.paintedAheadUpdates()).isEqualTo(1);
        assertThat(view.heatUpdates()).isEqualTo(3);
        assertThat(pixels(paintedAhead)).isEqualTo(pixels(paintedHere));
        assertThat(closer(middle(), palette.classColour(1), palette.classColour(0))).isTrue();
    }

    private static int[] pixels(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] out = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 0, w);
        return out;
    }

    @Test
    void theHeatmapIsScaledToTheScreenPixelsItCoversAndBlendsBetweenCells() throws Exception {
        byte[] classes = new byte[GRID * GRID];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = (byte) (i % GRID < GRID / 2 ? 0 : 1);
        }
        float[] confidence = new float[GRID * GRID];
        Arrays.fill(confidence, 1f);
        WaitForAsyncUtils.asyncFx(() -> {
            view.setPoints(onePoint());
            view.setFrame(new BoundaryFrame(GRID, 0, 1, 0, 1, 2, classes, confidence, 1));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        // The view is 316 wide with 8 of padding each side: the plot is 300 layout units, and the screen's scale is 1.
        assertThat(view.heatImageWidth()).isEqualTo(300);
        WritableImage image = WaitForAsyncUtils.asyncFx(view::snapshotImage).get();
        int y = (int) image.getHeight() / 2;
        Color left = image.getPixelReader().getColor(60, y);
        Color right = image.getPixelReader().getColor(256, y);
        // Where the classes meet (x = 158, between the fourth and fifth cells' centres) the colour lies between theirs.
        Color middle = image.getPixelReader().getColor(158, y);
        assertThat(closer(left, palette.classColour(0), palette.classColour(1))).isTrue();
        assertThat(closer(right, palette.classColour(1), palette.classColour(0))).isTrue();
        assertThat(distance(middle, left)).isGreaterThan(0.05);
        assertThat(distance(middle, right)).isGreaterThan(0.05);
    }

    @Test
    void withoutPointsNoHeatmapIsShown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            view.setPoints(null);
            view.setFrame(everywhere(0, 1));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(distance(middle(), palette.plotBackground())).isLessThan(0.05);
        assertThat(view.heatUpdates()).isZero();
    }

    @Test
    void aLongMessageIsBrokenBetweenWordsIntoLinesThatFitTheView() {
        String message = "Run 2 (sweep lr 0.03 · batch 32) trained in a sweep, which records no decision regions.";
        List<String> lines = BoundaryView.wrapped(message, 160);
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(javafx.scene.text.Font.font(11));
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join(" ", lines)).isEqualTo(message);
        for (String line : lines) {
            measure.setText(line);
            assertThat(measure.getLayoutBounds().getWidth()).as(line).isLessThanOrEqualTo(160);
        }
        assertThat(BoundaryView.wrapped("short", 160)).containsExactly("short");
    }
}
