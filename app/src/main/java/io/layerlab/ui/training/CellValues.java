package io.layerlab.ui.training;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;

/**
 * The values one table row shows, made once per column. A TableView asks its columns' cell value
 * factories again for every visible row whenever it lays out its cells, which it does whenever
 * one cell's text changes: with a new binding (and a number formatted) per cell each time, the
 * layer table's live numbers cost more than drawing them. JavaFX thread only.
 */
final class CellValues<S> {
    private final Map<TableColumn<S, ?>, ObservableValue<?>> made = new HashMap<>();

    /**
     * A cell value factory for {@code column} that makes a row's value with {@code make} the first
     * time and hands out the same one after that.
     */
    static <S, T> void install(TableColumn<S, T> column, Function<S, CellValues<S>> cells, Function<S, ObservableValue<T>> make) {
        column.setCellValueFactory(cell -> cells.apply(cell.getValue()).value(column, make, cell.getValue()));
    }

    @SuppressWarnings("unchecked")
    private <T> ObservableValue<T> value(TableColumn<S, T> column, Function<S, ObservableValue<T>> make, S row) {
        return (ObservableValue<T>) made.computeIfAbsent(column, c -> make.apply(row));
    }
}
