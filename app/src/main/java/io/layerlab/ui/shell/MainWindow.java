package io.layerlab.ui.shell;

import io.layerlab.model.Predictor;
import io.layerlab.nd4j.Nd4jRuntime;
import io.layerlab.project.ProjectDefaults;
import io.layerlab.ui.canvas.GraphCanvas;
import io.layerlab.ui.gallery.SampleGalleryView;
import io.layerlab.ui.gallery.SampleGalleryViewModel;
import io.layerlab.ui.inspector.InspectorView;
import io.layerlab.ui.inspector.InspectorViewModel;
import io.layerlab.train.TrainingSpec;
import io.layerlab.train.TrainingWarmUp;
import io.layerlab.train.sweep.LearningRates;
import io.layerlab.ui.experiments.ExperimentsView;
import io.layerlab.ui.experiments.ExperimentsViewModel;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.SetProjectSettings;
import io.layerlab.ui.model.Workspace;
import io.layerlab.ui.palette.PaletteView;
import io.layerlab.ui.palette.PaletteViewModel;
import io.layerlab.ui.problems.ProblemsView;
import io.layerlab.ui.problems.ProblemsViewModel;
import io.layerlab.ui.summary.SummaryView;
import io.layerlab.ui.summary.SummaryViewModel;
import io.layerlab.ui.support.FirstFrame;
import io.layerlab.ui.support.IdleSteps;
import io.layerlab.ui.support.FxmlView;
import io.layerlab.ui.training.TrainingDashboard;
import io.layerlab.ui.training.TrainingViewModel;
import io.layerlab.ui.trymodel.TryModelView;
import io.layerlab.ui.trymodel.TryModelViewModel;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Builds the designer window: one view model per panel around a shared {@link Workspace},
 * the FXML views, the scene with its stylesheet, the extra keyboard shortcuts and the
 * autosave timer.
 */
public final class MainWindow {
    /**
     * A window shorter than this (the usual 1400 x 900 one, a 1366 x 768 laptop's) opens the
     * dashboard with the next run's settings folded into one line: unfolded, the form's two rows left
     * the loss charts a plot about 30 pixels high at 900 and the runs table no row in view at 768.
     * Folded, the project panel beside the canvas still edits the rate, the batch and the epochs; a
     * window as tall as a full-HD screen's keeps the form.
     */
    static final double FOLD_SETTINGS_BELOW = 960;
    private final Stage stage;
    private final DesignerServices services;
    private final Workspace workspace = new Workspace();
    private final StatusViewModel status = new StatusViewModel(workspace);
    private final MainViewModel files;
    private final RecoveryKeeper recovery;
    private final SampleGalleryViewModel gallery;
    private final WindowTraining training;
    /** Held for its listeners: the dashboard's layer statistics as gauges on the canvas. */
    private final CanvasGauges gauges;
    private final ExchangeViewModel exchange;
    private final MainWindowView view;
    /** ND4J loaded in the background, then training warmed up so that the person's first run starts warm. */
    private final Nd4jLoading nd4j = new Nd4jLoading(Nd4jRuntime::load, TrainingWarmUp::run);
    /**
     * After the designer's first frame, before work starts behind it (ND4J's load, the dashboard built
     * ahead): that frame's repaint by the window system, and a moment to look.
     */
    private static final long FIRST_FRAME_SETTLE_MILLIS = 300;
    private final GraphCanvas canvas = new GraphCanvas();
    private final Scene scene;
    private Timeline autosave;
    /** No input for this long, and the window is taken to be left alone for a moment. */
    private static final java.time.Duration BUILD_AHEAD_QUIET = java.time.Duration.ofMillis(700);
    private IdleSteps buildAhead;
    private Stage experimentsStage;
    private io.layerlab.ui.training.LayoutMemory dashboardMemory;

    public MainWindow(Stage stage, DesignerServices services) {
        this.stage = stage;
        this.services = services;
        this.recovery = new RecoveryKeeper(services.recovery(), services.executor(), status::showMessage);
        this.files = new MainViewModel(workspace, services.dialogs(), services.executor(), services.analyzer(),
                services.recentFiles(), recovery, status::showMessage);
        files.show(new DesignDocument(ProjectDefaults.newProject(), null, services.analyzer()));
        this.gallery = new SampleGalleryViewModel(services.samples(), workspace, services.executor(), services.dialogs(),
                files::openAsUntitled);

        this.training = new WindowTraining(workspace, new TrainingViewModel(services.training()), this::dashboardView,
                status::showMessage, this::showProblems, this::showDashboard);
        files.keepRunsFrom(training.viewModel()::keptRunsOf);
        this.gauges = new CanvasGauges(workspace, training.viewModel(), canvas);
        this.exchange = new ExchangeViewModel(workspace, files, services.dialogs(), services.executor(), status::showMessage,
                this::showProblems, this::tryModel);
        exchange.followRuns(training.viewModel());
        PaletteViewModel paletteModel = new PaletteViewModel((type, params) -> canvas.addNodeAt(type, params, null));
        InspectorViewModel inspectorModel = new InspectorViewModel(workspace);
        SummaryViewModel summaryModel = new SummaryViewModel(workspace, canvas::centerOn);
        ProblemsViewModel problemsModel = new ProblemsViewModel(workspace, canvas::centerOn);
        MainWindowView.Panels panels = new MainWindowView.Panels(
                FxmlView.load("palette.fxml", new PaletteView(paletteModel)),
                FxmlView.load("inspector.fxml", new InspectorView(inspectorModel)),
                FxmlView.load("summary.fxml", new SummaryView(summaryModel)),
                () -> FxmlView.load("problems.fxml", new ProblemsView(problemsModel)),
                FxmlView.load("sample-gallery.fxml", new SampleGalleryView(gallery)),
                Bindings.createStringBinding(() -> {
                    int n = problemsModel.errorCountProperty().get() + problemsModel.warningCountProperty().get();
                    return n == 0 ? "Problems" : "Problems (" + n + ")";
                }, problemsModel.errorCountProperty(), problemsModel.warningCountProperty()));
        this.view = new MainWindowView(workspace, files, status, canvas, services.theme(), services.dialogs(),
                services.executor(), panels, gallery, training, exchange, this::quit);
        Parent root = FxmlView.load("main-window.fxml", view);
        view.setExperiments(this::openExperiments);
        view.showNd4jLoading(nd4j);

        scene = sceneFittingTheWindow(root);
        scene.getStylesheets().add(FxmlView.stylesheet("app.css"));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> workspace.document().redo());
        stage.setScene(scene);
        WindowPlacement.fitIfUnsized(stage);
        stage.titleProperty().bind(files.titleProperty());
        stage.setOnCloseRequest(e -> { e.consume(); quit(); });
    }

    /**
     * The designer's scene at the size of the window it replaces the opening scene in. A scene
     * made without a size takes its root's preferred one (1400 x 900) when set on a window that
     * already shows: on a 1366 x 768 screen the window stayed that size and the designer was laid
     * out larger than it, its status bar and the inspector's right edge cut off.
     */
    private Scene sceneFittingTheWindow(Parent root) {
        boolean sized = stage.isShowing() && stage.getScene() != null && stage.getScene().getWidth() > 0;
        return sized ? new Scene(root, stage.getScene().getWidth(), stage.getScene().getHeight()) : new Scene(root);
    }

    /**
     * Starts loading ND4J in the background once the designer's first frame is on screen (started
     * with the designer, it took that frame's core: the frame came 1.2 s after the designer showed
     * instead of 0.85), so a first Train does not wait seconds for it; the status bar says so meanwhile.
     */
    public void loadNd4jInBackground() {
        FirstFrame.then(scene, FIRST_FRAME_SETTLE_MILLIS, nd4j::start);
    }

    /**
     * Builds the views the window opens without (the training dashboard) in quiet moments from the
     * designer's first frame on, so that the first Train shows the dashboard without building it.
     */
    public void buildAheadWhenIdle() {
        buildAhead = new IdleSteps(scene, BUILD_AHEAD_QUIET, view.dashboardAhead());
        FirstFrame.then(scene, FIRST_FRAME_SETTLE_MILLIS, buildAhead::start);
    }

    /**
     * Shows the window, then (with the window as the dialogs' owner) offers to restore work left
     * by a crash; when nothing is restored, shows the sample gallery over the empty canvas.
     */
    public void show() {
        stage.show();
        files.loadRecentFiles();
        recovery.offerRecovery(services.dialogs(), files::showRecovered, restored -> {
            if (!restored) gallery.show();
        });
        if (!services.autosaveInterval().isZero()) {
            autosave = new Timeline(new KeyFrame(Duration.millis(services.autosaveInterval().toMillis()), e -> files.autosave()));
            autosave.setCycleCount(Animation.INDEFINITE);
            autosave.play();
        }
    }

    private void showProblems() { view.showProblems(); }

    private void showDashboard() { view.showDashboard(); }

    /**
     * Opens the Experiments window on a copy of the open project (the person keeps editing the
     * original); "use these settings" writes back into the original as an undoable edit.
     */
    private void openExperiments() {
        DesignDocument doc = workspace.document();
        ExperimentsViewModel model = new ExperimentsViewModel(MainViewModel.snapshot(doc.project()), services.training(),
                (rate, batch) -> {
                    if (workspace.document() != doc) return;
                    TrainingSpec t = doc.project().training().withLearningRate(rate);
                    if (batch != null) t = t.withBatchSize(batch);
                    doc.execute(new SetProjectSettings(doc.project(), doc.project().data(), t,
                            "Use learning rate " + LearningRates.format(rate) + (batch == null ? "" : ", batch " + batch)));
                    status.showMessage("The project now trains with learning rate " + LearningRates.format(rate)
                            + (batch == null ? "" : " and batch size " + batch));
                }, (run, runProject) -> openSweepRun(doc, run, runProject));
        experimentsStage = ExperimentsView.open(model, stage, FxmlView.stylesheet("app.css"));
    }

    /** Shows a finished sweep run in the dashboard beside the document's own runs, and brings the window forward. */
    private void openSweepRun(DesignDocument doc, io.layerlab.train.sweep.SweepRun run, io.layerlab.project.Project runProject) {
        if (workspace.document() != doc) {
            services.dialogs().showInformation("Cannot open the run", "The sweep ran on " + doc.project().name()
                    + ", which is no longer open in the designer.");
            return;
        }
        view.showDashboard();
        try {
            training.viewModel().addSweepRun(run, runProject);
        } catch (IllegalArgumentException e) {
            services.dialogs().showError("Cannot open the run", e.getMessage());
            return;
        }
        stage.toFront();
        status.showMessage("Opened the sweep run " + run.key().label() + " in the Training dashboard");
    }

    private void tryModel(Predictor predictor) {
        TryModelView.open(new TryModelViewModel(predictor, services.executor()), services.dialogs(), stage,
                FxmlView.stylesheet("app.css"));
    }

    /**
     * Closes the window once unsaved changes are safe (saved, or discarded on purpose), unless
     * the person cancels; a clean close deletes the recovery copy.
     */
    public void quit() {
        files.whenChangesAreSafe("quitting", () -> {
            if (autosave != null) autosave.stop();
            if (buildAhead != null) buildAhead.cancel();
            training.dispose();
            if (experimentsStage != null) experimentsStage.close();
            files.closeDocument();
            services.executor().shutdown();
            stage.close();
        });
    }

    /**
     * Remembers where the person leaves the window's and the dashboard's splitters (and the
     * dashboard's settings fold) in {@code preferences}, and restores them now. Not called in
     * tests, which start from the defaults.
     */
    public void rememberLayoutIn(java.util.prefs.Preferences preferences) {
        io.layerlab.ui.training.LayoutMemory memory = new io.layerlab.ui.training.LayoutMemory(preferences);
        view.rememberLayoutIn(memory.child("window"));
        dashboardMemory = memory.child("dashboard");
    }

    /** The dashboard's view, built when the Training tab first shows. */
    private TrainingDashboard dashboardView(TrainingViewModel model) {
        TrainingDashboard dashboard = new TrainingDashboard(model);
        dashboard.showSettings(!(stage.getHeight() < FOLD_SETTINGS_BELOW));
        dashboard.setDeleteConfirmation((title, message) -> services.dialogs().confirm(title, message, "Delete", "Cancel"));
        if (dashboardMemory != null) dashboard.rememberLayoutIn(dashboardMemory);
        return dashboard;
    }

    public Workspace workspace() { return workspace; }

    public MainViewModel files() { return files; }

    public SampleGalleryViewModel gallery() { return gallery; }

    public Scene scene() { return scene; }

    public GraphCanvas canvas() { return canvas; }

    public ExchangeViewModel exchange() { return exchange; }

    public WindowTraining training() { return training; }
}
