package io.layerlab.ui.training;

import io.layerlab.train.RunEvaluation.Predictions;
import io.layerlab.ui.support.AxisTicks;
import io.layerlab.ui.support.ChartPalette;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Predicted against true values, one dot per example, with the line a perfect model would lie on. */
final class PredictionScatterView extends Region {
    private static final double LEFT = 50;
    private static final double BOTTOM = 32;
    private static final double PAD = 10;
    private static final Font FONT = Font.font(11);

    private final ChartPalette palette;
    private final Canvas canvas = new Canvas();
    private Predictions predictions;
    private Color colour = Color.STEELBLUE;

    PredictionScatterView(ChartPalette palette) {
        this.palette = palette;
        getStyleClass().add(DashboardStyles.CHART);
        getChildren().add(canvas);
        setMinSize(120, 120);
        palette.versionProperty().addListener((obs, was, is) -> redraw());
    }

    void show(Predictions newPredictions, Color runColour) {
        predictions = newPredictions;
        colour = runColour;
        redraw();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(palette.plotBackground());
        g.fillRect(0, 0, w, h);
        double plotW = w - LEFT - PAD;
        double plotH = h - BOTTOM - PAD;
        if (predictions == null || plotW < 20 || plotH < 20) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float[] values : new float[][]{predictions.truth(), predictions.predicted()}) {
            for (float v : values) {
                if (Float.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!(max > min)) {
            max = min + 1;
        }
        double pad = (max - min) * 0.05;
        final double lo = min - pad;
        final double hi = max + pad;
        java.util.function.DoubleUnaryOperator sx = v -> LEFT + (v - lo) / (hi - lo) * plotW;
        java.util.function.DoubleUnaryOperator sy = v -> PAD + plotH - (v - lo) / (hi - lo) * plotH;

        g.setFont(FONT);
        g.setLineWidth(1);
        g.setFill(palette.text());
        for (double t : AxisTicks.linear(lo, hi, (int) Math.max(2, plotW / 80))) {
            g.setStroke(palette.grid());
            double x = Math.round(sx.applyAsDouble(t)) + 0.5;
            double y = Math.round(sy.applyAsDouble(t)) + 0.5;
            g.strokeLine(x, PAD, x, PAD + plotH);
            g.strokeLine(LEFT, y, LEFT + plotW, y);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(AxisTicks.format(t), x, PAD + plotH + 4);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(AxisTicks.format(t), LEFT - 5, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("true value", LEFT + plotW / 2, h - 1);
        g.save();
        g.translate(11, PAD + plotH / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("predicted", 0, 0);
        g.restore();

        g.setStroke(palette.axis());
        g.setLineDashes(5, 4);
        g.strokeLine(sx.applyAsDouble(lo), sy.applyAsDouble(lo), sx.applyAsDouble(hi), sy.applyAsDouble(hi));
        g.setLineDashes(null);
        g.setFill(colour);
        g.setGlobalAlpha(0.75);
        for (int i = 0; i < predictions.truth().length; i++) {
            double x = sx.applyAsDouble(predictions.truth()[i]);
            double y = sy.applyAsDouble(predictions.predicted()[i]);
            g.fillOval(x - 2.5, y - 2.5, 5, 5);
        }
        g.setGlobalAlpha(1);
    }
}
