package io.layerlab.ui.training;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A table cell for a sentence that a narrow column cuts short (a layer's notes): the whole text is
 * its tooltip, so the end after the ellipsis can still be read.
 */
final class FullTextCell<S> extends TableCell<S, String> {
    private final Tooltip tooltip = new Tooltip();

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        boolean blank = empty || item == null || item.isEmpty();
        setText(blank ? null : item);
        if (blank) {
            setTooltip(null);
        } else {
            tooltip.setText(item);
            setTooltip(tooltip);
        }
    }
}
