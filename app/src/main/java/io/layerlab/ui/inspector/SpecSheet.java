package io.layerlab.ui.inspector;

import io.layerlab.ui.support.HoverTooltips;
import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * Inspector rows as a plain grid: each {@link SpecItem}'s name (its description as a tooltip, made on hover) left
 * of its editor, in the items' order. It lays out the rows as ControlsFX's PropertySheet does in
 * its name mode, without that control's toolbar, search field, mode switch and scroll pane, which
 * the inspector hid anyway and which were much of the work of opening the designer window.
 */
public final class SpecSheet extends GridPane {
    private static final double LABEL_MIN_WIDTH = 100;
    private static final double EDITOR_MIN_WIDTH = 100;

    private SpecEditors editors;

    public SpecSheet() {
        getStyleClass().add("spec-sheet");
        setHgap(5);
        setVgap(5);
    }

    /** Makes the editor of each row; set before the first {@link #show}. */
    void setEditors(SpecEditors editors) { this.editors = Objects.requireNonNull(editors); }

    /** Replaces the rows with {@code items}, each editor showing the item's current value. */
    void show(List<SpecItem> items) {
        if (editors == null) throw new IllegalStateException("the sheet's editors are not set");
        getChildren().clear();
        int row = 0;
        for (SpecItem item : items) {
            Label name = new Label(item.getName());
            name.setMinWidth(LABEL_MIN_WIDTH);
            String description = item.getDescription();
            if (description != null && !description.isBlank()) HoverTooltips.install(name, description);
            PropertyEditor<Object> editor = editors.editorFor(item);
            Node field = editor.getEditor();
            if (field instanceof Region region) {
                region.setMinWidth(EDITOR_MIN_WIDTH);
                region.setMaxWidth(Double.MAX_VALUE);
            }
            field.setDisable(!item.isEditable());
            name.setLabelFor(field);
            editor.setValue(item.getValue());
            setHgrow(field, Priority.ALWAYS);
            addRow(row++, name, field);
        }
    }
}
