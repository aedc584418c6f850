package io.layerlab.ui.trymodel;

import io.layerlab.data.Task;
import io.layerlab.model.CsvRows;
import io.layerlab.model.ImageClassifier;
import io.layerlab.model.ModelInfo;
import io.layerlab.model.Predictions;
import io.layerlab.model.Predictor;
import io.layerlab.model.RowsFileException;
import io.layerlab.ui.pad.DrawingPadViewModel;
import io.layerlab.ui.support.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Try model": a trained model's outputs for values the person types (one example) or for the
 * rows of a CSV file. Values are raw, as in the training data; the model's own normaliser is
 * applied. Running the network happens on the {@link TaskExecutor}; bad input is explained in
 * {@link #problemProperty()} with what the model takes.
 */
public final class TryModelViewModel {
    /** Inputs longer than this are shortened in the table. */
    private static final int SHOWN_VALUES = 8;

    private final Predictor predictor;
    private final TaskExecutor executor;
    private final StringProperty typedValues = new SimpleStringProperty(this, "typedValues", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObservableList<PredictionRow> rows = FXCollections.observableArrayList();
    private final DrawingPadViewModel drawingPad;

    public TryModelViewModel(Predictor predictor, TaskExecutor executor) {
        this.predictor = Objects.requireNonNull(predictor);
        this.executor = Objects.requireNonNull(executor);
        if (ImageClassifier.supports(predictor)) {
            drawingPad = new DrawingPadViewModel();
            drawingPad.setSource(DrawingPadViewModel.Source.copying(predictor));
        } else {
            drawingPad = null;
        }
    }

    /** For a model that classifies pictures: the drawing pad to try it with. */
    public Optional<DrawingPadViewModel> drawingPad() { return Optional.ofNullable(drawingPad); }

    /** The model's file name, for the window title. */
    public String modelName() { return predictor.model().file().getFileName().toString(); }

    /** What the model takes and gives, in words: "Takes 2 values (x, y) · classification into 2 classes (0, 1)". */
    public String description() {
        ModelInfo info = predictor.model().info().orElse(null);
        StringBuilder text = new StringBuilder("Takes ").append(predictor.valuesPerRow())
                .append(predictor.valuesPerRow() == 1 ? " value" : " values");
        if (predictor.inputShape().rank() > 1) text.append(" (").append(predictor.inputShape()).append(", flattened channels last)");
        else if (info != null && info.features().size() == predictor.valuesPerRow()) {
            text.append(" (").append(String.join(", ", info.features())).append(")");
        }
        text.append(" · ");
        if (predictor.task() == Task.CLASSIFICATION) {
            List<String> classes = info == null ? List.of() : info.classes();
            text.append("classification").append(classes.isEmpty() ? "" : " into " + classes.size() + " classes ("
                    + String.join(", ", classes) + ")");
        } else {
            text.append("regression");
        }
        if (info != null && !info.project().isBlank()) text.append(" · trained in \"").append(info.project()).append("\"");
        return text.toString();
    }

    /** The values typed for one example, separated by commas or spaces. */
    public StringProperty typedValuesProperty() { return typedValues; }

    /** Why the last input could not be used, or empty. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** True while the network runs. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** The predictions, newest last. */
    public ObservableList<PredictionRow> rows() { return rows; }

    /** Predicts the example typed in {@link #typedValuesProperty()}. */
    public void predictTyped() {
        double[] values;
        try {
            values = parse(typedValues.get(), predictor.valuesPerRow());
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        run(new double[][] {values}, List.of("typed"));
    }

    /**
     * The values of {@code text} separated by commas, semicolons or spaces.
     *
     * @throws IllegalArgumentException naming the bad value, or saying how many values are needed
     */
    static double[] parse(String text, int expected) {
        String trimmed = text == null ? "" : text.trim();
        String[] parts = trimmed.isEmpty() ? new String[0] : trimmed.split("[,;\\s]+");
        if (parts.length != expected) {
            throw new IllegalArgumentException("Enter " + expected + (expected == 1 ? " value" : " values")
                    + " separated by commas; got " + parts.length + ".");
        }
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Value " + (i + 1) + " \"" + parts[i] + "\" is not a number (e.g. 0.5, -2, 1e-3).");
            }
            if (!Double.isFinite(values[i])) throw new IllegalArgumentException("Value " + (i + 1) + " must be a finite number.");
        }
        return values;
    }

    /** Predicts every row of {@code csv}; a first line of column names is recognised and skipped. */
    public void predictFile(Path csv) {
        problem.set("");
        busy.set(true);
        executor.execute(() -> {
            CsvRows read = readRows(csv);
            List<String> sources = new ArrayList<>();
            for (int line : read.lines()) sources.add(csv.getFileName() + " line " + line);
            return new Batch(read.values(), sources, predictor.predict(read.values()));
        }, this::show, this::failed);
    }

    private CsvRows readRows(Path csv) throws RowsFileException {
        try {
            return CsvRows.read(csv, false, predictor.valuesPerRow());
        } catch (RowsFileException e) {
            if (e.firstLineMayBeHeader()) return CsvRows.read(csv, true, predictor.valuesPerRow());
            throw e;
        }
    }

    private record Batch(double[][] inputs, List<String> sources, Predictions predictions) { }

    private void run(double[][] inputs, List<String> sources) {
        problem.set("");
        busy.set(true);
        executor.execute(() -> new Batch(inputs, sources, predictor.predict(inputs)), this::show, this::failed);
    }

    private void show(Batch batch) {
        busy.set(false);
        for (int r = 0; r < batch.predictions().size(); r++) {
            rows.add(new PredictionRow(batch.sources().get(r), shortened(batch.inputs()[r]),
                    prediction(batch.predictions(), r), outputs(batch.predictions(), r)));
        }
    }

    private void failed(Throwable failure) {
        busy.set(false);
        String message = failure.getMessage();
        problem.set(message == null || message.isBlank() ? failure.getClass().getSimpleName() : message);
    }

    private static String prediction(Predictions p, int row) {
        float[] out = p.outputs()[row];
        if (p.task() == Task.CLASSIFICATION) {
            int c = p.predictedClass(row);
            String name = p.name(c) == null ? "class " + c : p.name(c);
            return name + String.format(Locale.ROOT, " (%.1f %%)", out[c] * 100.0);
        }
        return out.length == 1 ? number(out[0]) : outputs(p, row);
    }

    private static String outputs(Predictions p, int row) {
        float[] out = p.outputs()[row];
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            String name = p.name(i) == null ? (p.task() == Task.CLASSIFICATION ? "class " + i : "output " + i) : p.name(i);
            parts.add(name + " " + number(out[i]));
        }
        return String.join(", ", parts);
    }

    private static String shortened(double[] values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(values.length, SHOWN_VALUES); i++) parts.add(number(values[i]));
        return String.join(", ", parts) + (values.length > SHOWN_VALUES ? ", … (" + values.length + " values)" : "");
    }

    private static String number(double v) { return String.format(Locale.ROOT, "%.4g", v); }
}
