package io.layerlab.ui.inspector;

import io.layerlab.catalog.ParamSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * One row of the inspector: a parameter described by a catalog {@link ParamSpec}, its current
 * value, and what applying a new (already validated) value does (one undoable edit).
 */
public final class SpecItem implements PropertySheet.Item {
    private final ParamSpec spec;
    private final String label;
    private final String category;
    private final ObjectProperty<Object> value = new SimpleObjectProperty<>(this, "value");
    private final Consumer<Object> apply;

    /**
     * @param label shown left of the editor
     * @param apply called with a coerced, valid value that differs from the current one
     */
    public SpecItem(ParamSpec spec, String label, String category, Object current, Consumer<Object> apply) {
        this.spec = Objects.requireNonNull(spec);
        this.label = Objects.requireNonNull(label);
        this.category = category;
        this.apply = Objects.requireNonNull(apply);
        value.set(current);
    }

    public ParamSpec spec() { return spec; }

    /** The value as the graph has it now; changes when an edit, undo or redo changes it. */
    public ObjectProperty<Object> valueProperty() { return value; }

    /** Called when the document changed under this row. */
    void refresh(Object current) { value.set(current); }

    @Override public Class<?> getType() {
        return switch (spec.type()) {
            case INT -> Integer.class;
            case DOUBLE -> Double.class;
            case BOOLEAN -> Boolean.class;
            case CHOICE, ACTIVATION -> String.class;
            case INT_LIST -> List.class;
        };
    }

    @Override public String getCategory() { return category; }
    @Override public String getName() { return label; }
    @Override public String getDescription() { return spec.description() + " (" + spec.validDescription() + ")"; }
    @Override public Object getValue() { return value.get(); }

    /**
     * Applies {@code newValue} if valid and different from the current value; invalid values
     * are refused here too, so no path around the editors can put one in the graph.
     */
    @Override public void setValue(Object newValue) {
        ParamSpec.Result result = spec.coerce(newValue);
        if (!result.isOk() || Objects.equals(result.value(), value.get())) return;
        apply.accept(result.value());
    }

    @Override public Optional<ObservableValue<? extends Object>> getObservableValue() { return Optional.of(value); }
}
