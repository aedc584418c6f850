package io.layerlab.ui.inspector;

import io.layerlab.catalog.Catalog;
import io.layerlab.catalog.ParamSpec;
import io.layerlab.catalog.ParamType;
import io.layerlab.ui.support.StyleClasses;
import java.util.Objects;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * Editors chosen by parameter type: text fields for numbers and lists (validated as you
 * type, applied on Enter or when focus leaves), combo boxes for choices and activations,
 * check boxes for flags. A change is applied as one edit; invalid text is never applied.
 */
final class SpecEditors {
    private final ValidationFeedback feedback;

    SpecEditors(ValidationFeedback feedback) { this.feedback = feedback; }

    /** The editor for {@code specItem}'s row. */
    PropertyEditor<Object> editorFor(SpecItem specItem) {
        return switch (specItem.spec().type()) {
            case INT, DOUBLE, INT_LIST -> new TextEditor(specItem, feedback);
            case BOOLEAN -> new CheckEditor(specItem);
            case CHOICE, ACTIVATION -> new ChoiceEditor(specItem);
        };
    }

    /** Number and list fields: red with a message while the text is invalid. */
    static final class TextEditor implements PropertyEditor<Object> {
        private final SpecItem item;
        private final ValidationFeedback feedback;
        private final TextField field = new TextField();
        /** Made when the text is first invalid: most fields never need it, and each tooltip is costly to make. */
        private Tooltip errorTip;

        TextEditor(SpecItem item, ValidationFeedback feedback) {
            this.item = item;
            this.feedback = feedback;
            field.setId("param-" + item.spec().name());
            field.textProperty().addListener((obs, old, text) -> validate(text));
            field.setOnAction(e -> commit());
            field.focusedProperty().addListener((obs, was, focused) -> { if (!focused) commit(); });
            field.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) { setValue(item.getValue()); e.consume(); }
                if (item.spec().type() == ParamType.INT && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                    step(e.getCode() == KeyCode.UP ? 1 : -1);
                    e.consume();
                }
            });
            // Follow the graph (undo, redo, another view's edit), unless the person is typing a different valid value.
            ChangeListener<Object> follow = (obs, old, now) -> setValue(now);
            item.valueProperty().addListener(follow);
        }

        private ParamSpec.Result parse(String text) {
            return item.spec().coerce(ValueText.parse(item.spec().type(), text));
        }

        private void validate(String text) {
            ParamSpec.Result result = parse(text);
            boolean invalid = !result.isOk();
            field.pseudoClassStateChanged(StyleClasses.INVALID, invalid);
            if (invalid) {
                // Named as the row is labelled ("Learning rate"), not as the file names it.
                String message = item.getName() + " " + result.error();
                if (errorTip == null) errorTip = new Tooltip();
                errorTip.setText(message);
                field.setTooltip(errorTip);
                feedback.report(item.spec().name(), message);
            } else {
                field.setTooltip(null);
                feedback.report(item.spec().name(), null);
            }
        }

        private void commit() {
            ParamSpec.Result result = parse(field.getText());
            if (result.isOk()) item.setValue(result.value());
        }

        private void step(int delta) {
            ParamSpec.Result result = parse(field.getText());
            if (!result.isOk()) return;
            ParamSpec.Result next = item.spec().coerce(((Integer) result.value()) + delta);
            if (next.isOk()) {
                field.setText(ValueText.format(next.value()));
                commit();
            }
        }

        @Override public Node getEditor() { return field; }

        @Override public Object getValue() {
            ParamSpec.Result result = parse(field.getText());
            return result.isOk() ? result.value() : item.getValue();
        }

        @Override public void setValue(Object value) {
            String text = ValueText.format(value);
            if (!Objects.equals(text, field.getText())) field.setText(text);
            else validate(text);
        }
    }

    /** Flags: applied as soon as the box is ticked. */
    static final class CheckEditor implements PropertyEditor<Object> {
        private final CheckBox box = new CheckBox();
        private boolean updating;

        CheckEditor(SpecItem item) {
            box.setId("param-" + item.spec().name());
            box.selectedProperty().addListener((obs, was, now) -> { if (!updating) item.setValue(now); });
            item.valueProperty().addListener((obs, old, now) -> setValue(now));
        }

        @Override public Node getEditor() { return box; }
        @Override public Object getValue() { return box.isSelected(); }

        @Override public void setValue(Object value) {
            updating = true;
            try {
                box.setSelected(Boolean.TRUE.equals(value));
            } finally {
                updating = false;
            }
        }
    }

    /** Choices and activation functions: applied on selection. */
    static final class ChoiceEditor implements PropertyEditor<Object> {
        private final ComboBox<String> combo = new ComboBox<>();
        private boolean updating;

        ChoiceEditor(SpecItem item) {
            combo.setId("param-" + item.spec().name());
            combo.getItems().setAll(item.spec().choices());
            combo.setMaxWidth(Double.MAX_VALUE);
            combo.valueProperty().addListener((obs, old, now) -> { if (!updating && now != null) item.setValue(now); });
            item.valueProperty().addListener((obs, old, now) -> setValue(now));
        }

        @Override public Node getEditor() { return combo; }
        @Override public Object getValue() { return combo.getValue(); }

        @Override public void setValue(Object value) {
            updating = true;
            try {
                combo.setValue(value == null ? null : String.valueOf(value));
            } finally {
                updating = false;
            }
        }
    }

}
