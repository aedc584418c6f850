package io.layerlab.ui.training;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * A table cell for text that changes while a run trains: a run's epochs, loss and time, a layer's
 * statistics. A plain cell is a label, and a label asks for a new layout whenever its text changes;
 * a table then lays out every visible row again, and the window above it too. Measured on the
 * dashboard, those layouts took 12-20 ms in the pulses that showed new numbers. This cell draws its
 * text with a {@link Text} node that layout does not manage: a new number repaints the cell and
 * nothing else. Font, colour and horizontal alignment still come from the cell's CSS.
 */
final class LiveTextCell<S> extends TableCell<S, String> {
    static final String STYLE_CLASS = "live-text-cell";
    private static final String ELLIPSIS = "…";

    private final Text text = new Text();
    /** The whole value; {@link #text} shows it cut short with an ellipsis when the column is narrower. */
    private String full = "";
    private final Pane box = new Pane(text) {
        @Override
        protected void layoutChildren() {
            place();
        }

        @Override
        protected double computePrefWidth(double height) {
            // For fitting the column to its content; a change of text does not ask for it again.
            return text.getLayoutBounds().getWidth();
        }
    };

    /**
     * Unmanaged, the cell no longer tells its row when its column is resized: the row would keep it
     * at its old width. Weak: the column outlives the cells the table makes and drops.
     */
    private final InvalidationListener columnResized = o -> {
        if (getParent() != null) {
            getParent().requestLayout();
        }
    };
    private final WeakInvalidationListener weakColumnResized = new WeakInvalidationListener(columnResized);

    LiveTextCell() {
        getStyleClass().add(STYLE_CLASS);
        // A table cell asks for a layout whenever its value changes, to update its item in that
        // layout. Unmanaged, it is laid out on its own; the row still sizes and places it.
        setManaged(false);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        text.setManaged(false);
        text.setTextOrigin(VPos.CENTER);
        text.fontProperty().bind(fontProperty());
        text.fillProperty().bind(textFillProperty());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(box.widthProperty());
        clip.heightProperty().bind(box.heightProperty());
        box.setClip(clip);
        box.setMinWidth(0);
        alignmentProperty().addListener((obs, was, is) -> place());
        // A new theme changes the cell's padding (so the box's width) or its font without laying the
        // unmanaged cell out again: the text, placed for the old ones, ran past the box's right edge.
        box.widthProperty().addListener((obs, was, is) -> place());
        text.fontProperty().addListener((obs, was, is) -> place());
        tableColumnProperty().addListener((obs, was, is) -> {
            if (was != null) {
                was.widthProperty().removeListener(weakColumnResized);
            }
            if (is != null) {
                is.widthProperty().addListener(weakColumnResized);
            }
        });
    }

    /** What the cell shows now ("" when empty). */
    String shownText() {
        return getGraphic() == box ? text.getText() : "";
    }

    /** The whole value the cell holds, however much of it fits. */
    String fullText() {
        return getGraphic() == box ? full : "";
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            full = "";
            text.setText("");
            setGraphic(null);
            return;
        }
        if (!item.equals(full)) {
            full = item;
            place();
        }
        if (getGraphic() != box) {
            setGraphic(box);
        }
    }

    private void place() {
        fitText();
        double free = box.getWidth() - text.getLayoutBounds().getWidth();
        HPos h = getAlignment() == null ? HPos.LEFT : getAlignment().getHpos();
        double x = switch (h) {
            case RIGHT -> free;
            case CENTER -> free / 2;
            default -> 0;
        };
        // Too long for the column: its start stays in view, as a label's would.
        text.setLayoutX(Math.max(0, Math.round(x)));
        text.setLayoutY(Math.round(box.getHeight() / 2));
    }

    /** The whole value when it fits; else its longest start that fits with an ellipsis, as a label shows it. */
    private void fitText() {
        text.setText(full);
        double room = box.getWidth();
        if (room <= 0 || text.getLayoutBounds().getWidth() <= room) {
            return;
        }
        int fits = 0;
        int tooLong = full.length();
        while (tooLong - fits > 1) {
            int mid = (fits + tooLong) / 2;
            text.setText(full.substring(0, mid) + ELLIPSIS);
            if (text.getLayoutBounds().getWidth() <= room) {
                fits = mid;
            } else {
                tooLong = mid;
            }
        }
        text.setText(full.substring(0, fits) + ELLIPSIS);
    }
}
