package io.layerlab.ui.training;

import io.layerlab.data.DataSpec;
import io.layerlab.project.Project;
import io.layerlab.train.LearningRateSchedule;
import io.layerlab.train.TrainingSpec;
import io.layerlab.ui.support.AxisTicks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings of the next run as the controls edit them: the training section (epochs, optimiser,
 * learning rate and its schedule, batch size, shuffling, seed) and the data's validation split.
 * Text fields hold text; {@link #problemProperty()} says in plain words what is not valid yet.
 */
public final class TrainingSettings {
    public static final int MAX_EPOCHS = 100_000;
    public static final int MAX_BATCH = 65_536;
    public static final double MAX_VALIDATION_SPLIT = 0.9;

    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", 50);
    private final StringProperty optimizer = new SimpleStringProperty(this, "optimizer", "adam");
    private final StringProperty learningRate = new SimpleStringProperty(this, "learningRate", "0.01");
    private final ObjectProperty<LearningRateSchedule.Kind> schedule =
            new SimpleObjectProperty<>(this, "schedule", LearningRateSchedule.Kind.NONE);
    private final IntegerProperty scheduleEvery = new SimpleIntegerProperty(this, "scheduleEvery", 10);
    private final StringProperty scheduleFactor = new SimpleStringProperty(this, "scheduleFactor", "0.5");
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", 32);
    private final BooleanProperty shuffle = new SimpleBooleanProperty(this, "shuffle", true);
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "42");
    private final DoubleProperty validationSplit = new SimpleDoubleProperty(this, "validationSplit", 0.2);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private TrainingSpec base = TrainingSpec.defaults();
    private DataSpec data;

    TrainingSettings() {
        problem.bind(Bindings.createStringBinding(this::findProblem, epochs, optimizer, learningRate, schedule,
                scheduleEvery, scheduleFactor, batchSize, seed, validationSplit));
    }

    /** Shows {@code project}'s training section and validation split. */
    public void load(Project project) {
        TrainingSpec spec = project.training();
        base = spec;
        data = project.data();
        epochs.set(spec.epochs());
        optimizer.set(spec.optimizer());
        showLearningRate(spec);
        showSchedule(spec);
        batchSize.set(spec.batchSize());
        shuffle.set(spec.shuffle());
        seed.set(Long.toString(spec.seed()));
        validationSplit.set(project.data().validationSplit());
    }

    /**
     * Takes up what changed in {@code project}'s settings since they were last shown (an edit in the
     * inspector, an undo) and keeps what the person edited here and the project did not change: a
     * learning rate typed here survives a change of the project's epochs.
     */
    public void takeUp(Project project) {
        TrainingSpec was = base;
        DataSpec wasData = data;
        if (was == null || wasData == null) {
            load(project);
            return;
        }
        TrainingSpec is = project.training();
        base = is;
        data = project.data();
        if (is.epochs() != was.epochs()) epochs.set(is.epochs());
        if (!is.optimizer().equals(was.optimizer())) optimizer.set(is.optimizer());
        if (is.learningRate() != was.learningRate()) showLearningRate(is);
        if (!scheduleOf(is).equals(scheduleOf(was))) showSchedule(is);
        if (is.batchSize() != was.batchSize()) batchSize.set(is.batchSize());
        if (is.shuffle() != was.shuffle()) shuffle.set(is.shuffle());
        if (is.seed() != was.seed()) seed.set(Long.toString(is.seed()));
        if (project.data().validationSplit() != wasData.validationSplit()) validationSplit.set(project.data().validationSplit());
    }

    private void showLearningRate(TrainingSpec spec) {
        learningRate.set(AxisTicks.format(spec.learningRate()).replace(",", ""));
    }

    private void showSchedule(TrainingSpec spec) {
        LearningRateSchedule s = scheduleOf(spec);
        schedule.set(s.kind());
        if (!s.isNone()) {
            scheduleEvery.set(s.everyEpochs());
            scheduleFactor.set(AxisTicks.format(s.factor()));
        }
    }

    private static LearningRateSchedule scheduleOf(TrainingSpec spec) {
        try {
            return LearningRateSchedule.of(spec);
        } catch (IllegalArgumentException e) {
            return LearningRateSchedule.none();
        }
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public StringProperty optimizerProperty() {
        return optimizer;
    }

    /** The learning rate as typed. */
    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public ObjectProperty<LearningRateSchedule.Kind> scheduleProperty() {
        return schedule;
    }

    /** Epochs between steps of a step schedule. */
    public IntegerProperty scheduleEveryProperty() {
        return scheduleEvery;
    }

    /** The schedule's factor as typed: per step, per epoch, or the cosine's final fraction. */
    public StringProperty scheduleFactorProperty() {
        return scheduleFactor;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public BooleanProperty shuffleProperty() {
        return shuffle;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public DoubleProperty validationSplitProperty() {
        return validationSplit;
    }

    /** Empty when the settings are valid; otherwise what to fix. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public boolean isValid() {
        return problem.get().isEmpty();
    }

    /** The training section these settings describe (fields the dashboard does not edit kept from the project). */
    public TrainingSpec trainingSpec() {
        requireValid();
        TrainingSpec spec = new TrainingSpec(optimizer.get(), parse(learningRate.get()), batchSize.get(), epochs.get(),
                shuffle.get(), Long.parseLong(seed.get().trim()), base.extras());
        return schedule().applyTo(spec);
    }

    /** The project's data section with these settings' validation split. */
    public DataSpec dataSpec() {
        requireValid();
        if (data == null) {
            throw new IllegalStateException("no project loaded");
        }
        return new DataSpec(data.source(), data.params(), validationSplit.get(), data.seed(), data.extras());
    }

    private LearningRateSchedule schedule() {
        return switch (schedule.get()) {
            case NONE -> LearningRateSchedule.none();
            case STEP -> LearningRateSchedule.step(scheduleEvery.get(), parse(scheduleFactor.get()));
            case EXPONENTIAL -> LearningRateSchedule.exponential(parse(scheduleFactor.get()));
            case COSINE -> LearningRateSchedule.cosine(parse(scheduleFactor.get()));
        };
    }

    private void requireValid() {
        if (!isValid()) {
            throw new IllegalStateException(problem.get());
        }
    }

    private String findProblem() {
        List<String> problems = new ArrayList<>();
        double rate = parse(learningRate.get());
        if (!(rate > 0) || !Double.isFinite(rate)) {
            problems.add("Learning rate must be a positive number such as 0.01.");
        }
        if (epochs.get() < 1 || epochs.get() > MAX_EPOCHS) {
            problems.add("Epochs must be between 1 and " + MAX_EPOCHS + ".");
        }
        if (batchSize.get() < 1 || batchSize.get() > MAX_BATCH) {
            problems.add("Batch size must be between 1 and " + MAX_BATCH + ".");
        }
        if (!TrainingSpec.OPTIMIZERS.contains(optimizer.get())) {
            problems.add("Optimiser must be one of " + String.join(", ", TrainingSpec.OPTIMIZERS) + ".");
        }
        if (schedule.get() != LearningRateSchedule.Kind.NONE) {
            double factor = parse(scheduleFactor.get());
            if (!(factor > 0 && factor <= 1)) {
                problems.add("The schedule's factor must be above 0 and at most 1, such as 0.5.");
            }
            if (schedule.get() == LearningRateSchedule.Kind.STEP && scheduleEvery.get() < 1) {
                problems.add("The step schedule needs at least 1 epoch between steps.");
            }
        }
        try {
            Long.parseLong(seed.get().trim());
        } catch (NumberFormatException e) {
            problems.add("Seed must be a whole number such as 42.");
        }
        double split = validationSplit.get();
        if (!(split >= 0 && split <= MAX_VALIDATION_SPLIT)) {
            problems.add("Validation split must be between 0 and " + AxisTicks.format(MAX_VALIDATION_SPLIT) + ".");
        }
        return String.join(" ", problems);
    }

    /** A typed number; NaN when it is not one. Accepts "1e-3" and a decimal comma. */
    static double parse(String text) {
        if (text == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text.trim().replace(',', '.').toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
