package io.layerlab.ui.training;

import io.layerlab.ui.support.ChartPalette;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ChartViewTest {
    private ChartView chart;

    @Start
    void start(Stage stage) {
        ChartPalette palette = new ChartPalette();
        chart = new ChartView(palette, "iteration", "loss");
        javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(chart, palette);
        stage.setScene(new Scene(root, 900, 400));
        stage.show();
    }

    private static RunCurves curve(int points, long seed) {
        RunCurves curves = new RunCurves();
        Random random = new Random(seed);
        for (int i = 0; i < points; i++) {
            curves.addIteration((float) (Math.exp(-i / 30_000.0) + 0.05 * random.nextGaussian() + 0.1));
        }
        return curves;
    }

    private static SeriesData raw(RunCurves c) {
        return SeriesData.numbered(c::iterations, c::iterationLoss);
    }

    @Test
    void tenRunsOfAHundredThousandPointsAreDrawnWithAtMostTwoPointsPerPixelColumn() {
        List<ChartView.Series> series = new ArrayList<>();
        for (int run = 0; run < 10; run++) {
            series.add(new ChartView.Series("raw-" + run, raw(curve(100_000, run)), Color.hsb(run * 36, 0.8, 0.8), 1, 0.3, false));
        }
        WaitForAsyncUtils.asyncFx(() -> chart.setSeries(series));
        WaitForAsyncUtils.waitForFxEvents();

        double plotWidth = chart.getWidth() - 58 - 16;
        for (int run = 0; run < 10; run++) {
            assertThat(chart.drawnPoints("raw-" + run)).isPositive().isLessThanOrEqualTo((int) (2 * plotWidth) + 2);
        }
        assertThat(chart.shownMinX()).isEqualTo(1);
        assertThat(chart.shownMaxX()).isEqualTo(100_000);
    }

    @Test
    void aLongSmoothedCurveIsABandThroughAColumnPerFourPixelsThatCoversAllTheFinerBandCovers() {
        RunCurves curves = curve(100_000, 3);
        long before = chart.strokedPoints();
        show(List.of(new ChartView.Series("envelope", smoothed(curves), Color.STEELBLUE, 2.2, 1, false)));
        javafx.scene.image.Image asEnvelope = snapshot();
        long envelopePoints = chart.strokedPoints() - before;

        before = chart.strokedPoints();
        // Another key: the chart takes it for another curve, decimates it afresh and paints it whole.
        show(List.of(new ChartView.Series("smooth", smoothed(curves), Color.STEELBLUE, 2.2, 1, false).asSmooth()));
        javafx.scene.image.Image asSmooth = snapshot();
        long smoothPoints = chart.strokedPoints() - before;

        double plotWidth = chart.getWidth() - 58 - 16;
        assertThat(envelopePoints).as("a wide line: a column per two pixels").isBetween((long) (0.45 * plotWidth), (long) (plotWidth / 2) + 3);
        assertThat(smoothPoints).as("a smooth line: a column per four pixels").isBetween((long) (0.2 * plotWidth), (long) (plotWidth / 4) + 3);
        int[] inked = inkedOnlyIn(asEnvelope, asSmooth);
        assertThat(inked[2]).as("the curve's pixels").isGreaterThan(2_000);
        // Wider columns take the extremes of more points: the band is as wide or wider, never narrower.
        assertThat(inked[0]).as("pixels the finer band covers and the coarser does not").isLessThanOrEqualTo(inked[2] / 100);
    }

    @Test
    void aCurveWithManyPointsPerColumnIsFilledAsABandAsWideAsTheLineThroughFewerPoints() {
        // A loss falling steeply, then flat, without noise: 100,000 points (a band) and 300 (a stroked line).
        IntToDoubleFunction loss = i -> 3 * Math.exp(-i / 4_000.0) + 0.2;
        SeriesData dense = SeriesData.numbered(() -> 100_000, loss);
        SeriesData sparse = new SeriesData() {
            @Override public int size() { return 300; }
            @Override public double x(int index) { return 1 + index * (99_999.0 / 299); }
            @Override public double y(int index) { return loss.applyAsDouble((int) Math.round(x(index)) - 1); }
        };
        long before = chart.strokedPoints();
        show(List.of(new ChartView.Series("dense", dense, Color.STEELBLUE, 2.2, 1, false)));
        javafx.scene.image.Image asBand = snapshot();
        long bandPoints = chart.strokedPoints() - before;
        show(List.of(new ChartView.Series("sparse", sparse, Color.STEELBLUE, 2.2, 1, false)));
        javafx.scene.image.Image asLine = snapshot();

        double plotWidth = chart.getWidth() - 58 - 16;
        assertThat(bandPoints).as("the band's upper edge: a point per column").isBetween((long) (0.45 * plotWidth), (long) (plotWidth / 2) + 3);
        int[] inked = inkedOnlyIn(asBand, asLine);
        assertThat(inked[2]).as("the curve's pixels").isGreaterThan(1_500);
        // As wide across the steep part as on the flat (a band widened only upright would thin out
        // where the curve falls: a quarter of the line's pixels were missing then).
        assertThat(inked[0] + inked[1]).as("pixels inked in one drawing only").isLessThanOrEqualTo(inked[2] * 3 / 100);
    }

    /**
     * Pixels inked (far from the chart's background) in {@code a} and not in {@code b}, in {@code b}
     * and not in {@code a}, and in either, inside the plot.
     */
    private int[] inkedOnlyIn(javafx.scene.image.Image a, javafx.scene.image.Image b) {
        int background = a.getPixelReader().getArgb((int) a.getWidth() - 20, 20);
        int[] counts = new int[3];
        for (int y = 18; y < (int) a.getHeight() - 24; y++) {
            for (int x = 60; x < (int) a.getWidth() - 18; x++) {
                boolean inA = inked(a.getPixelReader().getArgb(x, y), background);
                boolean inB = inked(b.getPixelReader().getArgb(x, y), background);
                if (inA && !inB) counts[0]++;
                if (inB && !inA) counts[1]++;
                if (inA || inB) counts[2]++;
            }
        }
        return counts;
    }

    private static boolean inked(int argb, int background) {
        for (int shift = 0; shift < 24; shift += 8) {
            if (Math.abs((argb >> shift & 0xff) - (background >> shift & 0xff)) > 96) return true;
        }
        return false;
    }

    @Test
    void aDivergedTailDoesNotStretchTheLossAxis() {
        RunCurves curves = curve(1_000, 3);
        curves.addIteration(1e9f);
        ChartView.Series diverged = new ChartView.Series("raw", raw(curves), Color.RED, 1, 1, false, 1_001);
        WaitForAsyncUtils.asyncFx(() -> chart.setSeries(List.of(diverged)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(chart.shownMaxY()).isLessThan(2);
    }

    @Test
    void unchangedCurvesAreNotRedrawn() {
        RunCurves curves = curve(500, 4);
        List<ChartView.Series> series = List.of(new ChartView.Series("raw", raw(curves), Color.BLUE, 1, 1, false));
        WaitForAsyncUtils.asyncFx(() -> chart.setSeries(series));
        WaitForAsyncUtils.waitForFxEvents();
        long drawn = chart.redraws();

        WaitForAsyncUtils.asyncFx(() -> chart.setSeries(series));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.redraws()).isEqualTo(drawn);

        curves.addIteration(0.5f);
        WaitForAsyncUtils.asyncFx(() -> chart.setSeries(series));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.redraws()).isEqualTo(drawn + 1);
        assertThat(chart.drawnPoints("raw")).isEqualTo(501);
    }

    /** A growing run's raw loss and smoothed loss, as the iterations chart shows them live. */
    private static List<ChartView.Series> liveRawAndSmoothed(RunCurves live) {
        return List.of(new ChartView.Series("raw", raw(live), Color.STEELBLUE, 1, 0.3, false).asLive(),
                new ChartView.Series("smooth", smoothed(live), Color.STEELBLUE, 2.2, 1, false).asSmooth().asLive());
    }

    private static SeriesData smoothed(RunCurves c) {
        return SeriesData.numbered(c::iterations, c::smoothedLoss);
    }

    /** A live run's curves: every loss thin and faint, the smoothed loss bold, as the dashboard draws them. */
    private static List<ChartView.Series> liveSeries(RunCurves c) {
        return List.of(new ChartView.Series("raw", raw(c), Color.STEELBLUE, 1, 0.3, false),
                new ChartView.Series("smooth", smoothed(c), Color.STEELBLUE, 2.2, 1, false).asSmooth());
    }

    private static void grow(RunCurves curves, int to, Random random) {
        while (curves.iterations() < to) {
            curves.addIteration((float) (Math.exp(-curves.iterations() / 1_500.0) + 0.1 * random.nextGaussian() + 0.3));
        }
    }

    private void show(List<ChartView.Series> series) {
        WaitForAsyncUtils.asyncFx(() -> chart.setSeries(series));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private javafx.scene.image.Image snapshot() {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(chart::snapshotImage));
    }

    /** Pixels whose colour differs by more than a rounding step of anti-aliasing. */
    private static int differingPixels(javafx.scene.image.Image a, javafx.scene.image.Image b) {
        int differing = 0;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                int p = a.getPixelReader().getArgb(x, y);
                int q = b.getPixelReader().getArgb(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    if (Math.abs((p >> shift & 0xff) - (q >> shift & 0xff)) > 8) {
                        differing++;
                        break;
                    }
                }
            }
        }
        return differing;
    }

    @Test
    void aGrowingRunWithAPlannedEndFillsTheAxisToThatEndAndItsGrowthNeverMovesIt() {
        RunCurves curves = new RunCurves();
        Random random = new Random(5);
        List<ChartView.Series> series = liveSeries(curves);
        WaitForAsyncUtils.asyncFx(() -> {
            chart.setGrowing(true);
            chart.setPlannedEnd(4_000);
        });
        grow(curves, 10, random);
        show(series);
        assertThat(new double[]{chart.shownMinX(), chart.shownMaxX()}).containsExactly(1, 4_000);

        for (int to = 400; to <= 4_000; to += 400) {
            grow(curves, to, random);
            show(series);
            assertThat(chart.shownMaxX()).isEqualTo(4_000);
        }
        // (It may still be painted whole as the loss falls out of the y axis, or the thin curve turns to columns.)
        assertThat(chart.wholePaintReasons()).as("the axis stayed as the run grew").doesNotContainKey("x axis");
        WaitForAsyncUtils.asyncFx(() -> chart.setGrowing(false));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(chart.shownMaxX()).as("the run ended where it was planned to").isEqualTo(4_000);
        assertThat(chart.wholePaintReasons()).doesNotContainKey("x axis");

        // Without a plan the same growth moves the axis, and each move paints the chart whole.
        RunCurves unplanned = new RunCurves();
        Random again = new Random(5);
        List<ChartView.Series> other = liveSeries(unplanned);
        WaitForAsyncUtils.asyncFx(() -> {
            chart.setPlannedEnd(Double.NaN);
            chart.setGrowing(true);
        });
        grow(unplanned, 10, again);
        show(other);
        int axisPaints = chart.wholePaintReasons().getOrDefault("x axis", 0);
        for (int to = 400; to <= 4_000; to += 400) {
            grow(unplanned, to, again);
            show(other);
        }
        assertThat(chart.wholePaintReasons().getOrDefault("x axis", 0)).isGreaterThan(axisPaints);
    }

    @Test
    void aRunThatOutgrowsItsPlanMovesTheAxisAheadOfItAsWithoutOne() {
        RunCurves curves = new RunCurves();
        Random random = new Random(9);
        List<ChartView.Series> series = liveSeries(curves);
        WaitForAsyncUtils.asyncFx(() -> {
            chart.setGrowing(true);
            chart.setPlannedEnd(1_000);
        });
        grow(curves, 1_500, random);
        show(series);

        assertThat(chart.shownMaxX()).isGreaterThan(1_500);
    }

    @Test
    void aGrowingCurvePaintedInStripsShowsEverySegmentAsAWholePaintWould() {
        RunCurves curves = new RunCurves();
        Random random = new Random(7);
        List<ChartView.Series> series = liveSeries(curves);
        WaitForAsyncUtils.asyncFx(() -> chart.setGrowing(true));
        grow(curves, 2_100, random);
        show(series);
        long fullPaints = chart.fullPaints();
        long paints = chart.redraws();
        // 2,100 points end the axis at 3,000: these stay inside it, thin curve drawn as columns throughout.
        for (int to = 2_150; to <= 2_600; to += 50) {
            grow(curves, to, random);
            show(series);
        }
        assertThat(chart.shownMaxX()).isEqualTo(3_000);
        assertThat(chart.redraws() - paints).isEqualTo(10);
        assertThat(chart.fullPaints()).as("only strips were painted").isEqualTo(fullPaints);
        javafx.scene.image.Image inStrips = snapshot();

        javafx.scene.image.Image whole = paintedWhole(series);
        assertThat(chart.fullPaints()).isEqualTo(fullPaints + 2);
        assertThat(differingPixels(inStrips, whole)).isZero();
    }

    @Test
    void epochCurvesWithADashedLineAndAMovingBestMarkPaintedInStripsLookAsAWholePaint() {
        List<Double> train = new ArrayList<>();
        List<Double> validation = new ArrayList<>();
        Random random = new Random(9);
        int[] best = {0};
        List<ChartView.Series> series = List.of(
                new ChartView.Series("train", listData(train), Color.DARKORANGE, 1.6, 0.85, true),
                new ChartView.Series("val", listData(validation), Color.DARKORANGE, 2.4, 1, false));
        WaitForAsyncUtils.asyncFx(() -> {
            chart.setGrowing(true);
            chart.setMarks(() -> best[0] == 0 ? List.of() : List.of(
                    new ChartView.VerticalLine(best[0], "best · epoch " + best[0], Color.GREEN, true),
                    new ChartView.Dot(best[0], validation.get(best[0] - 1), Color.DARKORANGE, true)));
        });
        for (int epoch = 1; epoch <= 11; epoch++) {
            train.add(1.0 / epoch + 0.05 * random.nextDouble());
            validation.add(1.2 / epoch + 0.1 * random.nextDouble());
            if (best[0] == 0 || validation.get(epoch - 1) < validation.get(best[0] - 1)) {
                best[0] = epoch;
            }
            show(series);
        }
        assertThat(chart.shownMaxX()).isEqualTo(15);
        long fullPaints = chart.fullPaints();
        for (int epoch = 12; epoch <= 13; epoch++) {
            train.add(1.0 / epoch);
            validation.add(epoch == 12 ? 0.01 : 0.5);
            best[0] = 12;
            show(series);
        }
        assertThat(chart.shownMaxX()).isEqualTo(15);
        assertThat(chart.fullPaints()).as("the new best epoch and the curves' growth were painted as strips").isEqualTo(fullPaints);
        javafx.scene.image.Image inStrips = snapshot();

        assertThat(differingPixels(inStrips, paintedWhole(series))).isZero();
    }

    @Test
    void theLiveLayerShowsACurveWhereTheSettledLayerDoesAndAMarkAtThePlotsLeftEdgeWhole() {
        List<Double> values = new ArrayList<>();
        for (int epoch = 1; epoch <= 40; epoch++) {
            values.add(1.0 / epoch);
        }
        ChartView.Series settled = new ChartView.Series("val", listData(values), Color.DARKORANGE, 2.4, 1, false);
        show(List.of(settled));
        javafx.scene.image.Image onTheSettledLayer = snapshot();
        show(List.of(settled.asLive()));
        assertThat(differingPixels(snapshot(), onTheSettledLayer)).as("the live layer lies exactly over the settled one").isZero();

        // A dot on the first point, at the plot's left edge: half of it lies left of the plot, over the y axis.
        WaitForAsyncUtils.asyncFx(() -> chart.setMarks(() -> List.of(new ChartView.Dot(1, values.get(0), Color.MAGENTA, false))));
        chart.redraw();
        javafx.scene.image.Image withDot = snapshot();
        int[] columns = columnsWith(withDot, Color.MAGENTA);
        assertThat(columns[1] - columns[0] + 1).as("the dot's width in pixels (8, its stroke and anti-aliasing)").isBetween(9, 11);
    }

    /** The first and last pixel column holding {@code colour} (within anti-aliasing), or {-1, -2}. */
    private static int[] columnsWith(javafx.scene.image.Image image, Color colour) {
        int first = -1;
        int last = -2;
        for (int x = 0; x < (int) image.getWidth(); x++) {
            for (int y = 0; y < (int) image.getHeight(); y++) {
                Color c = image.getPixelReader().getColor(x, y);
                if (Math.abs(c.getRed() - colour.getRed()) + Math.abs(c.getGreen() - colour.getGreen())
                        + Math.abs(c.getBlue() - colour.getBlue()) < 0.35) {
                    first = first < 0 ? x : first;
                    last = x;
                    break;
                }
            }
        }
        return new int[]{first, last};
    }

    /** The chart after showing nothing and then the series again, which paints them whole. */
    private javafx.scene.image.Image paintedWhole(List<ChartView.Series> series) {
        show(List.of());
        show(series);
        return snapshot();
    }

    private static SeriesData listData(List<Double> values) {
        return SeriesData.numbered(values::size, values::get);
    }

    @Test
    void aBestEpochLabelInANarrowChartStaysInsideThePlot() {
        // Ninety epochs, the best in the middle of a chart about 150 pixels wide: "best · epoch 45"
        // fits on neither side of its line there; to the left it would run over the axis' numbers.
        List<Double> values = new ArrayList<>();
        for (int epoch = 1; epoch <= 90; epoch++) {
            values.add(1.0 / epoch);
        }
        Color markColour = Color.rgb(0, 200, 0);
        WaitForAsyncUtils.asyncFx(() -> {
            chart.setMaxWidth(230);
            chart.setMarks(() -> List.of(new ChartView.VerticalLine(45, "best · epoch 45", "best", markColour, true, false)));
        });
        show(List.of(new ChartView.Series("val", listData(values), Color.DARKORANGE, 2.4, 1, false)));
        javafx.scene.image.Image image = snapshot();

        int lineX = -1;
        int leftOfPlot = 0;
        int besideLine = 0;
        for (int x = 0; x < (int) image.getWidth(); x++) {
            int column = 0;
            for (int y = 0; y < (int) image.getHeight(); y++) {
                Color c = image.getPixelReader().getColor(x, y);
                if (c.getGreen() > 0.6 && c.getRed() < 0.3 && c.getBlue() < 0.3) {
                    column++;
                }
            }
            if (column > 40) lineX = x;
            if (x < 58) leftOfPlot += column;
        }
        for (int x = 0; x < (int) image.getWidth(); x++) {
            if (Math.abs(x - lineX) <= 1) continue;
            for (int y = 0; y < (int) image.getHeight(); y++) {
                Color c = image.getPixelReader().getColor(x, y);
                if (c.getGreen() > 0.6 && c.getRed() < 0.3 && c.getBlue() < 0.3) besideLine++;
            }
        }
        assertThat(lineX).as("the dashed line").isGreaterThan(58);
        assertThat(leftOfPlot).as("label pixels over the axis").isZero();
        assertThat(besideLine).as("the label's pixels").isGreaterThan(15);
    }

    @Test
    void aCurveThatOutgrowsItsAxisIsRepaintedWholeOnTheNewAxis() {
        RunCurves curves = new RunCurves();
        Random random = new Random(8);
        List<ChartView.Series> series = liveSeries(curves);
        WaitForAsyncUtils.asyncFx(() -> chart.setGrowing(true));
        grow(curves, 1_500, random);
        show(series);
        assertThat(chart.shownMaxX()).isEqualTo(2_000);
        long fullPaints = chart.fullPaints();

        grow(curves, 1_900, random);
        show(series);
        assertThat(chart.shownMaxX()).isEqualTo(3_000);
        assertThat(chart.fullPaints()).isEqualTo(fullPaints + 1);
        javafx.scene.image.Image grown = snapshot();

        assertThat(differingPixels(grown, paintedWhole(series))).isZero();
    }

    @Test
    void aNewRunInsideTheFinishedRunsAxesLeavesThemAsTheyAreAndIsPaintedInStrips() {
        RunCurves finished = new RunCurves();
        grow(finished, 3_000, new Random(11));
        ChartView.Series done = new ChartView.Series("smooth-1", smoothed(finished), Color.STEELBLUE, 2.2, 1, false).asSmooth();
        show(List.of(done));
        assertThat(chart.shownMaxX()).isEqualTo(3_000);
        double[] fitted = {chart.shownMinY(), chart.shownMaxY()};

        // The same training again: its curve stays inside the first one's axes.
        RunCurves live = new RunCurves();
        Random again = new Random(11);
        List<ChartView.Series> both = List.of(done,
                new ChartView.Series("smooth-2", smoothed(live), Color.DARKORANGE, 2.2, 1, false).asSmooth());
        WaitForAsyncUtils.asyncFx(() -> chart.setGrowing(true));
        grow(live, 10, again);
        show(both);
        long fullPaints = chart.fullPaints();
        for (int to = 300; to <= 3_000; to += 300) {
            grow(live, to, again);
            show(both);
            assertThat(chart.shownMaxX()).isEqualTo(3_000);
        }
        WaitForAsyncUtils.asyncFx(() -> chart.setGrowing(false));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(new double[]{chart.shownMinX(), chart.shownMaxX(), chart.shownMinY(), chart.shownMaxY()})
                .containsExactly(1, 3_000, fitted[0], fitted[1]);
        assertThat(chart.fullPaints()).as("the run's growth and end were painted as strips").isEqualTo(fullPaints);
        assertThat(chart.wholePaintReasons()).doesNotContainKeys("x axis", "y axis");
    }

    @Test
    void aLiveRunGrowsOnALayerOfItsOwnAndTheChartLooksAsWhenPaintedWhole() {
        // Three finished runs, then the first one's training again, live, above them.
        List<ChartView.Series> series = finishedRuns(3, 10);
        show(series);
        long settledPaints = chart.fullPaints();

        RunCurves live = new RunCurves();
        Random again = new Random(11);
        series.add(new ChartView.Series("raw-4", raw(live), Color.DARKORANGE, 1, 0.3, false).asLive());
        series.add(new ChartView.Series("smooth-4", smoothed(live), Color.DARKORANGE, 2.2, 1, false).asSmooth().asLive());
        WaitForAsyncUtils.asyncFx(() -> chart.setGrowing(true));
        for (int to = 10; to <= 3_000; to += to < 100 ? 30 : 290) {
            grow(live, to, again);
            show(series);
        }
        WaitForAsyncUtils.asyncFx(() -> chart.setGrowing(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.fullPaints()).as("the finished runs' layer was never painted again").isEqualTo(settledPaints);
        assertThat(chart.drawnPoints("raw-4")).as("the live run drawn to its end").isPositive();
        javafx.scene.image.Image inStrips = snapshot();

        assertThat(differingPixels(inStrips, paintedWhole(series))).isZero();
    }

    @Test
    void aLiveCurveGrowingInSmallStepsLooksAfterEachAsWhenPaintedWhole() {
        RunCurves live = new RunCurves();
        Random random = new Random(12);
        List<ChartView.Series> series = liveRawAndSmoothed(live);
        WaitForAsyncUtils.asyncFx(() -> chart.setGrowing(true));
        grow(live, 2_100, random);
        show(series);
        assertThat(chart.shownMaxX()).isEqualTo(3_000);

        // Steps this small move the smoothed curve's last shown point within its column group (a
        // point per four pixels): a strip starting at the last point drawn left a sliver of the old line.
        for (int to = 2_110; to <= 2_400; to += 10) {
            long fullPaints = chart.fullPaints();
            grow(live, to, random);
            show(series);
            assertThat(chart.fullPaints()).isEqualTo(fullPaints);
            javafx.scene.image.Image inStrips = snapshot();
            assertThat(differingPixels(inStrips, paintedWhole(series))).as("after iteration " + to).isZero();
        }
    }

    @Test
    void theLiveLayersTilesShowDenseAndBandCurvesExactlyAsTheSettledLayersOneCanvas() {
        // Both ways of drawing many points: the thin raw loss as a span per column, the bold smoothed
        // one as a band; each tile draws its part of them, and no seam shows where tiles meet.
        RunCurves run = new RunCurves();
        grow(run, 3_000, new Random(5));
        ChartView.Series raw = new ChartView.Series("raw", raw(run), Color.STEELBLUE, 1, 0.3, false);
        ChartView.Series smooth = new ChartView.Series("smooth", smoothed(run), Color.STEELBLUE, 2.2, 1, false).asSmooth();
        show(List.of(raw, smooth));
        javafx.scene.image.Image onOneCanvas = snapshot();
        show(List.of(raw.asLive(), smooth.asLive()));
        javafx.scene.image.Image inTiles = snapshot();

        assertThat(chart.liveTiles()[0]).as("tiles across the plot").isGreaterThan(4);
        assertThat(differingPixels(inTiles, onOneCanvas)).isZero();
    }

    @Test
    void aLiveCurvesGrowthDrawsOnlyTheTilesAroundItsNewestPoints() {
        RunCurves live = new RunCurves();
        Random random = new Random(13);
        List<ChartView.Series> series = liveRawAndSmoothed(live);
        WaitForAsyncUtils.asyncFx(() -> chart.setGrowing(true));
        grow(live, 1_500, random);
        show(series);
        long[] before = chart.liveTiles();
        long fullPaints = chart.fullPaints();

        for (int to = 1_520; to <= 1_600; to += 20) {
            grow(live, to, random);
            show(series);
        }

        assertThat(chart.fullPaints()).isEqualTo(fullPaints);
        assertThat(chart.liveTiles()[1] - before[1]).as("tiles drawn by four strips, of %d", before[0]).isBetween(4L, 8L);
        assertThat(differingPixels(snapshot(), paintedWhole(series))).isZero();
    }

    @Test
    void aRunThatStartsPaintsOnlyTheTilesItsFirstPointsReachAndTheOthersStayAsTheyWere() {
        RunCurves live = new RunCurves();
        Random random = new Random(14);
        List<ChartView.Series> series = liveRawAndSmoothed(live);
        WaitForAsyncUtils.asyncFx(() -> {
            chart.setGrowing(true);
            chart.setPlannedEnd(3_000);
        });
        show(List.of());
        long[] before = chart.liveTiles();

        grow(live, 40, random);
        show(series);

        assertThat(chart.shownMaxX()).isEqualTo(3_000);
        assertThat(chart.liveTiles()[1] - before[1]).as("tiles drawn, of %d", before[0]).isEqualTo(1);
        assertThat(differingPixels(snapshot(), paintedWhole(series))).isZero();
    }

    /** {@code runs} finished runs of 3,000 iterations, raw and smoothed curves each, seeded {@code seed} + run. */
    private static List<ChartView.Series> finishedRuns(int runs, int seed) {
        List<ChartView.Series> series = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            RunCurves finished = new RunCurves();
            grow(finished, 3_000, new Random(seed + run));
            Color colour = Color.hsb(run * 90, 0.8, 0.7);
            series.add(new ChartView.Series("raw-" + run, raw(finished), colour, 1, 0.3, false));
            series.add(new ChartView.Series("smooth-" + run, smoothed(finished), colour, 2.2, 1, false).asSmooth());
        }
        return series;
    }

    @Test
    void aRunThatEndsAddsItsCurvesOverTheFinishedRunsWithoutPaintingThemAgain() {
        List<ChartView.Series> finished = finishedRuns(3, 20);
        RunCurves live = new RunCurves();
        grow(live, 3_000, new Random(24));
        ChartView.Series raw = new ChartView.Series("raw-4", raw(live), Color.DARKORANGE, 1, 0.3, false);
        ChartView.Series smooth = new ChartView.Series("smooth-4", smoothed(live), Color.DARKORANGE, 2.2, 1, false).asSmooth();
        List<ChartView.Series> training = new ArrayList<>(finished);
        training.addAll(List.of(raw.asLive(), smooth.asLive()));
        show(training);
        long fullPaints = chart.fullPaints();
        long added = chart.addedPaints();

        List<ChartView.Series> ended = new ArrayList<>(finished);
        ended.addAll(List.of(raw, smooth));
        show(ended);
        assertThat(chart.addedPaints()).isEqualTo(added + 1);
        assertThat(chart.fullPaints()).as("the finished runs were not painted again").isEqualTo(fullPaints);
        javafx.scene.image.Image addedOnTop = snapshot();

        assertThat(differingPixels(addedOnTop, paintedWhole(ended))).isZero();
    }

    @Test
    void whileCurvesGrowTheXAxisStaysOnARoundEndAheadOfTheDataAndFitsExactlyOnceTheyStop() {
        RunCurves curves = curve(1_450, 5);
        List<ChartView.Series> series = List.of(new ChartView.Series("raw", raw(curves), Color.BLUE, 1, 1, false));
        WaitForAsyncUtils.asyncFx(() -> {
            chart.setGrowing(true);
            chart.setSeries(series);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.shownMaxX()).isEqualTo(2_000);
        int drawnBefore = chart.drawnPoints("raw");

        for (int i = 0; i < 100; i++) {
            curves.addIteration(i % 2 == 0 ? 0.5f : 0.7f);
        }
        WaitForAsyncUtils.asyncFx(() -> chart.setSeries(series));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.shownMaxX()).isEqualTo(2_000);
        assertThat(chart.drawnPoints("raw")).as("the new points drawn on the same axis").isGreaterThan(drawnBefore);

        WaitForAsyncUtils.asyncFx(() -> chart.setGrowing(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.shownMaxX()).isEqualTo(1_550);
    }
}
