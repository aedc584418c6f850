package io.layerlab.export;

import io.layerlab.train.sweep.CombinationSummary;
import io.layerlab.train.sweep.LearningRates;
import io.layerlab.train.sweep.SweepResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * The final loss of a sweep as a grid: learning rate across, batch size up, one cell per
 * combination coloured on a log scale from green (lowest loss) to red (highest), its value written
 * in it (the mean over repeats), diverged cells dark grey, the best cell outlined. A sweep that also
 * varies the optimizer or an activation gets one grid per optimizer and activation.
 */
public final class SweepHeatmap {
    /** One grid: {@code variant} names its optimizer and activation when the sweep varies them, else it is empty. */
    public record Grid(String variant, List<CombinationSummary> cells) { }

    private final SweepResult result;

    public SweepHeatmap(SweepResult result) {
        this.result = result;
    }

    /** The grids to draw: one, unless the sweep varies optimizers or an activation. */
    public List<Grid> grids() {
        boolean optimizers = result.spec().optimizers().size() > 1;
        Map<String, List<CombinationSummary>> byVariant = new LinkedHashMap<>();
        for (CombinationSummary c : result.combinations()) {
            List<String> parts = new ArrayList<>();
            if (optimizers) parts.add(c.combination().optimizer());
            if (c.combination().activation() != null) parts.add(c.combination().activation());
            byVariant.computeIfAbsent(String.join("-", parts), k -> new ArrayList<>()).add(c);
        }
        return byVariant.entrySet().stream().map(e -> new Grid(e.getKey(), e.getValue())).toList();
    }

    public void writePng(Grid grid, Path file, int width, int height) throws IOException {
        ChartFiles.writePng(build(grid), file, width, height);
    }

    JFreeChart build(Grid grid) {
        List<Double> rates = grid.cells().stream().map(c -> c.combination().learningRate()).distinct().sorted().toList();
        List<Integer> batches = grid.cells().stream().map(c -> c.combination().batchSize()).distinct().sorted().toList();
        double lo = grid.cells().stream().map(CombinationSummary::finalLossMean).filter(Objects::nonNull)
                .filter(v -> v > 0).mapToDouble(Double::doubleValue).min().orElse(1e-3);
        double hi = grid.cells().stream().map(CombinationSummary::finalLossMean).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(1);
        if (!(hi > lo)) hi = lo * 1.01;
        LogScale scale = new LogScale(lo, hi);

        int n = grid.cells().size();
        double[][] xyz = new double[3][n];
        XYPlot plot = new XYPlot();
        CombinationSummary best = null;
        for (int i = 0; i < n; i++) {
            CombinationSummary c = grid.cells().get(i);
            double x = rates.indexOf(c.combination().learningRate());
            double y = batches.indexOf(c.combination().batchSize());
            Double value = c.finalLossMean();
            xyz[0][i] = x;
            xyz[1][i] = y;
            xyz[2][i] = c.allDiverged() || value == null ? Double.NaN : value;
            XYTextAnnotation text = new XYTextAnnotation(cellText(c), x, y);
            text.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            text.setPaint(Double.isNaN(xyz[2][i]) ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(text);
            if (value != null && (best == null || value < best.finalLossMean())) best = c;
        }
        if (best != null) {
            double x = rates.indexOf(best.combination().learningRate());
            double y = batches.indexOf(best.combination().batchSize());
            plot.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(x - 0.47, y - 0.47, 0.94, 0.94),
                    new BasicStroke(3f), Color.BLACK));
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("final loss", xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        SymbolAxis xAxis = new SymbolAxis("learning rate", rates.stream().map(LearningRates::format).toArray(String[]::new));
        SymbolAxis yAxis = new SymbolAxis("batch size", batches.stream().map(String::valueOf).toArray(String[]::new));
        xAxis.setGridBandsVisible(false);
        yAxis.setGridBandsVisible(false);
        plot.setDataset(dataset);
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        plot.setRenderer(renderer);
        xAxis.setRange(-0.5, rates.size() - 0.5);
        yAxis.setRange(-0.5, batches.size() - 0.5);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        String lossName = result.validated() ? "validation loss" : "training loss";
        String title = "Final " + lossName + " — " + result.plan().projectName()
                + (grid.variant().isEmpty() ? "" : " · " + grid.variant().replace("-", " · "));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, false);
        LogAxis legendAxis = LogAxes.decades(lossName);
        legendAxis.setRange(lo, hi);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setMargin(8, 8, 8, 8);
        legend.setStripWidth(16);
        legend.setSubdivisionCount(1000);
        chart.addSubtitle(legend);
        String repeats = result.spec().repeats() > 1 ? "mean of " + result.spec().repeats() + " seeds · " : "";
        chart.addSubtitle(new TextTitle(repeats + "green lowest, red highest (log scale) · grey: diverged · outlined: best",
                new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static String cellText(CombinationSummary c) {
        if (c.allDiverged() || c.finalLossMean() == null) return "diverged";
        String value = new BigDecimal(c.finalLossMean()).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        return c.diverged() > 0 ? value + " (" + c.diverged() + "/" + c.runs().size() + " diverged)" : value;
    }

    /** JFreeChart's view of the loss colours ({@link LossColourScale}). */
    private record LogScale(double lower, double upper, LossColourScale colours) implements PaintScale {
        LogScale(double lower, double upper) {
            this(lower, upper, new LossColourScale(lower, upper));
        }

        @Override public double getLowerBound() { return lower; }

        @Override public double getUpperBound() { return upper; }

        @Override public Paint getPaint(double value) {
            return new Color(colours.rgb(value));
        }
    }
}
