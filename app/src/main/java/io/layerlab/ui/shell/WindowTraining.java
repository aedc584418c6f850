package io.layerlab.ui.shell;

import io.layerlab.data.DataSpec;
import io.layerlab.project.Project;
import io.layerlab.shape.Diagnostic;
import io.layerlab.train.TrainingSpec;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.SetProjectSettings;
import io.layerlab.ui.model.Workspace;
import io.layerlab.ui.training.RunPhase;
import io.layerlab.ui.training.TrainingDashboard;
import io.layerlab.ui.training.TrainingSettings;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import io.layerlab.ui.training.TrainingViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The one way the window trains: Train and Stop (menu, toolbar, F5) drive the
 * {@link TrainingDashboard}, which compiles, trains and charts the open project's runs. The
 * dashboard follows the open document (its runs are kept per project, the ones saved with its file
 * shown again when it opens) and takes up the project's
 * training and data settings whenever an edit changes them, and the project takes up the dashboard's
 * as a run starts (one undoable edit); problems that keep a run from starting
 * go to the problems list as well as the dashboard's banner.
 */
public final class WindowTraining {
    private final Workspace workspace;
    private final TrainingViewModel model;
    private final Function<TrainingViewModel, TrainingDashboard> view;
    private TrainingDashboard shownView;
    private final Consumer<String> status;
    private final Runnable showProblems;
    private final Runnable showDashboard;
    private final BooleanBinding running;
    /** Held: the dashboard hands out a fresh unmodifiable view, which listens to its list only weakly. */
    private final ObservableList<Diagnostic> dashboardProblems;
    private DesignDocument document;

    /**
     * @param view          builds the dashboard's view of the runs, once, when it is first shown (it
     *                      takes a while to build, so the window appears without it)
     * @param showProblems  brings the problems list to the front
     * @param showDashboard brings the dashboard into view (a run starts)
     */
    public WindowTraining(Workspace workspace, TrainingViewModel model, Function<TrainingViewModel, TrainingDashboard> view,
                          Consumer<String> status, Runnable showProblems, Runnable showDashboard) {
        this.workspace = Objects.requireNonNull(workspace);
        this.model = Objects.requireNonNull(model);
        this.view = Objects.requireNonNull(view);
        this.status = Objects.requireNonNull(status);
        this.showProblems = Objects.requireNonNull(showProblems);
        this.showDashboard = Objects.requireNonNull(showDashboard);
        this.running = Bindings.createBooleanBinding(() -> model.phaseProperty().get().isActive(), model.phaseProperty());
        this.dashboardProblems = model.problems();
        dashboardProblems.addListener((ListChangeListener<Diagnostic>) c -> refused(List.copyOf(dashboardProblems)));
        model.phaseProperty().addListener((obs, old, phase) -> {
            // A refused run has said why already ("Cannot train: …"); any other end is told as the dashboard tells it.
            if (phase == RunPhase.RUNNING && old == RunPhase.PREPARING) status.accept("Training " + document.project().name() + "…");
            boolean ended = phase == RunPhase.IDLE && old != null && old.isActive();
            if (ended && dashboardProblems.isEmpty()) status.accept(model.progressTextProperty().get());
            if (ended && document != null) syncSettings();
        });
        // A kept run is part of the project: the document has unsaved changes until it is saved.
        model.setOnRunsChanged(project -> { if (document != null && document.project() == project) document.runsChanged(); });
        // Whichever Train started it (the toolbar's, the dashboard's, F5).
        model.setOnStarting(project -> { if (document != null && document.project() == project) keepSettingsInProject(); });
        workspace.documentProperty().addListener((obs, old, doc) -> follow(doc));
        follow(workspace.document());
    }

    /** The dashboard's view, built on first use. */
    public TrainingDashboard dashboard() {
        if (shownView == null) shownView = view.apply(model);
        return shownView;
    }

    /** The runs, the settings and the run in progress, whether or not the dashboard was shown yet. */
    public TrainingViewModel viewModel() { return model; }

    /** True from Train until the run has ended. */
    public BooleanBinding runningProperty() { return running; }

    /** The dashboard's progress line: "Run 2 · epoch 3/50 · loss 0.41", or how the last run ended. */
    public ReadOnlyStringProperty progressTextProperty() { return model.progressTextProperty(); }

    /** Completed share of the run, 0 to 1; negative (indeterminate) while compiling and loading. */
    public ReadOnlyDoubleProperty progressProperty() { return model.progressProperty(); }

    /** Starts a run of the open project with the dashboard's settings, and shows the dashboard. */
    public void train() {
        if (running.get() || document == null) return;
        workspace.setCompilerDiagnostics(List.of());
        syncSettings();
        showDashboard.run();
        // The status bar's right end tells the run's own progress ("Preparing Run 1: compiling …").
        status.accept("Training " + document.project().name() + "…");
        model.setProject(document.project());
        model.start();
    }

    /** Ends the run after its current iteration; the best weights seen are kept. */
    public void stop() { model.stop(); }

    /** Stops a run and the dashboard's timers: the window is closing. */
    public void dispose() { model.dispose(); }

    private void follow(DesignDocument doc) {
        document = doc;
        if (doc == null) return;
        model.restoreRuns(doc.project(), doc.savedRuns());
        model.setProject(doc.project());
        doc.history().addListener(h -> { if (document == doc) syncSettings(); });
    }

    /**
     * The project's settings changed (inspector, undo, "use these settings"): the dashboard's controls
     * take up what changed, keeping the person's own edits of the rest. While a run trains its controls
     * are locked: they take the change up when it ends.
     */
    private void syncSettings() {
        if (!running.get()) model.settings().takeUp(document.project());
    }

    /**
     * The project takes up the settings the dashboard trains with, as one undoable edit: the
     * inspector then shows what the last run used, saving keeps it, and {@code layerlab train} trains
     * the saved project the same way. Settings that are not valid yet stay in the dashboard, which
     * refuses to start and says why.
     */
    private void keepSettingsInProject() {
        TrainingSettings settings = model.settings();
        if (!settings.isValid()) return;
        Project p = document.project();
        TrainingSpec training = settings.trainingSpec();
        DataSpec data = settings.dataSpec();
        if (training.equals(p.training()) && data.equals(p.data())) return;
        document.execute(new SetProjectSettings(p, data, training, "Use the dashboard's training settings"));
    }

    private void refused(List<Diagnostic> problems) {
        if (problems.isEmpty()) return;
        workspace.setCompilerDiagnostics(problems);
        long errors = problems.stream().filter(Diagnostic::isError).count();
        status.accept("Cannot train: " + errors + (errors == 1 ? " problem" : " problems") + " (see Problems)");
        showProblems.run();
    }
}
