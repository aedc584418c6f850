package io.layerlab.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Loss curves as a PNG picture, drawn headless with JFreeChart: one or more named curves of
 * (x, loss). A log scale is used when the loss spans more than a factor of 20, so both the early
 * drop and the late tail are readable.
 */
public final class LossChart {
    /** One curve: a name for the legend and its points. Non-finite values are left out. */
    public record Curve(String name, double[] x, double[] y, Color color, boolean dashed) { }

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    private final String title;
    private final String xLabel;
    private final List<Curve> curves = new ArrayList<>();

    public LossChart(String title, String xLabel) {
        this.title = title;
        this.xLabel = xLabel;
    }

    /** A colour from a ten-colour palette, by index (wraps around). */
    public static Color paletteColor(int i) { return PALETTE[Math.floorMod(i, PALETTE.length)]; }

    public LossChart add(Curve curve) {
        curves.add(curve);
        return this;
    }

    public LossChart add(String name, double[] x, double[] y) {
        return add(new Curve(name, x, y, paletteColor(curves.size()), false));
    }

    /** Writes the chart as a PNG of the given size, via a temporary file renamed into place. */
    public void writePng(Path file, int width, int height) throws IOException {
        ChartFiles.writePng(build(), file, width, height);
    }

    JFreeChart build() {
        XYSeriesCollection dataset = new XYSeriesCollection();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Curve c : curves) {
            XYSeries s = new XYSeries(c.name(), false, true);
            for (int i = 0; i < Math.min(c.x().length, c.y().length); i++) {
                double v = c.y()[i];
                if (!Double.isFinite(v)) continue;
                s.add(c.x()[i], v);
                if (v > 0) min = Math.min(min, v);
                max = Math.max(max, v);
            }
            dataset.addSeries(s);
        }
        boolean log = min > 0 && Double.isFinite(min) && max / min > 20;
        ValueAxis yAxis;
        if (log) {
            LogAxis axis = new LogAxis("loss (log scale)");
            axis.setSmallestValue(min / 2);
            yAxis = axis;
        } else {
            NumberAxis axis = new NumberAxis("loss");
            axis.setAutoRangeIncludesZero(true);
            yAxis = axis;
        }
        NumberAxis xAxis = new NumberAxis(xLabel);
        xAxis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            renderer.setSeriesPaint(i, c.color());
            renderer.setSeriesStroke(i, c.dashed()
                    ? new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
