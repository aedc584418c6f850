package io.layerlab.export;

import io.layerlab.train.sweep.CombinationSummary;
import io.layerlab.train.sweep.SweepResult;
import io.layerlab.train.sweep.SweepRun;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A sweep's loss curves overlaid in one PNG: one line per combination (the mean over its repeats,
 * with the lowest-to-highest band of the repeats around it), coloured by learning rate and dashed
 * by batch size, starting at epoch 0 (the untrained network). The loss axis turns logarithmic when
 * the curves span more than a factor of 20, and is cut at three times the highest untrained loss so
 * that an exploding run does not flatten every other curve.
 */
public final class SweepLossChart {
    private final SweepResult result;

    public SweepLossChart(SweepResult result) {
        this.result = result;
    }

    public void writePng(Path file, int width, int height) throws IOException {
        ChartFiles.writePng(build(), file, width, height);
    }

    JFreeChart build() {
        List<CombinationSummary> combinations = result.combinations();
        List<Double> rates = combinations.stream().map(c -> c.combination().learningRate()).distinct().sorted().toList();
        List<Integer> batches = combinations.stream().map(c -> c.combination().batchSize()).distinct().sorted().toList();
        List<String> variants = combinations.stream().map(SweepLossChart::variant).distinct().toList();
        double cap = 3 * result.runs().stream().map(SweepRun::initialLoss).filter(v -> v != null && v > 0)
                .mapToDouble(Double::doubleValue).max().orElse(Double.POSITIVE_INFINITY);

        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.18f);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (CombinationSummary c : combinations) {
            YIntervalSeries series = new YIntervalSeries(legend(c), false, true);
            double initial = c.runs().stream().map(SweepRun::initialLoss).filter(v -> v != null)
                    .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            if (Double.isFinite(initial)) series.add(0, initial, initial, initial);
            for (int e = 0; e < c.meanCurve().length; e++) {
                if (Double.isFinite(c.meanCurve()[e])) series.add(e + 1, c.meanCurve()[e], c.minCurve()[e], c.maxCurve()[e]);
            }
            for (int i = 0; i < series.getItemCount(); i++) {
                double v = series.getYValue(i);
                if (v > 0) min = Math.min(min, v);
                max = Math.max(max, Math.min(v, cap));
            }
            int index = dataset.getSeriesCount();
            dataset.addSeries(series);
            renderer.setSeriesPaint(index, SweepStyles.rateColor(rates.indexOf(c.combination().learningRate()), rates.size()));
            renderer.setSeriesFillPaint(index, SweepStyles.rateColor(rates.indexOf(c.combination().learningRate()), rates.size()));
            renderer.setSeriesStroke(index, SweepStyles.batchStroke(batches.indexOf(c.combination().batchSize())));
            int variant = variants.indexOf(variant(c));
            if (variant > 0) {
                renderer.setSeriesShapesVisible(index, true);
                renderer.setSeriesShape(index, SweepStyles.variantMarker(variant));
            }
        }
        String lossName = result.validated() ? "validation loss" : "training loss";
        boolean log = min > 0 && Double.isFinite(min) && max / min > 20;
        ValueAxis yAxis;
        if (log) {
            LogAxis axis = LogAxes.decades(lossName + " (log scale)");
            axis.setSmallestValue(min / 2);
            axis.setRange(min / 1.5, max * 1.5);
            yAxis = axis;
        } else {
            NumberAxis axis = new NumberAxis(lossName);
            axis.setAutoRangeIncludesZero(true);
            if (max > 0) axis.setRange(0, max * 1.05);
            yAxis = axis;
        }
        NumberAxis xAxis = new NumberAxis("epoch (0 = untrained)");
        xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        int epochs = combinations.stream().mapToInt(c -> c.meanCurve().length).max().orElse(0);
        xAxis.setRange(0, Math.max(1, epochs));
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart(capitalised(lossName) + " — " + result.plan().projectName(),
                new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.addSubtitle(new TextTitle(subtitle(), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** What besides rate and batch size the combination varies: its optimizer and activation, when the sweep varies them. */
    private static String variant(CombinationSummary c) {
        return c.combination().optimizer() + "/" + c.combination().activation();
    }

    private String subtitle() {
        String text = "colour: learning rate (blue lowest, red highest) · line: batch size";
        boolean optimizers = result.spec().optimizers().size() > 1;
        boolean activation = result.spec().activation() != null;
        if (optimizers || activation) {
            text += " · marker: " + (optimizers && activation ? "optimizer and activation" : optimizers ? "optimizer" : "activation");
        }
        int repeats = result.spec().repeats();
        return repeats > 1 ? text + " · band: lowest to highest of " + repeats + " seeds" : text;
    }

    private static String legend(CombinationSummary c) {
        if (c.diverged() == 0) return c.combination().label();
        if (c.allDiverged()) return c.combination().label() + " (diverged)";
        return c.combination().label() + " (" + c.diverged() + "/" + c.runs().size() + " diverged)";
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
