package io.layerlab.ui.experiments;

import io.layerlab.export.LossColourScale;
import io.layerlab.train.sweep.CombinationSummary;
import io.layerlab.train.sweep.LearningRates;
import io.layerlab.ui.support.ChartPalette;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Final validation loss over learning rate (columns) × batch size (rows), the mean over repeats
 * (and optimizers), in the command line's heatmap colours ({@link LossColourScale}: green lowest,
 * red highest, on the logarithm of the loss); the best cell outlined, a combination whose every
 * run diverged marked as such.
 */
final class LossHeatmap extends Region {
    private static final double LEFT = 60;
    private static final double TOP = 22;
    /** Below the cells: the learning rates' labels. */
    private static final double BOTTOM = 22;
    /** A batch size's row of cells: room for its value, no more (the observations below want the height). */
    private static final double ROW_HEIGHT = 40;
    private final Canvas canvas = new Canvas();
    /** The theme's chart colours (invisible; CSS reaches it as a child). */
    private final ChartPalette palette = new ChartPalette();
    private List<CombinationSummary> summaries = List.of();

    LossHeatmap() {
        getStyleClass().add("loss-heatmap");
        getChildren().addAll(canvas, palette);
        setMinWidth(160);
        setMinHeight(USE_PREF_SIZE);
        palette.versionProperty().addListener((obs, was, is) -> redraw());
    }

    void setSummaries(List<CombinationSummary> newSummaries) {
        summaries = List.copyOf(newSummaries);
        requestLayout(); // as many rows as batch sizes
        redraw();
    }

    @Override
    protected double computePrefHeight(double width) {
        long rows = summaries.stream().map(s -> s.combination().batchSize()).distinct().count();
        return TOP + Math.max(1, rows) * ROW_HEIGHT + BOTTOM;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    /** The mean final loss of the cell, NaN when its runs all diverged or none finished. */
    double loss(double rate, int batch) {
        double sum = 0;
        int n = 0;
        for (CombinationSummary s : summaries) {
            if (s.combination().learningRate() == rate && s.combination().batchSize() == batch && s.finalLossMean() != null) {
                sum += s.finalLossMean();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(palette.plotBackground());
        g.fillRect(0, 0, w, h);
        TreeSet<Double> rates = new TreeSet<>();
        TreeSet<Integer> batches = new TreeSet<>();
        for (CombinationSummary s : summaries) {
            rates.add(s.combination().learningRate());
            batches.add(s.combination().batchSize());
        }
        g.setFont(javafx.scene.text.Font.font(11));
        if (rates.isEmpty()) {
            g.setFill(palette.text());
            g.setTextAlign(TextAlignment.CENTER);
            g.setFont(javafx.scene.text.Font.font(ExperimentsView.PLACEHOLDER_FONT_SIZE));
            g.fillText("The heatmap appears when the sweep ends", w / 2, h / 2);
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double r : rates) for (int b : batches) {
            double v = loss(r, b);
            if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        }
        LossColourScale scale = new LossColourScale(lo, hi);
        double best = lo;
        double cw = (w - LEFT - 8) / rates.size();
        double ch = (h - TOP - BOTTOM) / batches.size();
        g.setTextBaseline(VPos.CENTER);
        int col = 0;
        for (double r : rates) {
            int row = 0;
            for (int b : batches) {
                double v = loss(r, b);
                double x = LEFT + col * cw;
                double y = TOP + row * ch;
                g.setFill(Double.isFinite(v) ? rgb(scale.rgb(v)) : Color.web("#6e7781"));
                g.fillRect(x + 1, y + 1, cw - 2, ch - 2);
                if (v == best) {
                    g.setStroke(palette.strongText());
                    g.setLineWidth(2);
                    g.strokeRect(x + 2, y + 2, cw - 4, ch - 4);
                }
                g.setFill(Color.web("#24292f")); // dark on the light cells, in either theme
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "diverged", x + cw / 2, y + ch / 2);
                row++;
            }
            g.setFill(palette.text());
            g.fillText("lr " + LearningRates.format(r), LEFT + col * cw + cw / 2, TOP + batches.size() * ch + 10);
            col++;
        }
        int row = 0;
        g.setTextAlign(TextAlignment.RIGHT);
        for (int b : batches) {
            g.fillText("batch " + b, LEFT - 4, TOP + row * ch + ch / 2);
            row++;
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("Final validation loss (mean of repeats) · log colour scale · outlined: best", LEFT, TOP / 2);
    }

    private static Color rgb(int rgb) {
        return Color.rgb(rgb >> 16, rgb >> 8 & 0xff, rgb & 0xff);
    }
}
