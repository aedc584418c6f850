package io.layerlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
        DashboardPalette palette = new DashboardPalette();
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
        return new SeriesData() {
            @Override
            public int size() {
                return c.iterations();
            }

            @Override
            public double x(int index) {
                return index + 1;
            }

            @Override
            public double y(int index) {
                return c.iterationLoss(index);
            }
        };
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

    @Test
    void whileCurvesGrowTheXAxisStaysOnARoundEndAheadOfTheDataAndFitsExactlyOnceTheyStop() {
        RunCurves curves = curve(1_450, 5);
        List<ChartView.Series> series = List.of(new ChartView.Series("raw", raw(curves), Color.BLUE, 1, 1, false));
        WaitForAsyncUtils.asyncFx(() -> {
            chart.setGrowing(true);
            chart.setSeries(series);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.shownMaxX()).isEqualTo(1_600);

        for (int i = 0; i < 100; i++) {
            curves.addIteration(0.5f);
        }
        WaitForAsyncUtils.asyncFx(() -> chart.setSeries(series));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.shownMaxX()).isEqualTo(1_600);
        assertThat(chart.drawnPoints("raw")).isEqualTo(1_550);

        WaitForAsyncUtils.asyncFx(() -> chart.setGrowing(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.shownMaxX()).isEqualTo(1_550);
    }
}
