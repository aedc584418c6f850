package io.layerlab.ui.training;

import io.layerlab.train.BoundaryFrame;
import io.layerlab.ui.support.ChartPalette;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The decision boundary of a 2-D classifier as TensorFlow Playground shows it: a heatmap of the
 * class the network predicts at each point of the plane (its colour) and how sure it is (its
 * strength), with the data points on top: training points filled, validation points as rings.
 *
 * <p>Three layers, so a new frame costs little to show: the background and any message (a canvas),
 * the heatmap (a {@link WritableImage} of the screen pixels it covers, its pixels rewritten in place),
 * and the points and frame (a canvas drawn once per run, size and theme, because the points do not
 * move between frames). The heatmap is scaled from one colour per grid cell to the screen here
 * ({@link HeatScaler}), not by the {@link ImageView}: the software renderer's smooth scaling of a
 * 64x64 image to 380x380 cost it 4 ms a frame, drawing an image of the screen's size 2 ms, and the
 * scaling here about 1 ms.
 */
final class BoundaryView extends Region {
    private static final double PAD = 8;
    private static final Font FONT = Font.font(11);
    /** Confidence steps in the colour table: finer than the eye tells apart in a tint. */
    private static final int LEVELS = 64;

    private final ChartPalette palette;
    private final Canvas back = new Canvas();
    private final ImageView heatView = new ImageView();
    private final Canvas front = new Canvas();
    private BoundaryFrame frame;
    private PreparedRun points;
    private WritableImage heat;
    /** The heatmap's screen pixels, which the image shows as they are (no copy, no conversion). */
    private PixelBuffer<IntBuffer> heatBuffer;
    /** Paints frames on the thread that makes them, for the size and colours shown now ({@link #aim}). */
    private final HeatRaster raster = new HeatRaster();
    private HeatRaster.Aim aim;
    /** ARGB per class and confidence level, for the palette as it was when built; null to rebuild. */
    private int[][] colourTable;
    private String emptyMessage = "";
    /** What the front canvas shows now: redrawn only when one of these differs. */
    private PreparedRun drawnPoints;
    private double drawnMinX = Double.NaN;
    private double drawnMaxX;
    private double drawnMinY;
    private double drawnMaxY;
    private boolean frontStale = true;
    private long heatUpdates;
    private long paintedAhead;

    BoundaryView(ChartPalette palette) {
        this.palette = palette;
        getStyleClass().add(DashboardStyles.CHART);
        heatView.setSmooth(true);
        heatView.setVisible(false);
        for (javafx.scene.Node layer : new javafx.scene.Node[]{back, heatView, front}) {
            layer.setManaged(false);
            layer.setMouseTransparent(true);
        }
        getChildren().addAll(back, heatView, front);
        setMinSize(120, 120);
        setPrefSize(300, 300);
        palette.versionProperty().addListener((obs, was, is) -> {
            colourTable = null;
            frontStale = true;
            drawBack();
            showFrame();
        });
    }

    /** The points to draw over the heatmap (null to clear). */
    void setPoints(PreparedRun run) {
        points = run != null && run.boundary() ? run : null;
        frame = null;
        showFrame();
    }

    void setFrame(BoundaryFrame newFrame) {
        frame = newFrame;
        showFrame();
    }

    BoundaryFrame frame() {
        return frame;
    }

    void setEmptyMessage(String message) {
        // Called at each chart redraw: painting the same message again would repaint the whole panel.
        if (!message.equals(emptyMessage)) {
            emptyMessage = message;
            drawBack();
        }
    }

    /** How many frames were painted into the heatmap: lets tests see that one was. */
    long heatUpdates() {
        return heatUpdates;
    }

    /** How many of those came painted from the thread that made the frame. */
    long paintedAheadUpdates() {
        return paintedAhead;
    }

    /**
     * Paints a frame for this view ahead of its showing, on the thread that made it (the boundary's
     * worker): the JavaFX thread then only copies its pixels. Thread-safe.
     */
    void paintAhead(BoundaryFrame frame) {
        raster.paintAhead(frame);
    }

    /** The heatmap image's width in pixels (0 before the first frame). */
    int heatImageWidth() {
        return heat == null ? 0 : (int) heat.getWidth();
    }

    WritableImage snapshotImage() {
        return snapshot(null, null);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (back.getWidth() != w || back.getHeight() != h) {
            back.setWidth(w);
            back.setHeight(h);
            front.setWidth(w);
            front.setHeight(h);
            frontStale = true;
            drawBack();
            showFrame();
        }
    }

    private boolean showing() {
        return frame != null && points != null && plotSide() >= 20;
    }

    private double plotSide() {
        return Math.min(back.getWidth(), back.getHeight()) - 2 * PAD;
    }

    /** The background, and the message in the middle while there is no boundary to show. */
    private void drawBack() {
        double w = back.getWidth();
        double h = back.getHeight();
        GraphicsContext g = back.getGraphicsContext2D();
        g.setFill(palette.plotBackground());
        g.fillRect(0, 0, w, h);
        if (!showing() && plotSide() >= 20) {
            g.setFont(FONT);
            g.setFill(palette.text());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            List<String> lines = wrapped(emptyMessage, w - 2 * PAD);
            double lineHeight = FONT.getSize() * 1.4;
            double top = h / 2 - (lines.size() - 1) * lineHeight / 2;
            for (int i = 0; i < lines.size(); i++) g.fillText(lines.get(i), w / 2, top + i * lineHeight);
        }
    }

    /** The message broken between words into lines no wider than {@code width}, as a label would wrap it. */
    static List<String> wrapped(String message, double width) {
        Text measure = new Text();
        measure.setFont(FONT);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : message.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            measure.setText(candidate);
            if (!line.isEmpty() && measure.getLayoutBounds().getWidth() > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /** Shows the current frame: rewrites the heatmap's pixels, and the points only if they moved. */
    private void showFrame() {
        boolean wasShowing = heatView.isVisible();
        if (!showing()) {
            heatView.setVisible(false);
            clearFront();
            if (wasShowing) {
                drawBack();
            }
            return;
        }
        if (!wasShowing) {
            drawBack();
        }
        double side = plotSide();
        double left = (back.getWidth() - side) / 2;
        double top = (back.getHeight() - side) / 2;
        // On whole screen pixels, so the renderer copies the image rather than resampling it.
        double scale = renderScale();
        int pixels = (int) Math.round(side * scale);
        paintHeat(frame, pixels);
        heatView.relocate(Math.round(left * scale) / scale, Math.round(top * scale) / scale);
        heatView.setFitWidth(side);
        heatView.setFitHeight(side);
        heatView.setVisible(true);
        if (frontStale || !samePoints(drawnPoints, points) || frame.minX() != drawnMinX || frame.maxX() != drawnMaxX
                || frame.minY() != drawnMinY || frame.maxY() != drawnMaxY) {
            drawFront(left, top, side);
        }
        front.setVisible(true);
    }

    /**
     * Whether two runs show the same points: a new run of the same data (train again) finds its
     * points drawn already. Drawing a thousand of them costs the renderer more than anything else
     * as a run starts.
     */
    private static boolean samePoints(PreparedRun a, PreparedRun b) {
        return a == b || a != null && b != null && a.trainingPoints() == b.trainingPoints()
                && Arrays.equals(a.pointsX(), b.pointsX()) && Arrays.equals(a.pointsY(), b.pointsY())
                && Arrays.equals(a.labels(), b.labels());
    }

    /** Screen pixels per layout unit (2 on a display at 200 %). */
    private double renderScale() {
        return getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getRenderScaleX() : 1;
    }

    /**
     * The heatmap, {@code pixels} wide and high: the pixels the boundary's worker painted for this
     * frame ahead of time, or painted here when it could not (the first frame after the view's size
     * or colours changed, a frame shown again).
     */
    private void paintHeat(BoundaryFrame f, int pixels) {
        if (heat == null || (int) heat.getWidth() != pixels) {
            // Opaque colours are the same premultiplied or not, so the pixels go to the renderer as painted.
            heatBuffer = new PixelBuffer<>(pixels, pixels, IntBuffer.allocate(pixels * pixels), PixelFormat.getIntArgbPreInstance());
            heat = new WritableImage(heatBuffer);
            heatView.setImage(heat);
        }
        int[][] colours = colourTable(f.classCount());
        if (aim == null || aim.pixels() != pixels || aim.colours() != colours) {
            aim = new HeatRaster.Aim(pixels, colours);
            raster.aim(aim);
        }
        HeatRaster.Aim forFrame = aim;
        int[] ahead = raster.paintedAhead(f, forFrame);
        heatBuffer.updateBuffer(buffer -> {
            int[] out = buffer.getBuffer().array();
            if (ahead != null) {
                System.arraycopy(ahead, 0, out, 0, ahead.length);
            } else {
                HeatRaster.paint(f, forFrame, out);
            }
            return null;
        });
        heatUpdates++;
        if (ahead != null) {
            raster.copied(f);
            paintedAhead++;
        }
    }

    private int[][] colourTable(int classCount) {
        int classes = Math.max(2, classCount);
        if (colourTable == null || colourTable.length != classes) {
            Color background = palette.plotBackground();
            colourTable = new int[classes][LEVELS];
            for (int k = 0; k < classes; k++) {
                Color c = palette.classColour(k);
                for (int level = 0; level < LEVELS; level++) {
                    colourTable[k][level] = argb(background.interpolate(c, 0.12 + 0.5 * level / (LEVELS - 1.0)));
                }
            }
        }
        return colourTable;
    }

    private static int argb(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** Hides the points; what is drawn is kept, to show again as it is when the same points come back. */
    private void clearFront() {
        front.setVisible(false);
    }

    private void drawFront(double left, double top, double side) {
        GraphicsContext g = front.getGraphicsContext2D();
        g.clearRect(0, 0, front.getWidth(), front.getHeight());
        drawPoints(g, left, top, side);
        g.setStroke(palette.axis());
        g.setLineWidth(1);
        g.strokeRect(left + 0.5, top + 0.5, side - 1, side - 1);
        drawnPoints = points;
        drawnMinX = frame.minX();
        drawnMaxX = frame.maxX();
        drawnMinY = frame.minY();
        drawnMaxY = frame.maxY();
        frontStale = false;
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
