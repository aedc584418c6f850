package io.layerlab.ui.pad;

import io.layerlab.data.Sketch;
import io.layerlab.shape.TensorShape;
import java.net.URL;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A drawing pad for an image classifier: draw on the black square with the mouse, see the picture
 * the network is given (small, pixelated) and the probability it gives every class, updated while
 * you draw. Clear (or the right mouse button, or Esc) starts again. Its look is styles/pad.css.
 */
public final class DrawingPad extends HBox {
    private final DrawingPadViewModel model;
    private final SketchCanvas canvas;
    private final InputPreview preview = new InputPreview();
    private final Label previewCaption = new Label();
    private final ProbabilityBars bars = new ProbabilityBars();
    private final Label problem = new Label();
    private final Button clear = new Button("Clear");

    public DrawingPad(DrawingPadViewModel model) {
        this.model = model;
        this.canvas = new SketchCanvas(model.sketchProperty(), model::penWidth);
        setId("drawing-pad");
        getStyleClass().add(PadStyles.PAD);
        URL style = DrawingPad.class.getResource("/styles/pad.css");
        if (style != null) getStylesheets().add(style.toExternalForm());

        canvas.setId("sketch-canvas");
        Tooltip.install(canvas, new Tooltip("Draw with the left mouse button; the right button or Esc clears."));
        // The square is as wide as the pad is high: spare width goes to the side column, then to the right edge.
        HBox.setHgrow(canvas, Priority.SOMETIMES);
        canvas.maxWidthProperty().bind(heightProperty().subtract(snappedTopInset() + snappedBottomInset()));

        preview.setId("input-preview");
        previewCaption.getStyleClass().add(PadStyles.CAPTION);
        previewCaption.setWrapText(true);
        bars.setId("probability-bars");
        problem.getStyleClass().add(PadStyles.PROBLEM);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        clear.setId("pad-clear");
        clear.setGraphic(new FontIcon("mdi2e-eraser"));
        clear.setOnAction(e -> model.clear());
        clear.disableProperty().bind(model.sketchProperty().isEqualTo(Sketch.EMPTY));

        // Clear beside the preview, not under the bars: the pad fits the dashboard's short results area.
        previewCaption.setMinHeight(USE_PREF_SIZE);
        clear.setMinWidth(USE_PREF_SIZE);
        VBox captionAndClear = new VBox(6, previewCaption, clear);
        HBox.setHgrow(captionAndClear, Priority.ALWAYS);
        HBox previewRow = new HBox(8, preview, captionAndClear);
        previewRow.setAlignment(Pos.TOP_LEFT);
        VBox side = new VBox(8, previewRow, bars, problem);
        side.getStyleClass().add(PadStyles.SIDE);
        side.setPrefWidth(200);
        side.setMaxWidth(280);
        HBox.setHgrow(side, Priority.ALWAYS);
        getChildren().addAll(canvas, side);

        model.sourceProperty().addListener((obs, was, is) -> showSource());
        model.probabilitiesProperty().addListener((obs, was, is) -> bars.show(is));
        model.seenProperty().addListener((obs, was, is) -> showSeen());
        showSource();
    }

    private void showSource() {
        DrawingPadViewModel.Source source = model.sourceProperty().get();
        if (source == null) {
            previewCaption.setText("");
            bars.showNames(java.util.List.of(), "Class probabilities appear here once there is a network to ask.");
            preview.show(TensorShape.image(16, 16, 1), null);
            return;
        }
        TensorShape shape = source.inputShape();
        previewCaption.setText("The network sees " + shape.height() + "×" + shape.width());
        bars.showNames(source.classNames(), "Draw in the black square: the network's answer appears here as you draw.");
        showSeen();
    }

    private void showSeen() {
        DrawingPadViewModel.SeenInput seen = model.seenProperty().get();
        DrawingPadViewModel.Source source = model.sourceProperty().get();
        if (seen != null) {
            preview.show(seen.shape(), seen.grey());
        } else if (source != null) {
            preview.show(source.inputShape(), null);
        }
    }

    public DrawingPadViewModel viewModel() {
        return model;
    }

    // ---- for tests ----

    Canvas surface() {
        return canvas.surface();
    }

    ProbabilityBars bars() {
        return bars;
    }

    InputPreview preview() {
        return preview;
    }
}
