package io.layerlab.ui.pad;

import io.layerlab.data.Sketch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * A square surface to draw on with the mouse: white strokes on black, as the picture sources draw,
 * with a round anti-aliased pen. The left button draws; the right button or Esc clears. The strokes
 * are kept as a {@link Sketch} in coordinates relative to the square, so resizing redraws them and
 * the network sees the same drawing at any size.
 */
final class SketchCanvas extends Region {
    /** A new point is recorded once the mouse has moved this far, in screen pixels. */
    private static final double MIN_STEP = 1.5;

    private final Canvas canvas = new Canvas();
    /** A border around the square only (the region itself may be wider or taller). */
    private final Region frame = new Region();
    private final ObjectProperty<Sketch> sketch;
    private final DoubleSupplier pen;
    private double left;
    private double top;
    private double side;
    private double[] current;
    private int currentLength;
    private double currentPen;
    private Sketch finished = Sketch.EMPTY;
    /** The last sketch this canvas wrote into the property: any other value came from outside. */
    private Sketch published = Sketch.EMPTY;

    /**
     * @param sketch what is drawn: the canvas writes every change into it and redraws when it is replaced from outside
     * @param pen    the pen's width for new strokes, as a fraction of the side
     */
    SketchCanvas(ObjectProperty<Sketch> sketch, DoubleSupplier pen) {
        this.sketch = sketch;
        this.pen = pen;
        getStyleClass().add(PadStyles.SKETCH);
        frame.getStyleClass().add(PadStyles.FRAME);
        frame.setManaged(false);
        frame.setMouseTransparent(true);
        getChildren().addAll(frame, canvas);
        setFocusTraversable(true);
        setCursor(Cursor.CROSSHAIR);
        setMinSize(96, 96);
        setPrefSize(260, 260);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                sketch.set(Sketch.EMPTY);
                e.consume();
            }
        });
        sketch.addListener((obs, was, is) -> {
            if (is != published) {
                // Replaced from outside (cleared): forget the stroke in progress and draw what is there.
                current = null;
                finished = is;
                redraw();
            }
        });
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() == MouseButton.SECONDARY) {
            current = null;
            sketch.set(Sketch.EMPTY);
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY || side <= 0) return;
        finished = sketch.get();
        current = new double[64];
        currentLength = 0;
        currentPen = pen.getAsDouble();
        addPoint(e.getX(), e.getY());
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = currentPen * side;
        g.setFill(Color.WHITE);
        g.fillOval(e.getX() - width / 2, e.getY() - width / 2, width, width);
        publish();
    }

    private void dragged(MouseEvent e) {
        if (current == null || !e.isPrimaryButtonDown()) return;
        double lastX = left + current[currentLength - 2] * side;
        double lastY = top + current[currentLength - 1] * side;
        if (Math.hypot(e.getX() - lastX, e.getY() - lastY) < MIN_STEP) return;
        addPoint(e.getX(), e.getY());
        GraphicsContext g = canvas.getGraphicsContext2D();
        penStyle(g, currentPen);
        g.strokeLine(lastX, lastY, e.getX(), e.getY());
        publish();
    }

    private void released(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY) current = null;
    }

    private void addPoint(double x, double y) {
        if (currentLength + 2 > current.length) current = Arrays.copyOf(current, current.length * 2);
        current[currentLength++] = (x - left) / side;
        current[currentLength++] = (y - top) / side;
    }

    private void publish() {
        published = shown();
        sketch.set(published);
    }

    /** The finished strokes and the one in progress. */
    private Sketch shown() {
        if (current == null) return finished;
        return finished.with(new Sketch.Stroke(currentPen, Arrays.copyOf(current, currentLength)));
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth() - snappedLeftInset() - snappedRightInset());
        double h = snapSizeY(getHeight() - snappedTopInset() - snappedBottomInset());
        double size = Math.max(0, Math.min(w, h));
        double x = snapPositionX(snappedLeftInset() + (w - size) / 2);
        double y = snapPositionY(snappedTopInset() + (h - size) / 2);
        canvas.relocate(x, y);
        frame.resizeRelocate(x - 1, y - 1, size + 2, size + 2);
        if (canvas.getWidth() != size || canvas.getHeight() != size) {
            canvas.setWidth(size);
            canvas.setHeight(size);
            left = 0;
            top = 0;
            side = size;
            redraw();
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return width > 0 ? Math.max(getMinHeight(), width) : super.computePrefHeight(width);
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        List<Sketch.Stroke> strokes = new ArrayList<>(finished.strokes());
        if (current != null) strokes.add(new Sketch.Stroke(currentPen, Arrays.copyOf(current, currentLength)));
        for (Sketch.Stroke stroke : strokes) {
            double[] p = stroke.points();
            penStyle(g, stroke.pen());
            if (p.length == 2) {
                double width = stroke.pen() * side;
                g.setFill(Color.WHITE);
                g.fillOval(left + p[0] * side - width / 2, top + p[1] * side - width / 2, width, width);
                continue;
            }
            g.beginPath();
            g.moveTo(left + p[0] * side, top + p[1] * side);
            for (int i = 2; i < p.length; i += 2) g.lineTo(left + p[i] * side, top + p[i + 1] * side);
            g.stroke();
        }
    }

    private void penStyle(GraphicsContext g, double width) {
        g.setStroke(Color.WHITE);
        g.setLineWidth(width * side);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
    }

    /** The drawing surface, for tests that aim the mouse at it. */
    Canvas surface() {
        return canvas;
    }
}
