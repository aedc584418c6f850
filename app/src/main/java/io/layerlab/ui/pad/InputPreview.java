package io.layerlab.ui.pad;

import io.layerlab.data.RawDataset;
import io.layerlab.shape.TensorShape;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * The drawing as the network sees it: one square per input pixel, unsmoothed, so a person sees how
 * coarse the input is (the first channel of a multi-channel input; they all hold the same grey).
 */
final class InputPreview extends StackPane {
    static final double SIDE = 72;

    private final ImageView view = new ImageView();
    private WritableImage image;

    InputPreview() {
        getStyleClass().add(PadStyles.PREVIEW);
        view.setSmooth(false);
        view.setPreserveRatio(true);
        view.setFitWidth(SIDE);
        view.setFitHeight(SIDE);
        getChildren().add(view);
        setMinSize(SIDE, SIDE);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        show(TensorShape.image(16, 16, 1), null);
    }

    /** Shows {@code grey} (levels 0..255 of {@code shape}, channels last); null shows a black input. */
    void show(TensorShape shape, double[] grey) {
        int w = shape.width();
        int h = shape.height();
        if (image == null || image.getWidth() != w || image.getHeight() != h) {
            image = new WritableImage(w, h);
            view.setImage(image);
        }
        PixelWriter writer = image.getPixelWriter();
        int channels = shape.channels();
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double level = grey == null ? 0 : grey[(r * w + c) * channels] / RawDataset.MAX_GRAY;
                writer.setColor(c, r, Color.gray(Math.max(0, Math.min(1, level))));
            }
        }
    }

    /** The brightness shown for input pixel ({@code row}, {@code column}), 0 to 1. */
    double shownGrey(int row, int column) {
        return image.getPixelReader().getColor(column, row).getBrightness();
    }
}
