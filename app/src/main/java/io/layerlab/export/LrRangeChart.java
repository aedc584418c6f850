package io.layerlab.export;

import io.layerlab.train.sweep.LearningRates;
import io.layerlab.train.sweep.LrRangeResult;
import io.layerlab.train.sweep.LrRangeTest;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A learning-rate range test as a PNG: each iteration's loss (light) and its smoothed trend against
 * the learning rate on a log axis, the suggested rate marked in green and the rate of the lowest
 * trend in grey. The loss axis stops at one and a half times the highest trend value up to the
 * minimum, so the explosion at the end does not squash the part that matters.
 */
public final class LrRangeChart {
    private final LrRangeResult result;
    private final String projectName;

    public LrRangeChart(LrRangeResult result, String projectName) {
        this.result = result;
        this.projectName = projectName;
    }

    public void writePng(Path file, int width, int height) throws IOException {
        ChartFiles.writePng(build(), file, width, height);
    }

    JFreeChart build() {
        List<LrRangeTest.Point> points = result.points();
        XYSeries raw = new XYSeries("loss of each minibatch", false, true);
        XYSeries trend = new XYSeries("smoothed (centred moving average)", false, true);
        double top = 0;
        boolean beforeMinimum = true;
        for (int i = 0; i < points.size(); i++) {
            double rate = points.get(i).learningRate();
            raw.add(rate, points.get(i).loss());
            trend.add(rate, result.trend()[i]);
            if (beforeMinimum) top = Math.max(top, result.trend()[i]);
            if (rate >= result.minLossRate()) beforeMinimum = false;
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(raw);
        dataset.addSeries(trend);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, new Color(0xb0b0b0));
        renderer.setSeriesStroke(0, new BasicStroke(1f));
        renderer.setSeriesPaint(1, new Color(0x2166ac));
        renderer.setSeriesStroke(1, new BasicStroke(2.5f));

        LogAxis xAxis = LogAxes.decades("learning rate (log scale)");
        xAxis.setRange(result.settings().minRate(), result.settings().maxRate());
        NumberAxis yAxis = new NumberAxis("loss");
        yAxis.setAutoRangeIncludesZero(false);
        if (top > 0) yAxis.setRange(0, top * 1.5);
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        if (Double.isFinite(result.minLossRate())) {
            plot.addDomainMarker(marker(result.minLossRate(), new Color(0x777777), true,
                    "lowest at " + LearningRates.format(result.minLossRate(), 2), TextAnchor.TOP_LEFT));
        }
        if (Double.isFinite(result.suggestedRate()) && !result.neverFell()) {
            plot.addDomainMarker(marker(result.suggestedRate(), new Color(0x1a9850), false,
                    "suggested " + LearningRates.format(result.suggestedRate()), TextAnchor.TOP_RIGHT));
        }
        JFreeChart chart = new JFreeChart("Learning-rate range test — " + projectName,
                new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.addSubtitle(new TextTitle(result.optimizer() + " · batch " + result.batchSize() + " · " + points.size()
                + " iterations · " + result.ending().name().toLowerCase(java.util.Locale.ROOT),
                new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static ValueMarker marker(double rate, Color color, boolean dashed, String label, TextAnchor anchor) {
        BasicStroke stroke = dashed
                ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(2.5f);
        ValueMarker marker = new ValueMarker(rate, color, stroke);
        marker.setLabel(label);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        marker.setLabelPaint(color);
        marker.setLabelAnchor(anchor == TextAnchor.TOP_LEFT ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(anchor);
        return marker;
    }
}
