package io.layerlab.ui.experiments;

import io.layerlab.ui.support.AxisTicks;
import io.layerlab.ui.support.ChartPalette;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Curves overlaid on one canvas: loss against epoch for a sweep, loss against learning rate (log
 * axis) for a range test. Optional bands behind the lines, a legend, a vertical marker. The loss
 * axis is logarithmic, so curves that differ by orders of magnitude stay readable; values that are
 * not finite (a diverged run) end the line.
 */
final class CurveChart extends Region {
    private static final double LEFT = 56;
    private static final double RIGHT = 150;
    private static final double TOP = 12;
    private static final double BOTTOM = 34;
    private final Canvas canvas = new Canvas();
    /** The theme's chart colours (invisible; CSS reaches it as a child). */
    private final ChartPalette palette = new ChartPalette();
    private final String xLabel;
    private boolean logX;
    private List<Curve> curves = List.of();
    private Double marker;
    private String markerLabel = "";
    private String emptyMessage = "";

    CurveChart(String xLabel) {
        this.xLabel = xLabel;
        getStyleClass().add("curve-chart");
        getChildren().addAll(canvas, palette);
        setMinSize(200, 160);
        palette.versionProperty().addListener((obs, was, is) -> redraw());
    }

    void setLogX(boolean log) { logX = log; redraw(); }

    void setCurves(List<Curve> newCurves) { curves = List.copyOf(newCurves); redraw(); }

    List<Curve> curves() { return curves; }

    void setMarker(Double x, String label) { marker = x; markerLabel = label == null ? "" : label; redraw(); }

    void setEmptyMessage(String message) { emptyMessage = message; redraw(); }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(palette.plotBackground());
        g.fillRect(0, 0, w, h);
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        if (plotW < 20 || plotH < 20) return;
        double[] xr = range(true);
        double[] yr = range(false);
        g.setFont(javafx.scene.text.Font.font(11));
        if (xr == null || yr == null) {
            g.setStroke(palette.axis());
            g.strokeRect(LEFT + 0.5, TOP + 0.5, plotW, plotH);
            g.setFill(palette.text());
            g.setTextAlign(TextAlignment.CENTER);
            g.setFont(javafx.scene.text.Font.font(ExperimentsView.PLACEHOLDER_FONT_SIZE));
            g.fillText(emptyMessage, LEFT + plotW / 2, TOP + plotH / 2);
            return;
        }
        axes(g, xr, yr, plotW, plotH);
        g.setStroke(palette.axis());
        g.setLineWidth(1);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, plotW, plotH);
        for (Curve c : curves) {
            if (c.lower() != null && c.upper() != null) band(g, c, xr, yr, plotW, plotH);
        }
        for (Curve c : curves) line(g, c, xr, yr, plotW, plotH);
        if (marker != null) {
            double x = LEFT + fx(marker, xr) * plotW;
            g.setStroke(palette.best());
            g.setLineWidth(1.5);
            g.setLineDashes(4, 3);
            g.strokeLine(x, TOP, x, TOP + plotH);
            g.setLineDashes();
            g.setFill(palette.best());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(markerLabel, x + 4, TOP + 12);
        }
        legend(g, w, plotH);
    }

    /** Grid lines at round values (1, 2, 5 times powers of ten on the loss axis) and their labels. */
    private void axes(GraphicsContext g, double[] xr, double[] yr, double plotW, double plotH) {
        g.setLineWidth(1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double t : AxisTicks.logarithmic(yr[0], yr[1], (int) Math.max(2, plotH / 40))) {
            double y = Math.round(TOP + plotH - (t - yr[0]) / (yr[1] - yr[0]) * plotH) + 0.5;
            g.setStroke(palette.grid());
            g.strokeLine(LEFT, y, LEFT + plotW, y);
            g.setFill(palette.text());
            g.fillText(AxisTicks.format(Math.pow(10, t)), LEFT - 4, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int wantedX = (int) Math.max(2, plotW / 90);
        double[] xTicks = logX ? AxisTicks.logarithmic(xr[0], xr[1], wantedX) : AxisTicks.linear(xr[0], xr[1], wantedX);
        for (double t : xTicks) {
            double f = xr[1] == xr[0] ? 0.5 : (t - xr[0]) / (xr[1] - xr[0]);
            double x = Math.round(LEFT + f * plotW) + 0.5;
            g.setStroke(palette.grid());
            g.strokeLine(x, TOP, x, TOP + plotH);
            g.setFill(palette.text());
            g.fillText(AxisTicks.format(logX ? Math.pow(10, t) : t), x, TOP + plotH + 4);
        }
        g.fillText(xLabel + (logX ? " (log)" : "") + "   ·   loss (log)", LEFT + plotW / 2, TOP + plotH + 18);
    }

    private void line(GraphicsContext g, Curve c, double[] xr, double[] yr, double plotW, double plotH) {
        g.setStroke(c.colour());
        g.setLineWidth(1.8);
        g.setLineDashes(c.dashes());
        g.beginPath();
        boolean drawing = false;
        for (int i = 0; i < c.xs().length; i++) {
            double y = c.ys()[i];
            if (!(y > 0) || !Double.isFinite(y)) { drawing = false; continue; }
            double px = LEFT + fx(c.xs()[i], xr) * plotW;
            double py = TOP + plotH - fy(y, yr) * plotH;
            if (drawing) g.lineTo(px, py); else g.moveTo(px, py);
            drawing = true;
        }
        g.stroke();
        g.setLineDashes();
    }

    private void band(GraphicsContext g, Curve c, double[] xr, double[] yr, double plotW, double plotH) {
        int n = c.xs().length;
        List<double[]> top = new ArrayList<>();
        List<double[]> bottom = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double lo = c.lower()[i];
            double hi = c.upper()[i];
            if (!(lo > 0) || !Double.isFinite(hi)) continue;
            double px = LEFT + fx(c.xs()[i], xr) * plotW;
            top.add(new double[] {px, TOP + plotH - fy(hi, yr) * plotH});
            bottom.add(new double[] {px, TOP + plotH - fy(lo, yr) * plotH});
        }
        if (top.size() < 2) return;
        g.setFill(c.colour().deriveColor(0, 1, 1, 0.18));
        g.beginPath();
        g.moveTo(top.get(0)[0], top.get(0)[1]);
        for (double[] p : top) g.lineTo(p[0], p[1]);
        for (int i = bottom.size() - 1; i >= 0; i--) g.lineTo(bottom.get(i)[0], bottom.get(i)[1]);
        g.closePath();
        g.fill();
    }

    private void legend(GraphicsContext g, double w, double plotH) {
        Map<String, Curve> shown = new LinkedHashMap<>();
        for (Curve c : curves) shown.putIfAbsent(c.label(), c);
        double x = w - RIGHT + 10;
        double y = TOP + 6;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (Curve c : shown.values()) {
            if (y > TOP + plotH) break;
            g.setStroke(c.colour());
            g.setLineWidth(2);
            g.setLineDashes(c.dashes());
            g.strokeLine(x, y, x + 22, y);
            g.setLineDashes();
            g.setFill(palette.strongText());
            g.fillText(c.label(), x + 28, y);
            y += 16;
        }
    }

    private double fx(double x, double[] xr) {
        double v = logX ? Math.log10(x) : x;
        return xr[1] == xr[0] ? 0.5 : (v - xr[0]) / (xr[1] - xr[0]);
    }

    private static double fy(double y, double[] yr) {
        return yr[1] == yr[0] ? 0.5 : (Math.log10(y) - yr[0]) / (yr[1] - yr[0]);
    }

    /** The shown range of x, or of log10(loss); null without any finite point. */
    private double[] range(boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            for (int i = 0; i < c.xs().length; i++) {
                double y = c.ys()[i];
                if (!(y > 0) || !Double.isFinite(y)) continue;
                double v = x ? (logX ? Math.log10(c.xs()[i]) : c.xs()[i]) : Math.log10(y);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) return null;
        if (!x) { lo -= 0.05; hi += 0.05; }
        return new double[] {lo, hi};
    }
}
