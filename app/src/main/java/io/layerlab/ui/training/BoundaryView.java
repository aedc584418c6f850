package io.layerlab.ui.training;

import io.layerlab.train.BoundaryFrame;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The decision boundary of a 2-D classifier as TensorFlow Playground shows it: a heatmap of the
 * class the network predicts at each point of the plane (its colour) and how sure it is (its
 * strength), with the data points on top: training points filled, validation points as rings.
 */
final class BoundaryView extends Region {
    private static final double PAD = 8;
    private static final Font FONT = Font.font(11);

    private final DashboardPalette palette;
    private final Canvas canvas = new Canvas();
    private BoundaryFrame frame;
    private PreparedRun points;
    private WritableImage heat;
    private String emptyMessage = "";
    private long redraws;

    BoundaryView(DashboardPalette palette) {
        this.palette = palette;
        getStyleClass().add(DashboardStyles.CHART);
        getChildren().add(canvas);
        setMinSize(120, 120);
        setPrefSize(300, 300);
        palette.versionProperty().addListener((obs, was, is) -> {
            heat = null;
            redraw();
        });
    }

    /** The points to draw over the heatmap (null to clear). */
    void setPoints(PreparedRun run) {
        points = run != null && run.boundary() ? run : null;
        frame = null;
        heat = null;
        redraw();
    }

    void setFrame(BoundaryFrame newFrame) {
        frame = newFrame;
        heat = null;
        redraw();
    }

    BoundaryFrame frame() {
        return frame;
    }

    void setEmptyMessage(String message) {
        emptyMessage = message;
        redraw();
    }

    long redraws() {
        return redraws;
    }

    WritableImage snapshotImage() {
        return canvas.snapshot(null, null);
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

    void redraw() {
        redraws++;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(palette.plotBackground());
        g.fillRect(0, 0, w, h);
        double side = Math.min(w, h) - 2 * PAD;
        if (side < 20) {
            return;
        }
        double left = (w - side) / 2;
        double top = (h - side) / 2;
        if (frame == null || points == null) {
            g.setFont(FONT);
            g.setFill(palette.text());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyMessage, w / 2, h / 2);
            return;
        }
        if (heat == null) {
            heat = heatmap(frame);
        }
        g.setImageSmoothing(true);
        g.drawImage(heat, left, top, side, side);
        drawPoints(g, left, top, side);
        g.setStroke(palette.axis());
        g.setLineWidth(1);
        g.strokeRect(left + 0.5, top + 0.5, side - 1, side - 1);
    }

    /** One pixel per cell: the class colour over the background, stronger where the network is surer. */
    private WritableImage heatmap(BoundaryFrame f) {
        WritableImage image = new WritableImage(f.size(), f.size());
        PixelWriter writer = image.getPixelWriter();
        Color background = palette.plotBackground();
        double chance = 1.0 / Math.max(2, f.classCount());
        for (int row = 0; row < f.size(); row++) {
            for (int column = 0; column < f.size(); column++) {
                Color c = palette.classColour(f.classAt(row, column));
                // Confidence at chance level shows as background, certainty as a strong tint.
                double strength = (f.confidenceAt(row, column) - chance) / (1 - chance);
                double alpha = 0.12 + 0.5 * Math.max(0, Math.min(1, strength));
                writer.setColor(column, row, background.interpolate(c, alpha));
            }
        }
        return image;
    }

    private void drawPoints(GraphicsContext g, double left, double top, double side) {
        double spanX = frame.maxX() - frame.minX();
        double spanY = frame.maxY() - frame.minY();
        double radius = side > 360 ? 3.2 : 2.6;
        Color edge = palette.plotBackground();
        for (int i = 0; i < points.pointsX().length; i++) {
            double x = left + (points.pointsX()[i] - frame.minX()) / spanX * side;
            double y = top + (frame.maxY() - points.pointsY()[i]) / spanY * side;
            Color c = palette.classColour(points.labels()[i]);
            if (i < points.trainingPoints()) {
                g.setFill(c);
                g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
                g.setStroke(edge);
                g.setLineWidth(0.8);
                g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
            } else {
                g.setStroke(c.darker());
                g.setLineWidth(1.4);
                g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
            }
        }
    }
}
