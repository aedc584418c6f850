package io.layerlab.ui.support;

import javafx.scene.control.Control;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Scrolls a table or list just far enough that one row is whole in view. {@code TableView.scrollTo}
 * puts the row at the top, which jumps the rows a person was looking at out of view even when the
 * row was already shown.
 */
public final class RowReveal {
    private RowReveal() {
    }

    /** Shows row {@code index} of {@code view} (a TableView, ListView or TreeTableView) whole, moving as little as it can. */
    public static void show(Control view, int index) {
        if (index < 0) {
            return;
        }
        if (view.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && index < flow.getCellCount()) {
            flow.scrollTo(index);
        }
    }
}
