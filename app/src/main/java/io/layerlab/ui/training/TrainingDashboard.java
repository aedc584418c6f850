package io.layerlab.ui.training;

import io.layerlab.data.Task;
import io.layerlab.project.Project;
import io.layerlab.shape.Diagnostic;
import io.layerlab.train.BoundaryFrame;
import io.layerlab.train.LayerStats;
import io.layerlab.train.LearningRateSchedule;
import io.layerlab.train.RunEvaluation;
import io.layerlab.train.RunHistoryCsv;
import io.layerlab.train.RunRecord;
import io.layerlab.train.StartingWeights;
import io.layerlab.train.TrainingSpec;
import io.layerlab.ui.support.AxisTicks;
import io.layerlab.ui.support.ChartPalette;
import io.layerlab.ui.support.HoverTooltips;
import io.layerlab.ui.support.NumericText;
import io.layerlab.ui.support.RowReveal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyMapProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import javax.imageio.ImageIO;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The live training dashboard, a self-contained panel the designer window embeds (as a tab or a
 * side panel): run controls and settings, a progress line, loss and accuracy charts with every run
 * overlaid in its colour, the decision boundary of 2-D data, results (confusion matrix or predictions
 * against truth), the list of runs with what changed between two of them, and per-layer statistics.
 *
 * <p>Give it a project with {@link #setProject} or {@link #start(Project)}; compiling, loading and
 * training happen on the executor passed in, so the JavaFX thread only draws. Problems arrive in
 * {@link #problems()} and as a banner, never as exceptions. The layout is fxml/training-dashboard.fxml,
 * the look styles/dashboard.css (AtlantaFX colour names only).
 */
public final class TrainingDashboard extends BorderPane {
    /**
     * Charts redraw at most this often while a run trains. Measured under Xvfb with software
     * rendering on 2 shared cores: at 200 ms the painting cost the training about a third of its
     * speed, at 400 ms it costs nothing measurable; 2.5 frames a second still read as live.
     */
    static final long CHART_INTERVAL_NANOS = 400_000_000L;
    /** The least height of a chart, axes included (a plot of 24 px): what a 1366 × 768 window leaves each. */
    public static final double CHART_MIN_HEIGHT = 56;
    /** The side column's (boundary, results) least width, and the largest share of the dashboard's width it takes to show its results whole. */
    static final double SIDE_LEAST_WIDTH = 200;
    static final double SIDE_MOST_SHARE = 0.45;
    /** Room for the column's vertical scroll bar, which a short window shows. */
    private static final double SIDE_SCROLLBAR_ROOM = 14;
    private static final String BOUNDARY_EMPTY = "The decision regions of 2-D data appear here.";
    private final TrainingViewModel model;
    private final ChartPalette palette = new ChartPalette();
    /** The charts' repaints, a new boundary frame, the settings' lock and the results panel take turns, one a pulse. */
    private final PaintTurns turns = new PaintTurns();
    private final ChartView iterationChart = new ChartView(palette, "iteration", "loss", turns);
    private final ChartView epochChart = new ChartView(palette, "epoch", "loss", turns);
    private final ChartView accuracyChart = new ChartView(palette, "epoch", "accuracy", turns);
    /** Kept, so that the listener can be taken off the run that loses the focus. */
    private final ChangeListener<RunRecord> recordListener = this::recordChanged;
    private final BoundaryView boundaryView = new BoundaryView(palette);
    private final ConfusionMatrixView confusionView = new ConfusionMatrixView();
    private final PredictionScatterView scatterView = new PredictionScatterView(palette);
    private final Label resultsPlaceholder = new Label();
    private final ResultsPad resultsPad = new ResultsPad();
    private final List<Object> bindingAnchors = new ArrayList<>();
    private SaveTarget saveTarget = this::chooseWithDialog;
    private boolean syncingSelection;
    private BiPredicate<String, String> confirmDelete = (title, message) -> true;
    /** The runs the table lists: the model's, each change applied at a coming pulse in turn (see {@link #listRuns()}). */
    private final ObservableList<RunRow> listedRuns = FXCollections.observableArrayList();
    /** Changes to the Runs tab's lists made while another tab showed, applied when it is chosen. */
    private final Map<Object, Runnable> waitingForRunsTab = new LinkedHashMap<>();
    private long lastChartDraw;
    private final ReadOnlyDoubleWrapper leastHeight = new ReadOnlyDoubleWrapper(this, "leastHeight");

    @FXML private Button startButton;
    @FXML private Button pauseButton;
    @FXML private FontIcon pauseIcon;
    @FXML private Button stopButton;
    @FXML private FlowPane settingsPane;
    @FXML private Spinner<Integer> epochsSpinner;
    @FXML private ComboBox<String> optimizerBox;
    @FXML private TextField learningRateField;
    @FXML private ComboBox<LearningRateSchedule.Kind> scheduleBox;
    @FXML private HBox scheduleEveryBox;
    @FXML private Spinner<Integer> scheduleEverySpinner;
    @FXML private HBox scheduleFactorBox;
    @FXML private Label scheduleFactorLabel;
    @FXML private TextField scheduleFactorField;
    @FXML private Spinner<Integer> batchSpinner;
    @FXML private CheckBox shuffleBox;
    @FXML private TextField seedField;
    @FXML private Spinner<Double> validationSpinner;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private HBox banner;
    @FXML private FontIcon bannerIcon;
    @FXML private Label bannerTitle;
    @FXML private Label bannerText;
    @FXML private Label settingsProblem;
    @FXML private Label weightsNotice;
    @FXML private SplitPane mainSplit;
    @FXML private SplitPane chartSplit;
    @FXML private ToggleButton settingsToggle;
    @FXML private Label settingsSummary;
    @FXML private Label iterationNote;
    @FXML private ToggleButton rawToggle;
    @FXML private ToggleButton logToggle;
    @FXML private Button fitButton;
    @FXML private MenuButton exportMenu;
    @FXML private StackPane iterationChartHolder;
    @FXML private Label epochNote;
    @FXML private StackPane epochChartHolder;
    @FXML private VBox accuracyPanel;
    @FXML private Label accuracyNote;
    @FXML private StackPane accuracyChartHolder;
    @FXML private VBox boundaryPanel;
    @FXML private VBox resultsPanel;
    @FXML private Label boundaryNote;
    @FXML private StackPane boundaryHolder;
    @FXML private ScrollPane sideScroll;
    @FXML private HBox resultsHeader;
    @FXML private Label resultsTitle;
    @FXML private Label resultsNote;
    @FXML private StackPane resultsHolder;
    @FXML private Tab runsTab;
    @FXML private TableView<RunRow> runsTable;
    @FXML private TableColumn<RunRow, RunRow> runNameColumn;
    @FXML private TableColumn<RunRow, String> runOptimizerColumn;
    @FXML private TableColumn<RunRow, String> runRateColumn;
    @FXML private TableColumn<RunRow, String> runBatchColumn;
    @FXML private TableColumn<RunRow, String> runEpochsColumn;
    @FXML private TableColumn<RunRow, String> runLossColumn;
    @FXML private TableColumn<RunRow, String> runAccuracyColumn;
    @FXML private TableColumn<RunRow, String> runTimeColumn;
    @FXML private Label changesNote;
    @FXML private ListView<ChangeLine> changesList;
    @FXML private TableView<LayerRow> layersTable;
    @FXML private TableColumn<LayerRow, String> layerNodeColumn;
    @FXML private TableColumn<LayerRow, String> layerActivationColumn;
    @FXML private TableColumn<LayerRow, String> layerGradientColumn;
    @FXML private TableColumn<LayerRow, String> layerDeadColumn;
    @FXML private TableColumn<LayerRow, String> layerSaturatedColumn;
    @FXML private TableColumn<LayerRow, String> layerUpdateColumn;
    @FXML private TableColumn<LayerRow, String> layerConcernColumn;

    /** @param executor background work: compiling, loading data and training (one thread per active run) */
    public TrainingDashboard(Executor executor) {
        this(new TrainingViewModel(executor));
    }

    /**
     * The view of {@code model}, which may have runs already: a window can train and keep runs
     * before it first shows the dashboard, and build the view only then.
     */
    public TrainingDashboard(TrainingViewModel model) {
        this.model = model;
        URL layout = TrainingDashboard.class.getResource("/fxml/training-dashboard.fxml");
        if (layout == null) {
            throw new IllegalStateException("missing view fxml/training-dashboard.fxml on the classpath");
        }
        FXMLLoader loader = new FXMLLoader(layout);
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load fxml/training-dashboard.fxml: " + e.getMessage(), e);
        }
        URL style = TrainingDashboard.class.getResource("/styles/dashboard.css");
        if (style != null) {
            getStylesheets().add(style.toExternalForm());
        }
        getChildren().add(palette);
    }

    @FXML
    private void initialize() {
        bindSettings();
        bindSettingsFold();
        bindControls();
        bindBanner();
        buildCharts();
        buildSidePanels();
        buildRunsTable();
        buildLayersTable();
        showWholeNotesOnHover();
        showExistingRuns();
    }

    /**
     * The progress line, the folded settings and the panels' header notes: a narrow window cuts them
     * short; the whole text shows on hover.
     */
    private void showWholeNotesOnHover() {
        for (Label note : List.of(progressLabel, settingsSummary, iterationNote, epochNote, accuracyNote, boundaryNote,
                resultsNote, changesNote)) {
            HoverTooltips.installWholeText(note);
        }
    }

    /** A view built for a model that has runs already shows them as if it had watched them arrive. */
    private void showExistingRuns() {
        RunRow focus = model.focusRunProperty().get();
        if (focus != null) {
            focus.recordProperty().addListener(recordListener);
        }
        syncingSelection = true;
        showSelection(model.selection());
        syncingSelection = false;
        boundaryView.setPoints(model.boundaryPointsProperty().get());
        showBoundaryFrame(model.boundaryProperty().get());
        showResults(focus);
        redrawCharts();
    }

    // ---- public API for the designer window ----

    public TrainingViewModel viewModel() {
        return model;
    }

    /** Shows {@code project}'s training settings and its runs. */
    public void setProject(Project project) {
        model.setProject(project);
    }

    /** Shows {@code project} and starts a run of it with the settings in the controls. */
    public void start(Project project) {
        model.setProject(project);
        model.start();
    }

    public void pause() {
        model.pause();
    }

    public void resume() {
        model.resume();
    }

    public void stop() {
        model.stop();
    }

    public ReadOnlyObjectProperty<RunPhase> phaseProperty() {
        return model.phaseProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return model.progressProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return model.progressTextProperty();
    }

    /** The problems that kept the last run from starting: the canvas can mark their nodes. */
    public ObservableList<Diagnostic> problems() {
        return model.problems();
    }

    public ReadOnlyObjectProperty<Banner> bannerProperty() {
        return model.bannerProperty();
    }

    /**
     * The height the dashboard needs at its width to show all of itself: its top part (controls,
     * settings, a banner, notes) as tall as it is, the charts and the runs at their least. Below it
     * the runs are cut off at the bottom, so the window gives the dashboard this much where it can.
     */
    public ReadOnlyDoubleProperty leastHeightProperty() {
        return leastHeight.getReadOnlyProperty();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        // The top part grows with a banner or a note and wraps the settings on a narrow dashboard.
        double width = getWidth();
        leastHeight.set(snappedTopInset() + getTop().prefHeight(width) + getCenter().minHeight(width) + snappedBottomInset());
    }

    /** Live statistics per node id while a run trains (for gauges on the canvas nodes). */
    public ReadOnlyMapProperty<String, LayerStats> layerStatisticsProperty() {
        return model.layerStatisticsProperty();
    }

    /** Where exports go; by default a save dialog. */
    public void setSaveTarget(SaveTarget target) {
        saveTarget = target;
    }

    /**
     * Asks before runs are deleted ({@code confirm} gets a title and a message and says yes or no);
     * without one they are deleted at once.
     */
    public void setDeleteConfirmation(BiPredicate<String, String> confirm) {
        confirmDelete = Objects.requireNonNull(confirm);
    }

    /** Deletes the finished runs selected in the runs table, once the person confirms. */
    void deleteSelectedRuns() {
        List<RunRow> chosen = runsTable.getSelectionModel().getSelectedItems().stream().filter(RunRow::isFinished).toList();
        if (chosen.isEmpty()) {
            return;
        }
        boolean one = chosen.size() == 1;
        String which = one ? chosen.get(0).name() : chosen.size() + " runs";
        if (confirmDelete.test("Delete " + which + "?", (one ? "Its curves, results and trained network leave"
                : "Their curves, results and trained networks leave") + " the project; the files beside it lose them when you save it.")) {
            model.deleteRuns(chosen);
        }
    }

    /** Shows or folds the next run's settings (the person's choice, once remembered, wins: {@link #rememberLayoutIn}). */
    public void showSettings(boolean shown) {
        settingsToggle.setSelected(shown);
    }

    /** Whether the next run's settings show as a form (true) or fold into one line. */
    public ReadOnlyBooleanProperty settingsShownProperty() {
        return settingsToggle.selectedProperty();
    }

    /** Keeps where the person leaves the splitters and the settings fold in {@code memory}, and restores them now. */
    public void rememberLayoutIn(LayoutMemory memory) {
        memory.split(mainSplit, "chartsOverRuns");
        memory.split(chartSplit, "chartsBesideResults");
        memory.toggle(settingsToggle.selectedProperty(), "settingsShown");
        // The columns the person hid with the table's menu button stay hidden.
        for (TableColumn<RunRow, ?> column : runsTable.getColumns()) {
            memory.toggle(column.visibleProperty(), "runsColumn." + column.getId());
        }
    }

    /** Stops a running run and the refresh timer; call when the dashboard is closed for good. */
    public void dispose() {
        model.dispose();
    }

    // ---- settings ----

    private void bindSettings() {
        TrainingSettings s = model.settings();
        SpinnerValueFactory.IntegerSpinnerValueFactory epochs =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, TrainingSettings.MAX_EPOCHS, s.epochsProperty().get());
        epochsSpinner.setValueFactory(epochs);
        bindBidirectional(epochs.valueProperty(), s.epochsProperty().asObject());

        optimizerBox.getItems().setAll(TrainingSpec.OPTIMIZERS);
        optimizerBox.valueProperty().bindBidirectional(s.optimizerProperty());
        learningRateField.textProperty().bindBidirectional(s.learningRateProperty());
        markInvalid(learningRateField, text -> !(TrainingSettings.parse(text) > 0));

        scheduleBox.getItems().setAll(LearningRateSchedule.Kind.values());
        scheduleBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(LearningRateSchedule.Kind kind) {
                return kind == null ? "" : Character.toUpperCase(kind.id().charAt(0)) + kind.id().substring(1);
            }

            @Override
            public LearningRateSchedule.Kind fromString(String text) {
                return LearningRateSchedule.Kind.valueOf(text.toUpperCase(Locale.ROOT));
            }
        });
        scheduleBox.valueProperty().bindBidirectional(s.scheduleProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory every =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, TrainingSettings.MAX_EPOCHS, s.scheduleEveryProperty().get());
        scheduleEverySpinner.setValueFactory(every);
        bindBidirectional(every.valueProperty(), s.scheduleEveryProperty().asObject());
        scheduleFactorField.textProperty().bindBidirectional(s.scheduleFactorProperty());
        markInvalid(scheduleFactorField, text -> {
            double f = TrainingSettings.parse(text);
            return !(f > 0 && f <= 1);
        });
        showWhen(scheduleEveryBox, Bindings.equal(s.scheduleProperty(), LearningRateSchedule.Kind.STEP));
        showWhen(scheduleFactorBox, Bindings.notEqual(s.scheduleProperty(), LearningRateSchedule.Kind.NONE));
        scheduleFactorLabel.textProperty().bind(Bindings.createStringBinding(() -> switch (s.scheduleProperty().get()) {
            case STEP -> "epochs, ×";
            case EXPONENTIAL -> "× per epoch";
            case COSINE -> "down to ×";
            case NONE -> "";
        }, s.scheduleProperty()));

        SpinnerValueFactory.IntegerSpinnerValueFactory batch =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, TrainingSettings.MAX_BATCH, s.batchSizeProperty().get());
        batchSpinner.setValueFactory(batch);
        bindBidirectional(batch.valueProperty(), s.batchSizeProperty().asObject());
        shuffleBox.selectedProperty().bindBidirectional(s.shuffleProperty());
        seedField.textProperty().bindBidirectional(s.seedProperty());
        markInvalid(seedField, text -> {
            try {
                Long.parseLong(text.trim());
                return false;
            } catch (NumberFormatException e) {
                return true;
            }
        });
        SpinnerValueFactory.DoubleSpinnerValueFactory split = new SpinnerValueFactory.DoubleSpinnerValueFactory(
                0, TrainingSettings.MAX_VALIDATION_SPLIT, s.validationSplitProperty().get(), 0.05);
        split.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : AxisTicks.format(Math.round(value * 100) / 100.0);
            }

            @Override
            public Double fromString(String text) {
                double v = TrainingSettings.parse(text);
                return Double.isNaN(v) ? split.getValue() : v;
            }
        });
        validationSpinner.setValueFactory(split);
        bindBidirectional(split.valueProperty(), s.validationSplitProperty().asObject());

        // Locking or unlocking restyles every control in the settings: a turn of its own rather than
        // part of the pulse that starts or ends a run, which changes much else (the run's settings were
        // taken when Train was pressed, so an edit in between waits for the next run).
        Runnable lockSettings = () -> settingsPane.setDisable(model.phase() != RunPhase.IDLE);
        lockSettings.run();
        model.phaseProperty().addListener((obs, was, is) -> turns.request(settingsPane, lockSettings));
        Tooltip.install(learningRateField, new Tooltip("How far each update moves the weights, e.g. 0.01 or 1e-3."));
        Tooltip.install(validationSpinner, new Tooltip("Fraction of the data held out to measure generalisation."));
    }

    /** Keeps a reference to both sides: bidirectional bindings hold their properties weakly. */
    private <T> void bindBidirectional(ObjectProperty<T> control, ObjectProperty<T> setting) {
        bindingAnchors.add(setting);
        control.bindBidirectional(setting);
    }

    private static void markInvalid(TextField field, Predicate<String> invalid) {
        field.textProperty().addListener((obs, was, is) ->
                field.pseudoClassStateChanged(DashboardStyles.INVALID, invalid.test(is == null ? "" : is)));
    }

    private static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    // ---- the settings fold ----

    /**
     * Folded, the settings read as one line, giving the charts the rows the form takes. The person
     * folds and unfolds them (the choice is remembered); a run does not. While a run trains they
     * stay where they are, locked: a fold as Train is pressed would move and resize every chart,
     * table and panel below it, at the start and again at the end of each run, and repaint the
     * whole window each time.
     */
    private void bindSettingsFold() {
        showWhen(settingsPane, settingsToggle.selectedProperty());
        showWhen(settingsSummary, settingsToggle.selectedProperty().not());
        TrainingSettings s = model.settings();
        settingsSummary.textProperty().bind(Bindings.createStringBinding(() -> settingsLine(s), s.epochsProperty(),
                s.optimizerProperty(), s.learningRateProperty(), s.scheduleProperty(), s.scheduleEveryProperty(),
                s.scheduleFactorProperty(), s.batchSizeProperty(), s.shuffleProperty(), s.seedProperty(),
                s.validationSplitProperty()));
        Tooltip.install(settingsToggle, new Tooltip("Show or fold the settings of the next run"));
        // The designer window's Run menu gives these their keys.
        Tooltip.install(startButton, new Tooltip("Train a new run with these settings (F5)"));
        Tooltip.install(pauseButton, new Tooltip("Pause the run after its current iteration, or resume it (F6)"));
        Tooltip.install(stopButton, new Tooltip("Stop the run after its current iteration; it stays in the runs list (Shift+F5)"));
    }

    /** "100 epochs · adam · learning rate 0.01 · batch 32 · shuffled · seed 42 · validation 0.2". */
    static String settingsLine(TrainingSettings s) {
        String schedule = s.scheduleProperty().get() == null || s.scheduleProperty().get() == LearningRateSchedule.Kind.NONE
                ? "" : " (" + s.scheduleProperty().get().id() + ")";
        return s.epochsProperty().get() + " epochs  ·  " + s.optimizerProperty().get() + "  ·  learning rate "
                + s.learningRateProperty().get().trim() + schedule + "  ·  batch " + s.batchSizeProperty().get()
                + "  ·  " + (s.shuffleProperty().get() ? "shuffled" : "not shuffled") + "  ·  seed " + s.seedProperty().get().trim()
                + "  ·  validation " + AxisTicks.format(Math.round(s.validationSplitProperty().get() * 100) / 100.0);
    }

    // ---- run controls, progress, banner ----

    private void bindControls() {
        startButton.disableProperty().bind(model.canStartProperty().not());
        ObservableValue<RunPhase> phase = model.phaseProperty();
        pauseButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !phase.getValue().canPauseOrResume(), phase));
        pauseButton.textProperty().bind(Bindings.createStringBinding(() -> phase.getValue().pauseOrResumeWord(), phase));
        phase.addListener((obs, was, is) -> pauseIcon.setIconLiteral(is.pauseOrResumeIcon()));
        stopButton.disableProperty().bind(Bindings.createBooleanBinding(() ->
                phase.getValue() == RunPhase.IDLE || phase.getValue() == RunPhase.STOPPING, phase));
        progressBar.progressProperty().bind(model.progressProperty());
        progressLabel.textProperty().bind(model.progressTextProperty());
        settingsProblem.textProperty().bind(model.settings().problemProperty());
        showWhen(settingsProblem, model.settings().problemProperty().isNotEmpty());
        StringBinding startingWeights = Bindings.createStringBinding(
                () -> StartingWeights.noticeFor(model.projectProperty().get()).orElse(""), model.projectProperty());
        weightsNotice.textProperty().bind(startingWeights);
        showWhen(weightsNotice, startingWeights.isNotEmpty());
    }

    private void bindBanner() {
        model.bannerProperty().addListener((obs, was, is) -> showBanner(is));
        showBanner(model.bannerProperty().get());
    }

    private void showBanner(Banner b) {
        banner.setVisible(b != null);
        banner.setManaged(b != null);
        if (b == null) {
            return;
        }
        bannerTitle.setText(b.title());
        bannerText.setText(b.text() == null ? "" : b.text());
        banner.pseudoClassStateChanged(DashboardStyles.DANGER, b.kind() == Banner.Kind.DANGER);
        banner.pseudoClassStateChanged(DashboardStyles.WARNING, b.kind() == Banner.Kind.WARNING);
        bannerIcon.setIconLiteral(b.kind() == Banner.Kind.DANGER ? "mdi2a-alert-octagon-outline" : "mdi2a-alert-outline");
    }

    @FXML
    private void startRun() {
        model.start();
    }

    @FXML
    private void pauseOrResume() {
        model.pauseOrResume();
    }

    @FXML
    private void stopRun() {
        model.stop();
    }

    @FXML
    private void dismissBanner() {
        model.dismissBanner();
    }

    // ---- charts ----

    private void buildCharts() {
        iterationChartHolder.getChildren().add(iterationChart);
        epochChartHolder.getChildren().add(epochChart);
        accuracyChartHolder.getChildren().add(accuracyChart);
        iterationChart.setId("iteration-chart");
        epochChart.setId("epoch-chart");
        accuracyChart.setId("accuracy-chart");
        iterationChart.setEmptyMessage("The loss of every iteration appears here as the network trains.");
        epochChart.setEmptyMessage("Loss after each epoch.");
        accuracyChart.setEmptyMessage("Validation accuracy per epoch.");
        // Short windows: a low chart still reads; one drawn past its panel does not.
        for (ChartView chart : List.of(iterationChart, epochChart, accuracyChart)) {
            chart.setMinHeight(CHART_MIN_HEIGHT);
        }
        iterationChart.setMinSpanX(10);
        epochChart.setMinSpanX(2);
        accuracyChart.setMinSpanX(2);
        accuracyChart.setFixedYRange(0, 1);
        iterationChart.logScaleProperty().bind(logToggle.selectedProperty());
        epochChart.logScaleProperty().bind(logToggle.selectedProperty());
        iterationChart.setMarks(this::iterationMarks);
        iterationChart.setReadout(this::iterationReadout);
        epochChart.setReadout(this::epochLossReadout);
        accuracyChart.setReadout(this::accuracyReadout);
        epochChart.setMarks(() -> bestMarks(true));
        accuracyChart.setMarks(() -> bestMarks(false));
        iterationNote.setText("thin: every iteration · bold: smoothed");
        Tooltip.install(fitButton, new Tooltip("Fit the charts to the data (or double-click a chart)"));
        exportMenu.setTooltip(new Tooltip("Export the charts as PNG or the history as CSV"));
        Tooltip.install(logToggle, new Tooltip("Logarithmic loss axis: shows progress when the loss is small"));
        Tooltip.install(rawToggle, new Tooltip("Show the loss of every iteration beside the smoothed curve"));
        rawToggle.selectedProperty().addListener((obs, was, is) -> redrawCharts());
        model.shownRuns().addListener((ListChangeListener<RunRow>) c -> redrawCharts());
        model.dataVersionProperty().addListener((obs, was, is) -> redrawChartsIfDue());
        model.phaseProperty().addListener((obs, was, is) -> redrawCharts());
        model.focusRunProperty().addListener((obs, was, is) -> redrawCharts());
        palette.versionProperty().addListener((obs, was, is) -> redrawCharts());
    }

    /**
     * While a run trains, redraws at most every {@link #CHART_INTERVAL_NANOS}: painting canvases is the
     * most expensive thing the dashboard does. What a skipped batch brought is drawn by the next one,
     * or when the run pauses or ends.
     */
    private void redrawChartsIfDue() {
        long now = System.nanoTime();
        if (model.phase().isActive() && now - lastChartDraw < CHART_INTERVAL_NANOS) {
            return;
        }
        redrawCharts();
    }

    @FXML
    private void fitCharts() {
        iterationChart.resetView();
        epochChart.resetView();
        accuracyChart.resetView();
    }

    private void redrawCharts() {
        lastChartDraw = System.nanoTime();
        List<ChartView.Series> iterations = new ArrayList<>();
        List<ChartView.Series> epochs = new ArrayList<>();
        List<ChartView.Series> accuracy = new ArrayList<>();
        boolean anyAccuracy = false;
        RunRow focus = model.focusRunProperty().get();
        for (RunRow run : model.shownRuns()) {
            RunCurves c = run.curves();
            Color colour = palette.run(run.colourIndex());
            double cut = c.divergedAt() > 0 ? c.divergedAt() : Double.POSITIVE_INFINITY;
            // A training run's curves are drawn above the others, on a layer of their own: the
            // finished runs' curves are not repainted as it grows (see ChartView).
            UnaryOperator<ChartView.Series> layer = run.isFinished() ? UnaryOperator.identity() : ChartView.Series::asLive;
            // Raw losses only for the run in focus: overlaid runs compare best by their smoothed
            // curves. Live even when finished: the focus moves to the next run as it starts, and the
            // raw curve it leaves goes from the live layer, leaving the other layer as it is.
            if (rawToggle.isSelected() && run == focus) {
                iterations.add(new ChartView.Series("raw-" + run.id(), iterationData(c, false), colour, 1, 0.3, false, cut).asLive());
            }
            iterations.add(layer.apply(new ChartView.Series("smooth-" + run.id(), iterationData(c, true), colour, 2.2, 1, false, cut).asSmooth()));
            epochs.add(layer.apply(new ChartView.Series("train-" + run.id(), epochData(c, c::trainLoss), colour, 1.6, 0.85, true)));
            epochs.add(layer.apply(new ChartView.Series("val-" + run.id(), epochData(c, c::valLoss), colour, 2.4, 1, false)));
            accuracy.add(layer.apply(new ChartView.Series("acc-" + run.id(), epochData(c, c::valAccuracy), colour, 2.4, 1, false)));
            anyAccuracy |= c.hasAccuracy() || (run.prepared() != null && run.prepared().task() == Task.CLASSIFICATION);
        }
        boolean growing = model.phase().isActive();
        // Where the training run will end: its charts' x axes run to there while it grows.
        List<PreparedRun> training = model.shownRuns().stream().filter(run -> !run.isFinished() && run.prepared() != null)
                .map(RunRow::prepared).toList();
        double plannedIterations = training.stream().mapToDouble(PreparedRun::totalIterations).max().orElse(Double.NaN);
        double plannedEpochs = training.stream().mapToDouble(PreparedRun::epochs).max().orElse(Double.NaN);
        iterationChart.setPlannedEnd(plannedIterations);
        epochChart.setPlannedEnd(plannedEpochs);
        accuracyChart.setPlannedEnd(plannedEpochs);
        for (ChartView chart : List.of(iterationChart, epochChart, accuracyChart)) {
            chart.setGrowing(growing);
        }
        iterationChart.setSeries(iterations);
        epochChart.setSeries(epochs);
        accuracyChart.setSeries(accuracy);
        boolean regression = !model.shownRuns().isEmpty() && !anyAccuracy
                && model.shownRuns().stream().allMatch(r -> r.prepared() != null);
        accuracyPanel.setVisible(!regression);
        accuracyPanel.setManaged(!regression);
        showBoundaryPanel(focus);
        updateNotes();
    }

    private void updateNotes() {
        RunRow focus = model.focusRunProperty().get();
        if (focus == null || focus.curves().epochs() == 0) {
            epochNote.setText("");
            accuracyNote.setText("");
            return;
        }
        RunCurves c = focus.curves();
        int best = c.bestEpoch();
        epochNote.setText(best > 0 ? focus.name() + ": best epoch " + best + ", loss "
                + AxisTicks.format(c.selectionLoss(best - 1)) : "");
        accuracyNote.setText(best > 0 && c.hasAccuracy() ? focus.name() + " at its best epoch: "
                + TrainingViewModel.percent(c.valAccuracy(best - 1)) : "");
    }

    /** The focus run's values at the iteration under the mouse. */
    private String iterationReadout(double x) {
        RunRow focus = model.focusRunProperty().get();
        if (focus == null) {
            return null;
        }
        RunCurves c = focus.curves();
        int i = (int) Math.round(x) - 1;
        if (i < 0 || i >= c.iterations()) {
            return null;
        }
        return focus.name() + " · iteration " + String.format(Locale.ROOT, "%,d", i + 1) + "\nloss "
                + AxisTicks.format(c.iterationLoss(i)) + " · smoothed " + AxisTicks.format(c.smoothedLoss(i));
    }

    private String epochLossReadout(double x) {
        RunRow focus = model.focusRunProperty().get();
        int i = (int) Math.round(x) - 1;
        if (focus == null || i < 0 || i >= focus.curves().epochs()) {
            return null;
        }
        RunCurves c = focus.curves();
        String validation = Double.isNaN(c.valLoss(i)) ? "" : "validation " + AxisTicks.format(c.valLoss(i)) + " · ";
        return focus.name() + " · epoch " + (i + 1) + "\n" + validation + "training " + AxisTicks.format(c.trainLoss(i));
    }

    private String accuracyReadout(double x) {
        RunRow focus = model.focusRunProperty().get();
        int i = (int) Math.round(x) - 1;
        if (focus == null || i < 0 || i >= focus.curves().epochs() || Double.isNaN(focus.curves().valAccuracy(i))) {
            return null;
        }
        return focus.name() + " · epoch " + (i + 1) + "\naccuracy " + TrainingViewModel.percent(focus.curves().valAccuracy(i));
    }

    private static SeriesData iterationData(RunCurves c, boolean smoothed) {
        return SeriesData.numbered(c::iterations, smoothed ? c::smoothedLoss : c::iterationLoss);
    }

    private static SeriesData epochData(RunCurves c, IntToDoubleFunction values) {
        return SeriesData.numbered(c::epochs, values);
    }

    private List<ChartView.Mark> iterationMarks() {
        List<ChartView.Mark> marks = new ArrayList<>();
        for (RunRow run : model.shownRuns()) {
            RunCurves c = run.curves();
            if (c.divergedAt() > 0) {
                float last = c.iterationLoss(c.divergedAt() - 1);
                marks.add(new ChartView.VerticalLine(c.divergedAt(), run.name() + " diverged", "diverged", palette.danger(), true, false));
                marks.add(new ChartView.Dot(c.divergedAt(), Float.isFinite(last) ? last : Double.MAX_VALUE, palette.danger(), false));
            }
        }
        return marks;
    }

    private List<ChartView.Mark> bestMarks(boolean loss) {
        List<ChartView.Mark> marks = new ArrayList<>();
        RunRow focus = model.focusRunProperty().get();
        for (RunRow run : model.shownRuns()) {
            RunCurves c = run.curves();
            int best = c.bestEpoch();
            if (best < 1 || best > c.epochs()) {
                continue;
            }
            if (run == focus) {
                // Accuracy runs high near the best epoch: its label goes to the line's foot.
                marks.add(new ChartView.VerticalLine(best, "best · epoch " + best, "best", palette.best(), true, !loss));
            }
            double y = loss ? c.selectionLoss(best - 1) : c.valAccuracy(best - 1);
            marks.add(new ChartView.Dot(best, y, palette.run(run.colourIndex()), true));
        }
        return marks;
    }

    // ---- boundary and results ----

    private void buildSidePanels() {
        sideScroll.setMinWidth(SIDE_LEAST_WIDTH);
        // The boundary above the results, the results folding to their header when the column is short.
        if (sideScroll.getContent() instanceof VBox side) {
            side.getChildren().clear();
            PanelPair panels = new PanelPair(boundaryPanel, resultsPanel);
            panels.setId("side-panels");
            panels.getStyleClass().setAll(side.getStyleClass());
            sideScroll.setContent(panels);
            // A run that starts shows its boundary forming; its results are only a note until it ends.
            model.phaseProperty().addListener((obs, was, is) -> {
                if (is == RunPhase.PREPARING) {
                    panels.bottomOpenProperty().set(false);
                }
            });
        }
        boundaryHolder.getChildren().add(boundaryView);
        boundaryView.setId("boundary-view");
        boundaryView.setEmptyMessage(BOUNDARY_EMPTY);
        resultsPlaceholder.getStyleClass().add(DashboardStyles.PLACEHOLDER);
        resultsPlaceholder.setWrapText(true);
        confusionView.setId("confusion-matrix");
        scatterView.setId("prediction-scatter");
        resultsHolder.getChildren().setAll(resultsPlaceholder);
        model.boundaryPointsProperty().addListener((obs, was, is) -> boundaryView.setPoints(is));
        // The worker that makes a frame paints its pixels too: the JavaFX thread only copies them.
        model.paintBoundaryFramesWith(boundaryView::paintAhead);
        // A new heatmap repaints as large an area as a chart: it takes its turn with them.
        model.boundaryProperty().addListener((obs, was, is) -> turns.request(boundaryView,
                () -> showBoundaryFrame(model.boundaryProperty().get())));
        model.focusRunProperty().addListener((obs, was, is) -> {
            if (was != null) {
                was.recordProperty().removeListener(recordListener);
            }
            if (is != null) {
                is.recordProperty().addListener(recordListener);
            }
            showFocusResults();
        });
        resultsPad.setOnShown(this::fitSideColumn);
        resultsPad.attachSwitch(resultsHeader, resultsTitle, resultsNote);
        showResults(null);
    }

    private void recordChanged(ObservableValue<? extends RunRecord> obs, RunRecord was, RunRecord is) {
        showFocusResults();
    }

    /**
     * The results and boundary panels for the run in focus, at a coming pulse in turn: a run's start
     * and end change the most at once, and swapping in a confusion matrix (dozens of nodes to style
     * and lay out) in that same pulse made it the longest of the run.
     */
    private void showFocusResults() {
        turns.request(resultsHolder, () -> {
            RunRow focus = model.focusRunProperty().get();
            showResults(focus);
            showBoundaryPanel(focus);
        });
    }

    private void showBoundaryFrame(BoundaryFrame frame) {
        boundaryView.setFrame(frame);
        boundaryNote.setText(frame == null ? "" : "after iteration " + String.format(Locale.ROOT, "%,d", frame.iteration()));
    }

    /** The boundary panel shows while it may apply; for data that is not 2-D classification the results take its room. */
    private void showBoundaryPanel(RunRow focus) {
        // Only a run trained here has a boundary: one from a sweep or from the saved runs says why it has none.
        String noBoundary = focus == null ? null : focus.noBoundaryReason();
        boundaryView.setEmptyMessage(noBoundary != null ? noBoundary : BOUNDARY_EMPTY);
        boolean notPlanar = focus != null && focus.prepared() != null && !focus.prepared().boundary();
        boundaryPanel.setVisible(!notPlanar);
        boundaryPanel.setManaged(!notPlanar);
        if (notPlanar) {
            boundaryNote.setText("");
        }
    }

    private void showResults(RunRow focus) {
        RunEvaluation evaluation = focus == null ? null : focus.evaluation();
        if (evaluation instanceof RunEvaluation.ConfusionMatrix matrix) {
            resultsTitle.setText("Confusion matrix");
            resultsNote.setText(focus.name() + " · " + matrix.part() + " · " + matrix.total() + " examples · "
                    + TrainingViewModel.percent(matrix.accuracy()) + " correct");
            confusionView.show(matrix);
            resultsHolder.getChildren().setAll(confusionView);
        } else if (evaluation instanceof RunEvaluation.Predictions predictions) {
            resultsTitle.setText("Predictions against truth");
            resultsNote.setText(focus.name() + " · " + predictions.part() + " · RMSE " + AxisTicks.format(predictions.rmse()));
            scatterView.show(predictions, palette.run(focus.colourIndex()));
            resultsHolder.getChildren().setAll(scatterView);
        } else {
            resultsTitle.setText("Results");
            resultsNote.setText("");
            resultsPlaceholder.setText(focus == null ? "How the trained network does on held-out data appears here after a run."
                    : focus.isFinished() ? (focus.noWeightsReason() != null ? focus.noWeightsReason()
                            : focus.name() + " kept no usable network: no epoch completed.")
                    : "Shown when " + focus.name() + " ends.");
            resultsHolder.getChildren().setAll(resultsPlaceholder);
        }
        resultsPad.showIn(resultsHolder, focus);
        // A note wraps to any width: only results may need a wider column.
        if (evaluation != null) fitSideColumn();
    }

    /**
     * Widens the side column to what it shows (a confusion matrix's class names, the drawing pad
     * beside its probabilities), taking the room from the charts, but never more than
     * {@link #SIDE_MOST_SHARE} of the width: beyond that the column scrolls sideways. It never
     * narrows it by itself: the person's divider stays where it is when less is needed.
     */
    private void fitSideColumn() {
        if (!(sideScroll.getContent() instanceof Region content)) {
            return;
        }
        content.applyCss();
        double need = content.minWidth(-1) + sideScroll.snappedLeftInset() + sideScroll.snappedRightInset() + SIDE_SCROLLBAR_ROOM;
        double most = chartSplit.getWidth() > 0 ? chartSplit.getWidth() * SIDE_MOST_SHARE : need;
        sideScroll.setMinWidth(Math.max(SIDE_LEAST_WIDTH, Math.min(need, most)));
    }

    // ---- runs ----

    /** "37 / 100" while a run is short of its plan; "100" once it trained them all (the column is narrow). */
    private static String epochsText(int done, int planned) {
        return done >= planned ? Integer.toString(done) : done + " / " + planned;
    }

    /**
     * Selects exactly {@code wanted} in the runs table by changing only what differs: a new run joins
     * the selection as one change, where clearing and selecting every run again restyled every row
     * in the frame that starts the run.
     */
    private void showSelection(List<RunRow> wanted) {
        var selectionModel = runsTable.getSelectionModel();
        Set<RunRow> keep = new HashSet<>(wanted);
        for (int i = selectionModel.getSelectedIndices().size() - 1; i >= 0; i--) {
            int index = selectionModel.getSelectedIndices().get(i);
            if (!keep.contains(runsTable.getItems().get(index))) {
                selectionModel.clearSelection(index);
            }
        }
        Set<RunRow> shown = new HashSet<>(selectionModel.getSelectedItems());
        for (RunRow r : wanted) {
            // A run not listed yet is selected when it is (see listRuns).
            if (!shown.contains(r) && listedRuns.contains(r)) {
                selectionModel.select(r);
            }
        }
    }

    /**
     * Brings the table's list up to the model's runs, adding and removing only what differs (the
     * order is the table's: the person may have sorted it), in a pulse of its own: a table whose
     * row count changes lays out and restyles every visible row at once, and in the pulse that
     * starts a run, with the progress, notes and settings changing too, that made it the run's longest.
     */
    private void listRuns() {
        Set<RunRow> current = new HashSet<>(model.runs());
        syncingSelection = true;
        listedRuns.removeIf(r -> !current.contains(r));
        Set<RunRow> listed = new HashSet<>(listedRuns);
        List<RunRow> added = model.runs().stream().filter(r -> !listed.contains(r)).toList();
        listedRuns.addAll(added);
        showSelection(model.selection());
        syncingSelection = false;
        // A new run joins the ones listed: its row comes into view at a coming pulse, once the table has
        // laid out its rows. A list wholly new (a project opened) keeps its top in view.
        if (!added.isEmpty() && added.size() < listedRuns.size()) {
            RunRow newest = added.get(added.size() - 1);
            turns.request(RowReveal.class, () -> RowReveal.show(runsTable, runsTable.getItems().indexOf(newest)));
        }
    }

    /**
     * Applies a change to a list on the Runs tab in a turn of its own while the tab shows, otherwise
     * when it is chosen: a row added to the table while another tab showed made JavaFX repaint the
     * whole window in the next two frames (26 ms each with the software renderer).
     */
    private void whenRunsTabShows(Object list, Runnable change) {
        if (runsTab.isSelected()) {
            turns.request(list, change);
        } else {
            waitingForRunsTab.putIfAbsent(list, change);
        }
    }

    private void buildRunsTable() {
        listedRuns.setAll(model.runs());
        runsTable.setItems(listedRuns);
        model.runs().addListener((ListChangeListener<RunRow>) c -> whenRunsTabShows(runsTable, this::listRuns));
        runsTab.selectedProperty().addListener((obs, was, is) -> {
            if (is) {
                waitingForRunsTab.values().forEach(Runnable::run);
                waitingForRunsTab.clear();
            }
        });
        runsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        MenuItem delete = new MenuItem("Delete Selected Runs…");
        delete.setId("deleteRunsItem");
        // No accelerator: a context menu's would join the window's own, where Delete deletes nodes.
        delete.setOnAction(e -> deleteSelectedRuns());
        ObservableList<RunRow> chosen = runsTable.getSelectionModel().getSelectedItems();
        delete.disableProperty().bind(Bindings.createBooleanBinding(() -> chosen.stream().noneMatch(RunRow::isFinished), chosen));
        runsTable.setContextMenu(new ContextMenu(delete));
        runsTable.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                deleteSelectedRuns();
                e.consume();
            }
        });
        runsTable.setPlaceholder(placeholder("Each training run is kept here. Select several to overlay their curves."));
        CellValues.install(runNameColumn, RunRow::cellValues, SimpleObjectProperty::new);
        runNameColumn.setCellFactory(column -> new RunNameCell(palette));
        // A theme's own run colours: the dots take them as the curves do.
        palette.versionProperty().addListener((obs, was, is) -> runsTable.refresh());
        CellValues.install(runOptimizerColumn, RunRow::cellValues, run -> new SimpleStringProperty(run.setup().training().optimizer()));
        CellValues.install(runRateColumn, RunRow::cellValues, run -> new SimpleStringProperty(run.learningRateText()));
        CellValues.install(runBatchColumn, RunRow::cellValues,
                run -> new SimpleStringProperty(Integer.toString(run.setup().training().batchSize())));
        CellValues.install(runEpochsColumn, RunRow::cellValues, run -> Bindings.createStringBinding(
                () -> epochsText(run.epochsDoneProperty().get(), run.setup().training().epochs()), run.epochsDoneProperty()));
        CellValues.install(runLossColumn, RunRow::cellValues, run -> Bindings.createStringBinding(
                () -> number(run.valLossProperty().get()), run.valLossProperty()));
        CellValues.install(runAccuracyColumn, RunRow::cellValues, run -> Bindings.createStringBinding(
                () -> fraction(run.valAccuracyProperty().get()), run.valAccuracyProperty()));
        CellValues.install(runTimeColumn, RunRow::cellValues, run -> Bindings.createStringBinding(() -> {
            double s = run.secondsProperty().get();
            return Double.isNaN(s) ? "" : TrainingViewModel.clock(s);
        }, run.secondsProperty()));
        for (TableColumn<RunRow, ?> c : List.of(runBatchColumn, runEpochsColumn, runLossColumn, runAccuracyColumn, runTimeColumn)) {
            c.getStyleClass().add(DashboardStyles.NUMBER_CELL);
        }
        // Numbers shown as text sort as numbers (as text, 6.25e-5 came after 3.88e-4).
        for (TableColumn<RunRow, String> c : List.of(runRateColumn, runBatchColumn, runEpochsColumn, runLossColumn, runAccuracyColumn,
                runTimeColumn)) {
            c.setComparator(NumericText.ORDER);
        }
        // The training run's numbers change at every refresh.
        for (TableColumn<RunRow, String> c : List.of(runEpochsColumn, runLossColumn, runAccuracyColumn, runTimeColumn)) {
            c.setCellFactory(column -> new LiveTextCell<>());
        }

        runsTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRow>) c -> {
            if (!syncingSelection) {
                syncingSelection = true;
                model.selection().setAll(runsTable.getSelectionModel().getSelectedItems());
                syncingSelection = false;
            }
        });
        model.selection().addListener((ListChangeListener<RunRow>) c -> {
            if (!syncingSelection) {
                syncingSelection = true;
                showSelection(model.selection());
                syncingSelection = false;
            }
        });
        // Like the runs, in a pulse of its own: the list's cells are rebuilt when its length changes.
        ObservableList<ChangeLine> listedChanges = FXCollections.observableArrayList(changeLines());
        changesList.setItems(listedChanges);
        changesList.setCellFactory(WrappingCell::new);
        Runnable relist = () -> whenRunsTabShows(changesList, () -> listedChanges.setAll(changeLines()));
        model.changes().addListener((ListChangeListener<String>) c -> relist.run());
        model.changesNoteProperty().addListener((obs, was, is) -> relist.run());
        changesNote.textProperty().bind(Bindings.when(Bindings.isEmpty(model.changes())).then("").otherwise(model.changesNoteProperty()));
    }

    /**
     * What the list shows: the lines of what changed, or, with nothing to compare, what to do (as its
     * one muted row). Never empty: a list's placeholder swapped in or out for its rows hid or showed
     * the list's cells, and JavaFX painted the whole window again a pulse later (50-100 ms with the
     * software renderer), at every change of selection between one run and several.
     */
    private List<ChangeLine> changeLines() {
        if (model.changes().isEmpty()) {
            return List.of(new ChangeLine(model.changesNoteProperty().get(), true));
        }
        return model.changes().stream().map(text -> new ChangeLine(text, false)).toList();
    }

    /** A row of the what-changed list: a change, or the note that says how to see changes. */
    record ChangeLine(String text, boolean note) {
        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * A line of what changed, wrapped to the list's width (among many runs a line lists every run's
     * value). A text node of its own, wrapped at a width bound to the list's: a wrapping label's
     * height came out a line short in a list cell, and the last line ended in an ellipsis.
     */
    private static final class WrappingCell extends ListCell<ChangeLine> {
        private static final PseudoClass NOTE = PseudoClass.getPseudoClass("note");
        private final Text line = new Text();

        WrappingCell(ListView<ChangeLine> list) {
            line.getStyleClass().add("run-change");
            line.fontProperty().bind(fontProperty());
            // The list's padding and border, the cell's padding and room for a vertical scroll bar.
            line.wrappingWidthProperty().bind(list.widthProperty().subtract(36));
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ChangeLine item, boolean empty) {
            super.updateItem(item, empty);
            line.setText(empty || item == null ? "" : item.text());
            setGraphic(empty ? null : line);
            setText(null);
            pseudoClassStateChanged(NOTE, !empty && item != null && item.note());
        }
    }

    /** What an empty table or list says, muted and wrapped to its width. */
    private static Label placeholder(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(DashboardStyles.PLACEHOLDER);
        return label;
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "—" : AxisTicks.format(value);
    }

    private static String fraction(double value) {
        return Double.isNaN(value) ? "—" : TrainingViewModel.percent(value);
    }

    // ---- layers ----

    private void buildLayersTable() {
        layersTable.setItems(model.layerRows());
        layersTable.setPlaceholder(placeholder("While a run trains, each layer's gradients and units are measured here."));
        CellValues.install(layerNodeColumn, LayerRow::cellValues, row -> new SimpleStringProperty(row.nodeId()));
        stat(layerActivationColumn, s -> s.activation() == null ? "" : s.activation());
        stat(layerGradientColumn, s -> scientific(s.meanAbsGradient()));
        stat(layerDeadColumn, s -> share(s.deadFraction()));
        stat(layerSaturatedColumn, s -> share(s.saturatedFraction()));
        stat(layerUpdateColumn, s -> scientific(s.updateRatio()));
        stat(layerConcernColumn, s -> String.join("; ", s.concerns()));
        layerConcernColumn.getStyleClass().add(DashboardStyles.CONCERN_CELL);
        layerConcernColumn.setCellFactory(column -> new FullTextCell<>());
        for (TableColumn<LayerRow, String> c : List.of(layerGradientColumn, layerDeadColumn, layerSaturatedColumn, layerUpdateColumn)) {
            c.getStyleClass().add(DashboardStyles.NUMBER_CELL);
            c.setCellFactory(column -> new LiveTextCell<>());
            c.setComparator(NumericText.ORDER);
        }
        Tooltip.install(layersTable, new Tooltip("Mean |gradient|: tiny values in early layers mean vanishing gradients. "
                + "Dead ReLUs output 0 for every example. Saturated: sigmoid/tanh outputs in their flat tails. "
                + "Update / weight: about 1e-3 is healthy."));
    }

    /** The column shows {@code text} of each row's latest statistics, written when they change and the cell is shown. */
    private static void stat(TableColumn<LayerRow, String> column, Function<LayerStats, String> text) {
        CellValues.install(column, LayerRow::cellValues, row -> Bindings.createStringBinding(() -> text.apply(row.stats()), row.statsProperty()));
    }

    private static String scientific(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.2e", value);
    }

    private static String share(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.0f%%", value * 100);
    }

    // ---- exports ----

    @FXML
    private void exportIterationPng() {
        exportPng(iterationChart.snapshotImage(), "loss.png");
    }

    @FXML
    private void exportEpochPng() {
        exportPng(epochChart.snapshotImage(), "epoch-loss.png");
    }

    @FXML
    private void exportAccuracyPng() {
        exportPng(accuracyChart.snapshotImage(), "accuracy.png");
    }

    @FXML
    private void exportCsv() {
        saveTarget.choose("Export run history", "history.csv", "csv").ifPresent(this::exportHistoryCsv);
    }

    private void exportPng(WritableImage image, String suggested) {
        saveTarget.choose("Export chart", suggested, "png").ifPresent(path -> writePng(image, path));
    }

    /** Writes the loss-per-iteration chart as it is shown to {@code file} as PNG. */
    public void exportLossChartPng(Path file) {
        writePng(iterationChart.snapshotImage(), file);
    }

    /** Writes the per-epoch history of the shown finished runs to {@code file} as CSV. */
    public void exportHistoryCsv(Path file) {
        List<RunRecord> records = model.shownRuns().stream().map(RunRow::record).filter(java.util.Objects::nonNull).toList();
        try {
            RunHistoryCsv.write(records, file);
        } catch (UncheckedIOException e) {
            model.reportExportFailure(e.getMessage());
        }
    }

    private void writePng(WritableImage image, Path file) {
        try {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            model.reportExportFailure("Could not write " + file + ": " + e.getMessage());
        }
    }

    private Optional<Path> chooseWithDialog(String title, String suggestedName, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(Locale.ROOT) + " files", "*." + extension));
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return Optional.ofNullable(file).map(java.io.File::toPath);
    }

    // ---- for tests ----

    /** The turns the dashboard's large changes take (for the benchmark to name what a pulse did). */
    PaintTurns turns() {
        return turns;
    }

    ChartView iterationChart() {
        return iterationChart;
    }

    ChartView epochChart() {
        return epochChart;
    }

    ChartView accuracyChart() {
        return accuracyChart;
    }

    BoundaryView boundaryView() {
        return boundaryView;
    }

    ResultsPad resultsPad() {
        return resultsPad;
    }

    ChartPalette palette() {
        return palette;
    }
}
