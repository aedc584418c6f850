package io.layerlab.ui.experiments;

import io.layerlab.project.Project;
import io.layerlab.train.EpochEvent;
import io.layerlab.train.TrainingSpec;
import io.layerlab.train.sweep.CombinationSummary;
import io.layerlab.train.sweep.LearningRates;
import io.layerlab.train.sweep.LrRangeResult;
import io.layerlab.train.sweep.LrRangeTest;
import io.layerlab.train.sweep.Observation;
import io.layerlab.train.sweep.RunKey;
import io.layerlab.train.sweep.Sweep;
import io.layerlab.train.sweep.SweepListener;
import io.layerlab.train.sweep.SweepPlan;
import io.layerlab.train.sweep.SweepResult;
import io.layerlab.train.sweep.SweepRun;
import io.layerlab.train.sweep.SweepSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Experiments on the open project: a sweep over learning rates × batch sizes (× optimizers) with
 * repeats, its curves arriving live, the results, the observations the sweep core derives from the
 * curves; and a learning-rate range test with its suggested rate. "Use these settings" writes a
 * run's learning rate and batch size (or the suggested rate) back into the project as an undoable
 * edit; "Open in Dashboard" shows a finished run in the training dashboard beside the person's own runs. Sweeps run on their own worker pool; events are handed to the JavaFX thread at most once
 * per pulse.
 */
public final class ExperimentsViewModel {
    private static final Pattern LOG_RANGE = Pattern.compile("\\s*log\\s+(\\S+)\\s*(?:\\.\\.|to)\\s*(\\S+)\\s*[x×]\\s*(\\d+)\\s*");

    private final Project project;
    private final Executor executor;
    private final BiConsumer<Double, Integer> useSettings;
    private final BiConsumer<SweepRun, Project> openInDashboard;
    private final StringProperty learningRates = new SimpleStringProperty(this, "learningRates", "log 1e-4 .. 1 x 5");
    private final StringProperty batchSizes = new SimpleStringProperty(this, "batchSizes", "");
    private final StringProperty optimizers = new SimpleStringProperty(this, "optimizers", "");
    private final IntegerProperty repeats = new SimpleIntegerProperty(this, "repeats", 1);
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", 20);
    private final StringProperty targetLoss = new SimpleStringProperty(this, "targetLoss", "");
    private final ReadOnlyObjectWrapper<Double> resultsTarget = new ReadOnlyObjectWrapper<>(this, "resultsTarget");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ObservableList<SweepRun> results = FXCollections.observableArrayList();
    private final ObservableList<Observation> observations = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<CombinationSummary>> summaries = new ReadOnlyObjectWrapper<>(this, "summaries", List.of());
    private final ReadOnlyObjectWrapper<LiveSweep> live = new ReadOnlyObjectWrapper<>(this, "live");
    private final ReadOnlyObjectWrapper<LrRangeResult> rangeResult = new ReadOnlyObjectWrapper<>(this, "rangeResult");
    private final List<LrRangeTest.Point> rangePoints = new CopyOnWriteArrayList<>();
    private final AtomicBoolean handOverPosted = new AtomicBoolean();
    private final List<Runnable> curveListeners = new ArrayList<>();
    private Sweep sweep;
    private LrRangeTest rangeTest;

    /**
     * @param useSettings     sets the project's learning rate and batch size (batch null: keep it)
     * @param openInDashboard shows a finished run in the training dashboard, given the project it trained
     */
    public ExperimentsViewModel(Project project, Executor executor, BiConsumer<Double, Integer> useSettings,
                                BiConsumer<SweepRun, Project> openInDashboard) {
        this.project = Objects.requireNonNull(project);
        this.executor = Objects.requireNonNull(executor);
        this.useSettings = Objects.requireNonNull(useSettings);
        this.openInDashboard = Objects.requireNonNull(openInDashboard);
        TrainingSpec t = project.training();
        batchSizes.set(Integer.toString(t.batchSize()));
        epochs.set(Math.min(t.epochs(), 30));
    }

    public Project project() { return project; }

    /** A list ("0.001, 0.01, 0.1") or a log range ("log 1e-4 .. 1 x 5"). */
    public StringProperty learningRatesProperty() { return learningRates; }
    public StringProperty batchSizesProperty() { return batchSizes; }
    /** Empty for the project's optimizer. */
    public StringProperty optimizersProperty() { return optimizers; }
    public IntegerProperty repeatsProperty() { return repeats; }
    public IntegerProperty epochsProperty() { return epochs; }
    /** The loss each run should reach, blank for none: the table then shows the epoch it first did. */
    public StringProperty targetLossProperty() { return targetLoss; }
    /** The target loss of the sweep whose runs {@link #results()} holds; null when it had none. */
    public ReadOnlyObjectProperty<Double> resultsTargetProperty() { return resultsTarget.getReadOnlyProperty(); }
    /** Why the form cannot start a sweep, or empty. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** "7 of 12 runs finished", "Cancelled: 7 runs kept". */
    public ReadOnlyStringProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** Finished runs, in the order they finished. */
    public ObservableList<SweepRun> results() { return results; }
    public ObservableList<Observation> observations() { return observations; }
    /** Per combination after the sweep (for the heatmap); empty before. */
    public ReadOnlyObjectProperty<List<CombinationSummary>> summariesProperty() { return summaries.getReadOnlyProperty(); }
    /** The curves of the sweep being run or last run. */
    public ReadOnlyObjectProperty<LiveSweep> liveProperty() { return live.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<LrRangeResult> rangeResultProperty() { return rangeResult.getReadOnlyProperty(); }
    /** The range test's points so far (read on the JavaFX thread). */
    public List<LrRangeTest.Point> rangePoints() { return List.copyOf(rangePoints); }

    /** Called on the JavaFX thread when new points arrived. */
    public void addCurveListener(Runnable listener) { curveListeners.add(listener); }

    /** The rates a form entry names. @throws IllegalArgumentException saying what would be valid */
    static List<Double> parseRates(String text) {
        Matcher m = LOG_RANGE.matcher(text == null ? "" : text);
        if (m.matches()) {
            double from = number(m.group(1), "the range start");
            double to = number(m.group(2), "the range end");
            return LearningRates.logRange(from, to, Integer.parseInt(m.group(3)));
        }
        List<Double> rates = new ArrayList<>();
        for (String part : split(text)) rates.add(number(part, "learning rate \"" + part + "\""));
        if (rates.isEmpty()) throw new IllegalArgumentException("Enter learning rates: a list like 0.001, 0.01, 0.1 or a range like log 1e-4 .. 1 x 5");
        return rates;
    }

    static List<Integer> parseBatches(String text) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : split(text)) {
            try {
                sizes.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Batch size \"" + part + "\" is not a whole number (e.g. 16, 32, 64)");
            }
        }
        if (sizes.isEmpty()) throw new IllegalArgumentException("Enter batch sizes, e.g. 16, 32, 64");
        return sizes;
    }

    /** The target loss a form entry names: blank is none. @throws IllegalArgumentException saying what would be valid */
    static Double parseTargetLoss(String text) {
        if (text == null || text.isBlank()) return null;
        String entry = text.trim();
        double loss = number(entry, "the target loss \"" + entry + "\"");
        if (!(loss > 0) || !Double.isFinite(loss)) {
            throw new IllegalArgumentException("the target loss must be a number above 0 (e.g. 0.1), or empty for none; was " + entry);
        }
        return loss;
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        for (String p : (text == null ? "" : text).split("[,;\\s]+")) if (!p.isBlank()) parts.add(p.trim());
        return parts;
    }

    private static double number(String text, String what) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a number (e.g. 0.01 or 1e-3)");
        }
    }

    /** The sweep the form describes. @throws IllegalArgumentException naming what is wrong */
    SweepSpec spec() {
        SweepSpec spec = SweepSpec.of(parseRates(learningRates.get()), parseBatches(batchSizes.get()))
                .withRepeats(repeats.get()).withEpochs(epochs.get()).withTargetLoss(parseTargetLoss(targetLoss.get()));
        List<String> names = split(optimizers.get());
        return names.isEmpty() ? spec : spec.withOptimizers(names);
    }

    /** Starts the sweep the form describes; a form that does not describe one says why in {@link #problemProperty()}. */
    public void run() {
        if (running.get()) return;
        Sweep next;
        SweepSpec spec;
        try {
            spec = spec();
            next = new Sweep(project, spec);
        } catch (RuntimeException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set("");
        results.clear();
        resultsTarget.set(spec.targetLoss());
        observations.clear();
        summaries.set(List.of());
        LiveSweep curves = new LiveSweep(next.plan());
        live.set(curves);
        sweep = next;
        running.set(true);
        int total = next.plan().runs().size();
        progress.set("0 of " + total + " runs finished · " + next.parallelism() + " at a time");
        next.addListener(new SweepListener() {
            @Override public void onEpoch(RunKey run, EpochEvent event) {
                curves.add(run, event);
                handOver();
            }

            @Override public void onRunFinished(SweepRun run) {
                Platform.runLater(() -> {
                    results.add(run);
                    progress.set(results.size() + " of " + total + " runs finished · " + next.parallelism() + " at a time");
                });
            }

            @Override public void onSweepFinished(SweepResult result) {
                Platform.runLater(() -> finished(result));
            }
        });
        next.start().exceptionally(failure -> {
            // CompletableFuture wraps the sweep's own exception (a graph that does not compile, data that cannot load).
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            Platform.runLater(() -> {
                running.set(false);
                progress.set("");
                problem.set("The sweep cannot run: " + message);
            });
            return null;
        });
    }

    private void finished(SweepResult result) {
        running.set(false);
        summaries.set(result.combinations());
        observations.setAll(result.observations());
        progress.set((result.cancelled() ? "Cancelled: " + result.runs().size() + " runs kept" : "Finished " + result.runs().size() + " runs")
                + String.format(java.util.Locale.ROOT, " in %.1f s", result.seconds()));
        curveListeners.forEach(Runnable::run);
    }

    /** Stops every run between two iterations; finished runs are kept. */
    public void cancel() {
        if (sweep != null) sweep.cancel();
        if (rangeTest != null) rangeTest.stop();
    }

    /** Writes {@code run}'s learning rate and batch size into the project (undoable). */
    public void useSettingsOf(SweepRun run) { useSettings.accept(run.key().learningRate(), run.key().batchSize()); }

    /** Whether {@code run} can be shown in the dashboard: it trained (a run that failed before training has no curves). */
    public static boolean canOpenInDashboard(SweepRun run) { return run != null && run.history() != null; }

    /** Shows {@code run} in the training dashboard as a run of its own, with the settings it trained with. */
    public void openInDashboard(SweepRun run) {
        LiveSweep curves = live.get();
        if (!canOpenInDashboard(run) || curves == null) return;
        openInDashboard.accept(run, curves.plan().runs().get(run.key().index()).project());
    }

    /** Starts a learning-rate range test with the project's settings. */
    public void runRangeTest() {
        if (running.get()) return;
        rangePoints.clear();
        rangeResult.set(null);
        running.set(true);
        problem.set("");
        progress.set("Range test: raising the learning rate step by step…");
        LrRangeTest test = new LrRangeTest(project, LrRangeTest.Settings.defaults());
        rangeTest = test;
        test.addListener(point -> { rangePoints.add(point); handOver(); });
        executor.execute(() -> {
            try {
                LrRangeResult result = test.run();
                Platform.runLater(() -> {
                    running.set(false);
                    rangeResult.set(result);
                    progress.set(result.explanation());
                    curveListeners.forEach(Runnable::run);
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    running.set(false);
                    problem.set("The range test failed: " + e.getMessage());
                });
            }
        });
    }

    /** Sets the project's learning rate to the range test's suggestion. */
    public void useSuggestedRate() {
        LrRangeResult r = rangeResult.get();
        if (r != null && Double.isFinite(r.suggestedRate())) useSettings.accept(r.suggestedRate(), null);
    }

    private void handOver() {
        if (handOverPosted.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                handOverPosted.set(false);
                curveListeners.forEach(Runnable::run);
            });
        }
    }

    /** Epoch losses per run as they arrive (validation loss where the project validates, else training loss). */
    public static final class LiveSweep {
        private final SweepPlan plan;
        private final Map<Integer, double[]> losses = new ConcurrentHashMap<>();

        LiveSweep(SweepPlan plan) { this.plan = plan; }

        public SweepPlan plan() { return plan; }

        void add(RunKey run, EpochEvent e) {
            double loss = e.valLoss() != null ? e.valLoss() : e.trainLoss();
            losses.compute(run.index(), (k, old) -> {
                int n = Math.max(e.epoch(), old == null ? 0 : old.length);
                double[] next = old == null ? new double[n] : java.util.Arrays.copyOf(old, n);
                if (old == null || old.length < n) java.util.Arrays.fill(next, old == null ? 0 : old.length, n, Double.NaN);
                next[e.epoch() - 1] = loss;
                return next;
            });
        }

        /** The losses of run {@code index} per epoch so far (a copy; NaN where missing). */
        public double[] losses(int index) {
            double[] l = losses.get(index);
            return l == null ? new double[0] : l.clone();
        }
    }
}
