package io.layerlab.ui.training;

import io.layerlab.compile.CompileException;
import io.layerlab.data.DataException;
import io.layerlab.data.DataSpec;
import io.layerlab.data.Datasets;
import io.layerlab.data.LoadedData;
import io.layerlab.graph.Graph;
import io.layerlab.model.ModelInfo;
import io.layerlab.model.TrainedModel;
import io.layerlab.project.Project;
import io.layerlab.shape.Diagnostic;
import io.layerlab.train.BackgroundPriority;
import io.layerlab.train.BoundaryFrame;
import io.layerlab.train.BoundarySampler;
import io.layerlab.train.ClassifierSnapshots;
import io.layerlab.train.DecisionBoundary;
import io.layerlab.train.EpochEvent;
import io.layerlab.train.KeptRuns;
import io.layerlab.train.LayerStatistics;
import io.layerlab.train.LayerStats;
import io.layerlab.train.ObserverRate;
import io.layerlab.train.ProjectRun;
import io.layerlab.train.RunDiff;
import io.layerlab.train.RunEvaluation;
import io.layerlab.train.RunLog;
import io.layerlab.train.RunNetworks;
import io.layerlab.train.RunRecord;
import io.layerlab.train.RunSetup;
import io.layerlab.train.SavedRun;
import io.layerlab.train.StopReason;
import io.layerlab.train.Trainer;
import io.layerlab.train.TrainingResult;
import io.layerlab.train.TrainingSpec;
import io.layerlab.train.sweep.SweepRun;
import io.layerlab.train.sweep.SweepRunRecords;
import io.layerlab.ui.support.AxisTicks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyMapProperty;
import javafx.beans.property.ReadOnlyMapWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/**
 * The dashboard's state and commands: the settings of the next run, the run in progress (started
 * on the executor, never on the JavaFX thread), the runs of the shown project, the live layer
 * statistics, decision boundary and results, and what went wrong.
 *
 * <h2>From the training thread to the screen</h2>
 * The training thread writes into the run's {@link LiveFeed} only. While a run is active a ticker
 * thread looks every {@link #PUMP_INTERVAL_MILLIS} ms whether the feed has news and, if so and no
 * hand-over is pending, posts one {@code Platform.runLater} that applies everything new in one go;
 * the charts redraw once per such batch. Nothing is posted per event, and nothing keeps JavaFX
 * pulsing while no data arrives (an animation timer would ask for 60 pulses a second).
 *
 * <p>Used on the JavaFX thread only.
 */
public final class TrainingViewModel {
    /**
     * The JavaFX side takes training data at most this often (five times a second: the numbers still
     * read as live); charts redraw at most every other time. Every hand-over costs a pulse (the
     * progress text and tables change, so the scene is laid out and repainted): at ten a second
     * that alone took a noticeable share of a core the training needs.
     */
    static final long PUMP_INTERVAL_MILLIS = 200;
    /** How long the worker waits before it prepares a run, so the window shows the run starting first (see {@link #start()}). */
    static final long START_DELAY_MILLIS = 100;
    /**
     * The progress bars turn to a busy animation only when preparing a run takes longer than this:
     * most networks are ready sooner, and switching a bar to the animation and back rebuilds it in
     * the frame that starts the run and animates it at every frame meanwhile, for a wait nobody notices.
     */
    static final long BUSY_AFTER_MILLIS = 400;
    /** Grid cells per side of the decision-boundary heatmap. */
    static final int BOUNDARY_SIZE = 64;
    /**
     * A new decision boundary at most this often: as often as the charts redraw. The regions change
     * gradually, so 2.5 frames a second still show them form; each frame costs a worker beside the
     * training 4,096 predictions and the software renderer a rescaled heatmap under a thousand points.
     */
    static final ObserverRate BOUNDARY_RATE = ObserverRate.atMostEvery(java.time.Duration.ofMillis(400));
    /**
     * Per-layer statistics at most this often (and every 10th iteration at most): the table's two
     * dozen numbers and the gauges on the canvas change with the charts, not at every hand-over;
     * faster than this nobody reads them, and each change re-lays out and repaints every cell.
     */
    static final ObserverRate STATISTICS_RATE = ObserverRate.everyIterations(10).atMostEveryAlso(java.time.Duration.ofMillis(400));
    /** Why there is no trained network to export before any run has finished. */
    public static final String NO_RUN_YET = "No run has finished yet: train the network first (Run ▸ Train, F5).";
    private static final String NO_RUNS_TO_COMPARE = "Train twice to compare two runs.";
    /** The key that adds a row to a list's selection: JavaFX takes the command key on macOS. */
    private static final String MULTI_SELECT_KEY =
            System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("mac") ? "⌘" : "Ctrl";

    /** The runs of one project: its log, and the rows shown for it. */
    private static final class ProjectRuns {
        final RunLog log = new RunLog();
        final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    }

    /** The run being trained: its row, its feed, and how the JavaFX thread reaches its trainer. */
    private static final class ActiveRun {
        final RunRow row;
        final LiveFeed feed = new LiveFeed();
        final ProjectRuns owner;
        Trainer trainer;
        boolean stopRequested;
        boolean pauseRequested;
        long runningSinceNanos;
        long activeNanos;
        int iteration;
        int epoch;
        double samplesPerSecond;
        PreparedRun prepared;
        /** Set by the training thread before it reports the result; read after the result is drained. */
        volatile KeptNetwork kept;

        ActiveRun(RunRow row, ProjectRuns owner) {
            this.row = row;
            this.owner = owner;
        }

        synchronized void attach(Trainer t) {
            trainer = t;
            if (stopRequested) {
                t.stop();
            } else if (pauseRequested) {
                t.pause();
            }
        }

        synchronized void pause() {
            pauseRequested = true;
            if (trainer != null) {
                trainer.pause();
            }
        }

        synchronized void resume() {
            pauseRequested = false;
            if (trainer != null) {
                trainer.resume();
            }
        }

        synchronized void stop() {
            stopRequested = true;
            if (trainer != null) {
                trainer.stop();
            }
        }
    }

    /** What a finished run leaves to export: its network with the best weights restored, and how to feed it. */
    private record KeptNetwork(ComputationGraph network, DataNormalization normalizer, ModelInfo info) { }

    private final Executor executor;
    private final TrainingSettings settings = new TrainingSettings();
    private final Map<Project, ProjectRuns> runsByProject = new WeakHashMap<>();
    /** Told the project whose log a finished run was just kept in. */
    private Consumer<Project> onRunsChanged = p -> { };
    private Consumer<Project> onStarting = p -> { };
    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private final ObservableList<RunRow> selection = FXCollections.observableArrayList();
    private final ObservableList<RunRow> shownRuns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunRow> focusRun = new ReadOnlyObjectWrapper<>(this, "focusRun");
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper changesNote = new ReadOnlyStringWrapper(this, "changesNote", NO_RUNS_TO_COMPARE);
    private final ReadOnlyObjectWrapper<RunPhase> phase = new ReadOnlyObjectWrapper<>(this, "phase", RunPhase.IDLE);
    private final ReadOnlyObjectWrapper<RunRow> activeRow = new ReadOnlyObjectWrapper<>(this, "activeRun");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "Ready to train.");
    private final ReadOnlyIntegerWrapper iteration = new ReadOnlyIntegerWrapper(this, "iteration");
    private final ReadOnlyObjectWrapper<Banner> banner = new ReadOnlyObjectWrapper<>(this, "banner");
    private final ObservableList<Diagnostic> problems = FXCollections.observableArrayList();
    private final ObservableList<LayerRow> layerRows = FXCollections.observableArrayList();
    // Read-only views made once: a view listens to its list weakly, so a listener added to a view made
    // at each call stopped hearing of changes once the collector took that view.
    private final ObservableList<RunRow> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ObservableList<RunRow> shownRunsView = FXCollections.unmodifiableObservableList(shownRuns);
    private final ObservableList<String> changesView = FXCollections.unmodifiableObservableList(changes);
    private final ObservableList<Diagnostic> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<LayerRow> layerRowsView = FXCollections.unmodifiableObservableList(layerRows);
    private final ReadOnlyMapWrapper<String, LayerStats> layerStatistics =
            new ReadOnlyMapWrapper<>(this, "layerStatistics", FXCollections.observableMap(new LinkedHashMap<>()));
    private final ReadOnlyObjectWrapper<PreparedRun> boundaryPoints = new ReadOnlyObjectWrapper<>(this, "boundaryPoints");
    private final ReadOnlyObjectWrapper<BoundaryFrame> boundary = new ReadOnlyObjectWrapper<>(this, "boundary");
    /** Prepares each new boundary frame for the view on the thread that makes it (see {@link #paintBoundaryFramesWith}). */
    private Consumer<BoundaryFrame> boundaryPainter = frame -> { };
    private final ReadOnlyIntegerWrapper dataVersion = new ReadOnlyIntegerWrapper(this, "dataVersion");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart");
    private final ReadOnlyObjectWrapper<RunRow> reportedRun = new ReadOnlyObjectWrapper<>(this, "reportedRun");
    private final ReadOnlyObjectWrapper<TrainedRun> trainedRun = new ReadOnlyObjectWrapper<>(this, "trainedRun");
    private final ReadOnlyStringWrapper noTrainedRun = new ReadOnlyStringWrapper(this, "noTrainedRun", NO_RUN_YET);
    private final AtomicBoolean pumpPosted = new AtomicBoolean();
    private ScheduledExecutorService ticker;
    private ScheduledFuture<?> ticking;
    private ActiveRun active;
    /** Made at the first run (an animation needs the toolkit running). */
    private PauseTransition busyAfter;
    private boolean pumping;

    /** @param executor runs preparation and training; each run occupies one of its threads while it trains */
    public TrainingViewModel(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        canStart.bind(Bindings.createBooleanBinding(
                () -> project.get() != null && phase.get() == RunPhase.IDLE && settings.isValid(),
                project, phase, settings.problemProperty()));
        selection.addListener((ListChangeListener<RunRow>) c -> selectionChanged());
        // The note says what to do next, which depends on how many runs there are to pick from.
        runs.addListener((ListChangeListener<RunRow>) c -> {
            if (selection.size() < 2) {
                changesNote.set(nothingToCompareNote());
            }
        });
        activeRow.addListener((obs, was, is) -> refreshShown());
    }

    // ---- project and settings ----

    public TrainingSettings settings() {
        return settings;
    }

    /** Shows {@code newProject}: its settings in the controls and its runs in the list. */
    public void setProject(Project newProject) {
        if (newProject == project.get()) {
            return;
        }
        project.set(newProject);
        selection.clear();
        if (newProject == null) {
            runs.clear();
            refreshReported();
            return;
        }
        settings.load(newProject);
        ProjectRuns projectRuns = runsByProject.computeIfAbsent(newProject, p -> new ProjectRuns());
        runs.setAll(projectRuns.rows);
        if (!projectRuns.rows.isEmpty()) {
            selection.setAll(projectRuns.rows.get(projectRuns.rows.size() - 1));
        }
        problems.clear();
        banner.set(null);
        refreshReported();
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /** The runs of the shown project, oldest first. */
    public ObservableList<RunRow> runs() {
        return runsView;
    }

    /** The finished runs of the shown project, as kept with it. */
    public RunLog runLog() {
        Project p = project.get();
        return p == null ? new RunLog() : runsByProject.computeIfAbsent(p, k -> new ProjectRuns()).log;
    }

    /**
     * The finished runs kept for {@code p}, oldest first (none if it never trained), with the
     * networks they hold by run id, each as a writer of the zip kept beside the project (see
     * {@link RunNetworks}); runs without one (a sweep's, one stopped before its first epoch) have none.
     */
    public KeptRuns keptRunsOf(Project p) {
        ProjectRuns owner = runsByProject.get(p);
        if (owner == null) {
            return KeptRuns.NONE;
        }
        Map<Integer, RunNetworks.Writer> networks = new LinkedHashMap<>();
        for (RunRow row : owner.rows) {
            if (row.isFinished() && row.trained() != null) {
                networks.put(row.id(), row.trained()::saveWithRun);
            }
        }
        return new KeptRuns(owner.log.runs(), networks);
    }

    /**
     * Shows {@code saved} (read with {@code p}'s file) as its finished runs, with their curves,
     * metrics and results, and the networks that were saved with them (which export and try as if
     * trained now); runs trained later are numbered after them. Does nothing if {@code p} has runs already.
     */
    public void restoreRuns(Project p, List<SavedRun> saved) {
        if (saved.isEmpty() || runsByProject.containsKey(p)) {
            return;
        }
        ProjectRuns owner = new ProjectRuns();
        for (SavedRun run : saved) {
            RunRecord record = run.record();
            owner.log.restore(record);
            RunRow row = new RunRow(record.setup());
            row.noBoundary(run.network() != null ? record.name() + "'s decision regions are being drawn from its saved network."
                    : record.name() + " was read from the runs saved with the project without its network, so it "
                    + "has no decision regions: train again to watch them form.");
            if (run.network() != null) {
                TrainedModel model = run.network();
                row.trained(new TrainedRun(record, model.network(), model.normalizer().orElse(null),
                        model.info().orElseGet(() -> new ModelInfo(p.name(), null, List.of(), List.of(), List.of(), List.of())))
                        .withCopyAt(model.file()));
            } else if (run.networkProblem() != null) {
                row.noWeights(record.name() + "'s saved network could not be read: " + run.networkProblem()
                        + " Train again to export a model.");
            } else {
                row.noWeights(record.name() + " was read from the runs saved with the project, which keep its curves and "
                        + "results but not its network: train again to export a model.");
            }
            row.finished(record);
            owner.rows.add(row);
        }
        runsByProject.put(p, owner);
        owner.rows.stream().filter(row -> row.trained() != null).forEach(this::drawRestoredBoundary);
    }

    /**
     * In the background, the decision regions of a restored run's network when its data is points
     * in a plane, shown once ready; for other data the run has none, as when it trained (the panel
     * gives way); data that no longer loads is named as the reason.
     */
    private void drawRestoredBoundary(RunRow row) {
        RunRecord record = row.record();
        ComputationGraph network = row.trained().network();
        executor.execute(() -> {
            LoadedData data;
            try {
                data = Datasets.load(record.setup().data());
            } catch (RuntimeException e) {
                Platform.runLater(() -> row.noBoundary(record.name() + "'s data could not be loaded to draw its decision regions: "
                        + e.getMessage()));
                return;
            }
            boolean planar = DecisionBoundary.supports(data);
            PreparedRun points = PreparedRun.of(data, record.setup().training(), network.numParams(), planar);
            BoundaryFrame frame = planar ? DecisionBoundary.over(data, BOUNDARY_SIZE).evaluate(network, record.result().iterations()) : null;
            Platform.runLater(() -> {
                row.restoredBoundary(points, frame);
                if (isShown(row)) {
                    boundaryPoints.set(planar ? points : null);
                    boundary.set(frame);
                }
            });
        });
    }

    /**
     * {@code listener} is told the project as a run of it starts, before its settings are read (the
     * window lets the project take them up).
     */
    public void setOnStarting(Consumer<Project> listener) {
        onStarting = Objects.requireNonNull(listener);
    }

    /** {@code listener} is told the project whenever a finished run is kept for it (a training, a sweep's run) or deleted. */
    public void setOnRunsChanged(Consumer<Project> listener) {
        onRunsChanged = Objects.requireNonNull(listener);
    }

    /**
     * Deletes finished runs of the shown project: they leave the runs list, the charts and the
     * comparison, and the project's saved runs and networks at its next save (the document becomes
     * unsaved, as when a run is kept). A run still training is left alone. Returns how many went.
     */
    public int deleteRuns(List<RunRow> rows) {
        Project p = project.get();
        ProjectRuns owner = p == null ? null : runsByProject.get(p);
        if (owner == null) {
            return 0;
        }
        List<RunRow> deleted = rows.stream().filter(RunRow::isFinished).filter(owner.rows::contains).distinct().toList();
        for (RunRow row : deleted) {
            owner.log.remove(row.id());
            owner.rows.remove(row);
        }
        if (!deleted.isEmpty()) {
            runs.removeAll(deleted);
            selection.removeAll(deleted);
            refreshShown();
            refreshReported();
            runsChanged(owner);
        }
        return deleted.size();
    }

    private void runsChanged(ProjectRuns owner) {
        runsByProject.entrySet().stream().filter(e -> e.getValue() == owner).map(Map.Entry::getKey).findFirst()
                .ifPresent(onRunsChanged);
    }

    // ---- commands ----

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    /**
     * Starts a run of the shown project with the current settings: freezes the graph as it is now,
     * then compiles, loads and trains on the executor. Problems arrive as {@link #problems()} and the
     * {@link #bannerProperty() banner}, never as exceptions.
     */
    public void start() {
        Project p = project.get();
        if (!canStart.get()) {
            return;
        }
        onStarting.accept(p);
        TrainingSpec spec = settings.trainingSpec();
        DataSpec data = settings.dataSpec();
        ProjectRuns owner = runsByProject.computeIfAbsent(p, k -> new ProjectRuns());
        RunSetup setup = owner.log.begin(p, spec, data);
        RunRow row = new RunRow(setup);
        Project frozen = new Project(p.name(), p.description(), setup.graph(), data, spec);
        frozen.copyInitialWeightsFrom(p);
        ActiveRun run = new ActiveRun(row, owner);
        Consumer<BoundaryFrame> painter = boundaryPainter;
        problems.clear();
        banner.set(null);
        try {
            // The training thread keeps its priority; the threads that serve it are lowered (BackgroundPriority).
            executor.execute(() -> {
                waitForTheStartToShow();
                prepareAndTrain(frozen, spec, setup, run.feed, run, painter);
            });
        } catch (RejectedExecutionException e) {
            owner.log.abandon(setup);
            banner.set(new Banner(Banner.Kind.DANGER, "Training could not start", "The background worker is shut down."));
            return;
        }
        active = run;
        owner.rows.add(row);
        if (owner == runsByProject.get(project.get())) {
            runs.add(row);
            selection.add(row);
        }
        activeRow.set(row);
        phase.set(RunPhase.PREPARING);
        progress.set(0);
        showBusyIfStillPreparing(run);
        iteration.set(0);
        progressText.set("Preparing " + setup.name() + ": compiling the network and loading the data…");
        awaitStatistics(setup.graph());
        layerStatistics.clear();
        boundary.set(null);
        boundaryPoints.set(null);
        startTicking(run.feed);
    }

    private void showBusyIfStillPreparing(ActiveRun run) {
        if (busyAfter == null) {
            busyAfter = new PauseTransition(javafx.util.Duration.millis(BUSY_AFTER_MILLIS));
        }
        busyAfter.stop();
        busyAfter.setOnFinished(e -> {
            if (active == run && phase.get() == RunPhase.PREPARING) {
                progress.set(-1);
            }
        });
        busyAfter.playFromStart();
    }

    /** Posts a hand-over to the JavaFX thread whenever the feed has news, at most every {@link #PUMP_INTERVAL_MILLIS}. */
    private void startTicking(LiveFeed feed) {
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "layerlab-dashboard-ticker");
                t.setDaemon(true);
                return t;
            });
        }
        ticking = ticker.scheduleAtFixedRate(() -> {
            if (feed.hasNews() && pumpPosted.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    pumpPosted.set(false);
                    pump();
                });
            }
        }, PUMP_INTERVAL_MILLIS, PUMP_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void stopTicking() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    /**
     * On the worker, before it compiles: lets the window show the run starting first. Pressing Train
     * changes more of the dashboard at once than anything else (a new row, locked settings, progress,
     * cleared numbers); compiling the network and loading the data at the same moment took the core
     * that frame needed, and the frame took several times as long. Pause and stop pressed meanwhile
     * apply as the trainer attaches; an interrupt (shutdown) ends the wait and is left for the run to see.
     */
    private static void waitForTheStartToShow() {
        try {
            Thread.sleep(START_DELAY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On the worker: compile, load, attach the observers, train, evaluate; every outcome goes into the feed. */
    private static void prepareAndTrain(Project frozen, TrainingSpec spec, RunSetup setup, LiveFeed feed, ActiveRun control,
                                        Consumer<BoundaryFrame> painter) {
        try {
            ProjectRun run = ProjectRun.prepare(frozen, spec);
            // ND4J's threads exist now; the collector's and compilers' did from the start.
            BackgroundPriority.lowerHelperThreads();
            boolean planar = DecisionBoundary.supports(run.data());
            if (ClassifierSnapshots.supports(run.data())) {
                // Before the feed's observer: a new epoch on screen finds its copy already taken.
                ClassifierSnapshots pictures = new ClassifierSnapshots(run.network(), run.data());
                run.trainer().addObserver(pictures, ObserverRate.epochsOnly());
                control.row.pictureClassifier(pictures);
            }
            feed.prepared(PreparedRun.of(run.data(), spec, run.network().numParams(), planar));
            Trainer trainer = run.trainer();
            trainer.addObserver(feed, ObserverRate.everyIteration());
            LayerStatistics.attach(run, setup.graph(), STATISTICS_RATE, feed::stats);
            if (planar) {
                DecisionBoundary grid = DecisionBoundary.over(run.data(), BOUNDARY_SIZE);
                trainer.addObserver(new BoundarySampler(grid, run.network(), frame -> {
                    painter.accept(frame);
                    feed.boundary(frame);
                }), BOUNDARY_RATE);
            }
            control.attach(trainer);
            TrainingResult result = trainer.run();
            RunEvaluation evaluation = null;
            if (result.bestEpoch() > 0) {
                evaluation = RunEvaluation.of(run.network(), run.data());
                control.kept = new KeptNetwork(run.network(), run.data().normalizer(), ModelInfo.of(frozen.name(), run.data()));
            }
            feed.finished(result, evaluation);
        } catch (Throwable failure) {
            feed.failed(failure);
        }
    }

    /** Halts the run after its current iteration. */
    public void pause() {
        if (active != null && (phase.get() == RunPhase.RUNNING || phase.get() == RunPhase.PREPARING)) {
            active.pause();
            phase.set(RunPhase.PAUSING);
            progressText.set("Pausing after this iteration…");
        }
    }

    public void resume() {
        if (active != null && (phase.get() == RunPhase.PAUSED || phase.get() == RunPhase.PAUSING)) {
            active.resume();
            if (active.runningSinceNanos == 0) {
                active.runningSinceNanos = System.nanoTime();
            }
            phase.set(active.prepared == null ? RunPhase.PREPARING : RunPhase.RUNNING);
            active.row.status(active.prepared == null ? "Preparing" : "Running");
        }
    }

    /** Pauses a training run, or resumes a paused one (the Pause button, Run ▸ Pause, F6). */
    public void pauseOrResume() {
        if (phase.get().isPaused()) {
            resume();
        } else {
            pause();
        }
    }

    /** Ends the run after its current iteration; it is kept in the list with its curves. */
    public void stop() {
        if (active != null && phase.get() != RunPhase.STOPPING) {
            active.stop();
            phase.set(RunPhase.STOPPING);
            progressText.set("Stopping after this iteration…");
        }
    }

    /** Stops any run and the ticker; for when the dashboard is closed. */
    public void dispose() {
        if (active != null) {
            active.stop();
        }
        stopTicking();
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    // ---- the hand-over from the training thread ----

    /**
     * Applies everything the active run reported since the last call. Called through the ticker;
     * tests may call it directly. Returns whether anything changed.
     */
    public boolean pump() {
        if (active == null || pumping) {
            return false;
        }
        pumping = true;
        try {
            ActiveRun run = active;
            FeedBatch batch = run.feed.drain();
            if (batch.failure() != null) {
                failed(run, batch.failure());
                return true;
            }
            boolean changed = apply(run, batch);
            if (batch.result() != null) {
                finished(run, batch.result(), batch.evaluation());
                changed = true;
            }
            if (changed) {
                dataVersion.set(dataVersion.get() + 1);
            }
            return changed;
        } finally {
            pumping = false;
        }
    }

    private boolean apply(ActiveRun run, FeedBatch batch) {
        RunRow row = run.row;
        boolean changed = false;
        if (batch.prepared() != null) {
            run.prepared = batch.prepared();
            row.prepared(batch.prepared());
            run.runningSinceNanos = System.nanoTime();
            if (phase.get() == RunPhase.PREPARING) {
                phase.set(RunPhase.RUNNING);
            }
            if (isShown(row)) {
                boundaryPoints.set(batch.prepared().boundary() ? batch.prepared() : null);
            }
            changed = true;
        }
        if (batch.lossCount() > 0) {
            row.curves().addIterations(batch.losses(), batch.lossCount());
            run.iteration = batch.iteration();
            run.epoch = batch.epoch();
            run.samplesPerSecond = batch.samplesPerSecond();
            iteration.set(batch.iteration());
            changed = true;
        }
        if (!batch.epochs().isEmpty()) {
            double elapsed = 0;
            for (EpochEvent e : batch.epochs()) {
                row.curves().addEpoch(e);
                elapsed = e.elapsedSeconds();
            }
            row.epochsChanged(elapsed);
            changed = true;
        }
        if (batch.stats() != null) {
            showStatistics(batch.stats().layers());
        }
        if (batch.boundary() != null) {
            row.boundary(batch.boundary());
            if (isShown(row)) {
                boundary.set(batch.boundary());
            }
        }
        trackPause(run, batch.paused());
        if (run.prepared != null && !batch.ended()) {
            updateProgress(run);
        }
        return changed;
    }

    private void trackPause(ActiveRun run, boolean paused) {
        if (paused && phase.get() == RunPhase.PAUSING) {
            phase.set(RunPhase.PAUSED);
            if (run.runningSinceNanos != 0) {
                run.activeNanos += System.nanoTime() - run.runningSinceNanos;
                run.runningSinceNanos = 0;
            }
            run.row.status("Paused");
        }
    }

    private void updateProgress(ActiveRun run) {
        PreparedRun prepared = run.prepared;
        int total = prepared.totalIterations();
        double done = total == 0 ? 0 : Math.min(1, run.iteration / (double) total);
        progress.set(done);
        double seconds = activeSeconds(run);
        StringBuilder text = new StringBuilder();
        text.append("Epoch ").append(Math.max(1, run.epoch)).append(" of ").append(prepared.epochs())
                .append("  ·  iteration ").append(String.format(Locale.ROOT, "%,d", run.iteration))
                .append(" of ").append(String.format(Locale.ROOT, "%,d", total))
                .append("  ·  ").append(clock(seconds)).append(" elapsed");
        if (done > 0.02 && done < 1) {
            text.append("  ·  about ").append(clock(seconds / done * (1 - done))).append(" left");
        }
        if (run.samplesPerSecond > 0) {
            text.append("  ·  ").append(String.format(Locale.ROOT, "%,.0f", run.samplesPerSecond)).append(" samples/s");
        }
        if (phase.get() == RunPhase.PAUSED) {
            text.insert(0, "Paused  ·  ");
        }
        progressText.set(text.toString());
    }

    private static double activeSeconds(ActiveRun run) {
        long nanos = run.activeNanos + (run.runningSinceNanos == 0 ? 0 : System.nanoTime() - run.runningSinceNanos);
        return nanos / 1e9;
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /**
     * A new run of the same graph keeps the table's rows, their numbers blank until measured again:
     * rows updated in place redraw a few cells, while emptying the table and filling it again
     * rebuilds and repaints all of it, twice, as the run starts. Rows of nodes the graph no longer
     * has are not kept.
     */
    private void awaitStatistics(Graph graph) {
        if (layerRows.stream().allMatch(r -> graph.contains(r.nodeId()))) {
            for (LayerRow r : layerRows) {
                r.update(LayerRow.notMeasured(r.stats()));
            }
        } else {
            layerRows.clear();
        }
    }

    private void showStatistics(List<LayerStats> latest) {
        boolean sameNodes = layerRows.size() == latest.size();
        for (int i = 0; sameNodes && i < latest.size(); i++) {
            sameNodes = layerRows.get(i).nodeId().equals(latest.get(i).nodeId());
        }
        if (sameNodes) {
            for (int i = 0; i < latest.size(); i++) {
                layerRows.get(i).update(latest.get(i));
            }
        } else {
            layerRows.setAll(latest.stream().map(LayerRow::new).toList());
        }
        Map<String, LayerStats> byNode = new LinkedHashMap<>();
        for (LayerStats s : latest) {
            byNode.put(s.nodeId(), s);
        }
        layerStatistics.keySet().retainAll(byNode.keySet());
        layerStatistics.putAll(byNode);
    }

    private void finished(ActiveRun run, TrainingResult result, RunEvaluation evaluation) {
        RunRecord record = new RunRecord(run.row.setup(), result, evaluation);
        run.owner.log.add(record);
        runsChanged(run.owner);
        KeptNetwork kept = run.kept;
        if (kept != null) {
            run.row.trained(new TrainedRun(record, kept.network(), kept.normalizer(), kept.info()));
        } else {
            run.row.noWeights(run.row.name() + " ended before its first epoch completed, so it kept no usable weights.");
        }
        run.row.finished(record);
        if (result.stopReason() == StopReason.DIVERGED) {
            banner.set(new Banner(Banner.Kind.DANGER, run.row.name() + " diverged", result.hint()));
        }
        progress.set(result.stopReason() == StopReason.COMPLETED ? 1 : progress.get());
        progressText.set(summary(run.row.name(), result));
        refreshReported();
        end(run);
    }

    static String summary(String name, TrainingResult result) {
        String how = switch (result.stopReason()) {
            case COMPLETED -> "finished";
            case STOPPED -> "stopped";
            case DIVERGED -> "diverged";
        };
        StringBuilder text = new StringBuilder(name).append(' ').append(how).append(" after ")
                .append(result.epochs()).append(result.epochs() == 1 ? " epoch" : " epochs")
                .append(" in ").append(clock(result.seconds()));
        if (result.bestEpoch() > 0) {
            text.append("  ·  kept epoch ").append(result.bestEpoch());
            if (result.valLoss() != null) {
                text.append(": validation loss ").append(AxisTicks.format(result.valLoss()));
            }
            if (result.valAccuracy() != null) {
                text.append(", accuracy ").append(percent(result.valAccuracy()));
            }
        }
        return text.toString();
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private void failed(ActiveRun run, Throwable failure) {
        run.owner.rows.remove(run.row);
        runs.remove(run.row);
        selection.remove(run.row);
        run.owner.log.abandon(run.row.setup());
        if (failure instanceof CompileException compile) {
            problems.setAll(compile.diagnostics());
            List<String> lines = new ArrayList<>();
            for (Diagnostic d : compile.diagnostics()) {
                if (d.isError()) {
                    lines.add((d.nodeId() == null ? "" : d.nodeId() + ": ") + d.message() + (d.hint() == null ? "" : " — " + d.hint()));
                }
            }
            banner.set(new Banner(Banner.Kind.WARNING, "The network cannot be trained yet", String.join("\n", lines)));
        } else if (failure instanceof DataException data) {
            banner.set(new Banner(Banner.Kind.WARNING, "The data cannot be loaded", data.getMessage()));
        } else {
            String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            banner.set(new Banner(Banner.Kind.DANGER, "Training failed", message));
        }
        progress.set(0);
        progressText.set(run.row.name() + " did not train.");
        end(run);
    }

    /**
     * The run is over: the ticker stops, the views show the finished run, and only then the phase
     * turns idle, last, because whoever listens to it may start the next run right away.
     */
    private void end(ActiveRun run) {
        stopTicking();
        if (active == run) {
            active = null;
        }
        activeRow.set(null);
        focusRun.set(null);
        refreshShown();
        phase.set(RunPhase.IDLE);
    }

    // ---- selection, overlay, comparison ----

    /** The selected runs; the list view keeps it in step with its selection. */
    public ObservableList<RunRow> selection() {
        return selection;
    }

    /** The runs the charts show: the selected ones and the active one, oldest first. */
    public ObservableList<RunRow> shownRuns() {
        return shownRunsView;
    }

    /** The run whose boundary and results are shown: the active run, else the last selected. */
    public ReadOnlyObjectProperty<RunRow> focusRunProperty() {
        return focusRun.getReadOnlyProperty();
    }

    /** What changed between the two selected runs, older to newer; empty otherwise. */
    public ObservableList<String> changes() {
        return changesView;
    }

    /** A line above the changes: which runs are compared, or how to compare. */
    public ReadOnlyStringProperty changesNoteProperty() {
        return changesNote.getReadOnlyProperty();
    }

    private void selectionChanged() {
        refreshShown();
        refreshReported();
        List<RunRow> chosen = new ArrayList<>(selection);
        chosen.sort(Comparator.comparingInt(RunRow::id));
        if (chosen.size() == 2) {
            List<String> differences = RunDiff.between(chosen.get(0).setup(), chosen.get(1).setup());
            changes.setAll(differences);
            changesNote.set(differences.isEmpty()
                    ? chosen.get(0).name() + " and " + chosen.get(1).name() + " had the same settings, data and graph."
                    : "From " + chosen.get(0).name() + " to " + chosen.get(1).name() + ":");
        } else if (chosen.size() > 2) {
            List<String> differences = RunDiff.among(chosen.stream().map(RunRow::setup).toList());
            changes.setAll(differences);
            // Short: the note shares a line with the panel's title.
            String names = chosen.size() <= 4
                    ? String.join(", ", chosen.subList(0, chosen.size() - 1).stream().map(RunRow::name).toList())
                            + " and " + chosen.get(chosen.size() - 1).name()
                    : chosen.get(0).name() + " to " + chosen.get(chosen.size() - 1).name();
            changesNote.set(differences.isEmpty()
                    ? names + " had the same settings, data and graph."
                    : names + ", in order:");
        } else {
            changes.clear();
            changesNote.set(nothingToCompareNote());
        }
    }

    /** Fewer than two runs selected: what to do to see what changed. */
    private String nothingToCompareNote() {
        return runs.isEmpty() ? NO_RUNS_TO_COMPARE
                : runs.size() == 1 ? "Train again to compare two runs."
                : MULTI_SELECT_KEY + "+click runs to compare them.";
    }

    private void refreshShown() {
        List<RunRow> shown = new ArrayList<>(selection);
        RunRow live = activeRow.get();
        if (live != null && !shown.contains(live) && runs.contains(live)) {
            shown.add(live);
        }
        shown.sort(Comparator.comparingInt(RunRow::id));
        if (!shown.equals(shownRuns)) {
            shownRuns.setAll(shown);
        }
        updateFocus();
    }

    private void updateFocus() {
        RunRow live = activeRow.get();
        RunRow focus = live != null && runs.contains(live) ? live
                : selection.isEmpty() ? null : selection.get(selection.size() - 1);
        if (focus != focusRun.get()) {
            focusRun.set(focus);
            boundaryPoints.set(focus == null || focus.prepared() == null || !focus.prepared().boundary() ? null : focus.prepared());
            boundary.set(focus == null ? null : focus.boundary());
        }
    }

    private boolean isShown(RunRow row) {
        return focusRun.get() == row;
    }

    // ---- runs from elsewhere ----

    /**
     * Adds a finished run of a sweep (Experiments) to the shown project's runs, with its settings,
     * curves, metrics, stop reason and a colour of its own, and selects it alone so the charts show
     * it. It has no weights: the sweep does not keep its networks.
     *
     * @param runProject the project the sweep run trained (the sweep's copy with the run's settings)
     * @return the new row, or null when no project is shown
     * @throws IllegalArgumentException when the run failed before training (nothing to show)
     */
    public RunRow addSweepRun(SweepRun sweepRun, Project runProject) {
        Project p = project.get();
        if (p == null) {
            return null;
        }
        ProjectRuns owner = runsByProject.computeIfAbsent(p, k -> new ProjectRuns());
        RunRecord record = SweepRunRecords.add(sweepRun, runProject, owner.log);
        runsChanged(owner);
        RunRow row = new RunRow(record.setup());
        row.noBoundary(record.name() + " trained in a sweep, which records no decision regions.");
        row.noWeights(record.name() + " came from a sweep in Experiments, whose networks are not kept: "
                + "train with its settings here to export a model.");
        row.finished(record);
        owner.rows.add(row);
        runs.add(row);
        selection.setAll(row);
        return row;
    }

    // ---- what exports speak of ----

    /**
     * The run that File ▸ Export (model card, trained model) speaks of: the last selected finished
     * run, else the newest finished one; null before any run of the shown project has finished.
     */
    public ReadOnlyObjectProperty<RunRow> reportedRunProperty() {
        return reportedRun.getReadOnlyProperty();
    }

    /** The {@linkplain #reportedRunProperty() reported run}'s trained network, or null (see {@link #noTrainedRunProperty()}). */
    public ReadOnlyObjectProperty<TrainedRun> trainedRunProperty() {
        return trainedRun.getReadOnlyProperty();
    }

    /** Why there is no trained network to export, in a sentence for a tooltip; empty while there is one. */
    public ReadOnlyStringProperty noTrainedRunProperty() {
        return noTrainedRun.getReadOnlyProperty();
    }

    private void refreshReported() {
        RunRow chosen = null;
        for (int i = selection.size() - 1; i >= 0 && chosen == null; i--) {
            if (selection.get(i).isFinished()) {
                chosen = selection.get(i);
            }
        }
        for (int i = runs.size() - 1; i >= 0 && chosen == null; i--) {
            if (runs.get(i).isFinished()) {
                chosen = runs.get(i);
            }
        }
        reportedRun.set(chosen);
        trainedRun.set(chosen == null ? null : chosen.trained());
        noTrainedRun.set(chosen == null ? NO_RUN_YET : chosen.trained() != null ? "" : chosen.noWeightsReason());
    }

    // ---- state for the views ----

    public ReadOnlyObjectProperty<RunPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public RunPhase phase() {
        return phase.get();
    }

    /** The run being trained, or null. */
    public ReadOnlyObjectProperty<RunRow> activeRunProperty() {
        return activeRow.getReadOnlyProperty();
    }

    /** 0 to 1; -1 (indeterminate) while preparing. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Epoch 12 of 200 · iteration 180 of 3,000 · 0:04 elapsed · about 1:02 left · 5,400 samples/s". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The last iteration shown of the active run. */
    public ReadOnlyIntegerProperty iterationProperty() {
        return iteration.getReadOnlyProperty();
    }

    /** A message across the dashboard (divergence, a network that cannot be built), or null. */
    public ReadOnlyObjectProperty<Banner> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** An export could not be written: say so in the banner. */
    void reportExportFailure(String message) {
        banner.set(new Banner(Banner.Kind.DANGER, "Export failed", message));
    }

    public void dismissBanner() {
        banner.set(null);
    }

    /** The problems that kept the last run from starting (graph and data checks), for the problems list. */
    public ObservableList<Diagnostic> problems() {
        return problemsView;
    }

    public ObservableList<LayerRow> layerRows() {
        return layerRowsView;
    }

    /** The latest statistics per node id of the active run: what the canvas draws as gauges. */
    public ReadOnlyMapProperty<String, LayerStats> layerStatisticsProperty() {
        return layerStatistics.getReadOnlyProperty();
    }

    /** The data points behind the boundary, when the focus run's data is 2-D classification. */
    ReadOnlyObjectProperty<PreparedRun> boundaryPointsProperty() {
        return boundaryPoints.getReadOnlyProperty();
    }

    /**
     * Has {@code painter} see each new decision-boundary frame of the runs started from now on, on
     * the thread that made it and before the frame is handed over (the view paints its pixels there,
     * off the JavaFX thread). It must be thread-safe and quick.
     */
    void paintBoundaryFramesWith(Consumer<BoundaryFrame> painter) {
        boundaryPainter = java.util.Objects.requireNonNull(painter);
    }

    public ReadOnlyObjectProperty<BoundaryFrame> boundaryProperty() {
        return boundary.getReadOnlyProperty();
    }

    /** Increases whenever curves got new points: the charts redraw then. */
    public ReadOnlyIntegerProperty dataVersionProperty() {
        return dataVersion.getReadOnlyProperty();
    }
}
