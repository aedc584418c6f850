package io.layerlab.ui.experiments;

import io.layerlab.train.sweep.Combination;
import io.layerlab.train.sweep.LearningRates;
import io.layerlab.train.sweep.LrRangeResult;
import io.layerlab.train.sweep.LrRangeTest;
import io.layerlab.train.sweep.SweepPlan;
import io.layerlab.train.sweep.SweepRun;
import io.layerlab.ui.support.NumericText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Experiments window: the sweep form with Run and Cancel, every run's loss curve overlaid
 * live (colour by learning rate, dashes by batch size, repeats as a band around their mean), the
 * heatmap of final loss over learning rate × batch size, the observations, the results table with
 * "Use these settings" and "Open in Dashboard" (button, context menu, double-click), and the learning-rate range test with "Use this rate".
 */
public final class ExperimentsView extends BorderPane {
    private static final double[][] DASHES = {{}, {8, 4}, {2, 3}, {10, 3, 2, 3}, {4, 4}};
    /** The size of what an empty list or chart says, drawn (the charts) or styled (app.css, .experiments-placeholder) alike. */
    static final double PLACEHOLDER_FONT_SIZE = 12.5;
    private final ExperimentsViewModel model;
    private final CurveChart sweepChart = new CurveChart("epoch");
    private final CurveChart rangeChart = new CurveChart("learning rate");
    private final LossHeatmap heatmap = new LossHeatmap();
    private final TableView<SweepRun> table = new TableView<>();

    public ExperimentsView(ExperimentsViewModel model) {
        this.model = model;
        getStyleClass().add("experiments");
        setTop(status());
        VBox sweep = new VBox(sweepForm(), sweepPane());
        VBox.setVgrow(sweep.getChildren().get(1), Priority.ALWAYS);
        TabPane tabs = new TabPane(new Tab("Sweep", sweep), new Tab("Learning-rate range test", rangePane()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("experimentTabs");
        setCenter(tabs);
        sweepChart.setEmptyMessage("Curves appear here as the runs train");
        rangeChart.setEmptyMessage("Run the range test: one pass with a growing learning rate");
        rangeChart.setLogX(true);
        model.addCurveListener(this::refreshCurves);
        model.summariesProperty().addListener((obs, old, s) -> heatmap.setSummaries(s));
    }

    /** Opens the window for {@code model}, owned by {@code owner}; closing it cancels what runs. */
    public static Stage open(ExperimentsViewModel model, Window owner, String stylesheet) {
        ExperimentsView view = new ExperimentsView(model);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Experiments — " + model.project().name());
        Scene scene = new Scene(view, 1240, 760);
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        stage.setOnHidden(e -> model.cancel());
        stage.show();
        return stage;
    }

    /** The sweep's settings with Run sweep and Cancel, at the top of the Sweep tab (the range test has its own). */
    private FlowPane sweepForm() {
        TextField rates = field("learningRatesField", model.learningRatesProperty(), 190);
        TextField batches = field("batchSizesField", model.batchSizesProperty(), 110);
        TextField optimizers = field("optimizersField", model.optimizersProperty(), 120);
        optimizers.setPromptText("project's");
        Spinner<Integer> repeats = new Spinner<>(1, 100, model.repeatsProperty().get());
        repeats.setId("sweepRepeatsSpinner");
        repeats.setEditable(true);
        repeats.setPrefWidth(80);
        repeats.valueProperty().addListener((obs, old, v) -> model.repeatsProperty().set(v));
        commitOnFocusLoss(repeats);
        Spinner<Integer> epochs = new Spinner<>(1, 10_000, model.epochsProperty().get());
        epochs.setId("sweepEpochsSpinner");
        epochs.setEditable(true);
        epochs.setPrefWidth(90);
        epochs.valueProperty().addListener((obs, old, v) -> model.epochsProperty().set(v));
        commitOnFocusLoss(epochs);
        TextField target = field("targetLossField", model.targetLossProperty(), 80);
        target.setPromptText("none");
        target.setTooltip(new Tooltip("Optional: a loss every run should reach. The table then shows the epoch each "
                + "run first reached it, and the observations name the run that got there first."));
        Button run = new Button("Run sweep");
        run.setId("runSweepButton");
        run.setDefaultButton(true);
        run.setOnAction(e -> model.run());
        run.disableProperty().bind(model.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelSweepButton");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());
        // The two buttons wrap together: Cancel alone on a row of its own read as a form of its own.
        HBox buttons = new HBox(6, run, cancel);
        FlowPane row = new FlowPane(12, 8, labelled("Learning rates", rates), labelled("Batch sizes", batches),
                labelled("Optimizers", optimizers), labelled("Repeats", repeats), labelled("Epochs", epochs),
                labelled("Target loss", target), buttons);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(8, 8, 2, 8));
        return row;
    }

    /** What runs, how far it got, and what stopped it, above both tabs: for the sweep and the range test alike. */
    private VBox status() {
        Label problem = new Label();
        problem.getStyleClass().add("experiments-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label progress = new Label();
        progress.setId("sweepProgress");
        progress.textProperty().bind(model.progressProperty());
        VBox box = new VBox(4, problem, progress);
        box.setPadding(new Insets(6, 10, 6, 10));
        // The progress line keeps its room while empty, so the tabs do not move down as a run starts.
        progress.setMinHeight(Region.USE_PREF_SIZE);
        return box;
    }

    /** A typed number counts once the person moves on, not only after Enter. */
    private static void commitOnFocusLoss(Spinner<Integer> spinner) {
        spinner.focusedProperty().addListener((obs, was, is) -> {
            if (!is && spinner.isEditable()) {
                try {
                    spinner.getValueFactory().setValue(Integer.parseInt(spinner.getEditor().getText().trim()));
                } catch (NumberFormatException e) {
                    spinner.getEditor().setText(String.valueOf(spinner.getValue()));
                }
            }
        });
        spinner.getEditor().setOnAction(e -> spinner.commitValue());
    }

    private static TextField field(String id, StringProperty value, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        f.setPrefWidth(width);
        return f;
    }

    private static HBox labelled(String text, Node control) {
        HBox box = new HBox(6, new Label(text), control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private SplitPane sweepPane() {
        ObservationList observations = new ObservationList(model.observations(),
                placeholder("What the curves say appears when the sweep ends"));
        VBox side = new VBox(8, heatmap, new Label("What the curves say"), observations);
        VBox.setVgrow(observations, Priority.ALWAYS);
        side.setPadding(new Insets(0, 0, 0, 6));
        SplitPane top = new SplitPane(sweepChart, side);
        top.setDividerPositions(0.62);

        buildTable();
        Button use = new Button("Use these settings");
        use.setId("useRunSettingsButton");
        use.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        use.setOnAction(e -> model.useSettingsOf(table.getSelectionModel().getSelectedItem()));
        Label hint = new Label("Sets the project's learning rate and batch size to the selected run's (undoable)");
        hint.getStyleClass().add("experiments-hint");
        Button open = new Button("Open in Dashboard");
        open.setId("openInDashboardButton");
        open.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !ExperimentsViewModel.canOpenInDashboard(table.getSelectionModel().getSelectedItem()),
                table.getSelectionModel().selectedItemProperty()));
        open.setOnAction(e -> model.openInDashboard(table.getSelectionModel().getSelectedItem()));
        open.setTooltip(new Tooltip(
                "Show the selected run in the Training dashboard, to overlay and compare it with other runs"));
        HBox actions = new HBox(10, use, open, hint);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(6, table, actions);
        VBox.setVgrow(table, Priority.ALWAYS);
        bottom.setPadding(new Insets(6));
        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        return split;
    }

    private void buildTable() {
        table.setId("sweepResults");
        // In the sweep's own order (learning rate, batch size, repeat) as runs finish out of order on
        // the cores, until the person sorts by a column.
        SortedList<SweepRun> sorted = new SortedList<>(model.results());
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(() -> table.getComparator() == null
                ? Comparator.comparingInt((SweepRun r) -> r.key().index()) : table.getComparator(), table.comparatorProperty()));
        table.setItems(sorted);
        table.setPlaceholder(placeholder("Finished runs are listed here"));
        // Widths in proportion to what the cells hold, so that a run's name and its numbers show whole.
        column("Run", 170, r -> r.key().label());
        // Numbers shown as text sort as numbers (as text, batch 128 came before 16).
        column("Learning rate", 100, r -> LearningRates.format(r.key().learningRate())).setComparator(NumericText.ORDER);
        column("Batch", 60, r -> Integer.toString(r.key().batchSize())).setComparator(NumericText.ORDER);
        column("Optimizer", 85, r -> r.key().optimizer());
        column("Repeat", 65, r -> Integer.toString(r.key().repeat() + 1)).setComparator(NumericText.ORDER);
        column("Status", 90, r -> r.status().id());
        column("Final loss", 85, r -> number(r.finalLoss())).setComparator(NumericText.ORDER);
        column("Best loss", 85, r -> number(r.bestLoss())).setComparator(NumericText.ORDER);
        column("Accuracy", 80, r -> r.finalAccuracy() == null ? "—" : String.format(Locale.ROOT, "%.1f %%", r.finalAccuracy() * 100))
                .setComparator(NumericText.ORDER);
        TableColumn<SweepRun, String> toTarget = column("Epochs to target", 130,
                r -> r.epochsToTarget() == null ? "—" : r.epochsToTarget().toString());
        toTarget.setComparator(NumericText.ORDER);
        toTarget.setId("epochsToTargetColumn");
        // Only a sweep with a target loss has this column; its header names the target.
        toTarget.visibleProperty().bind(model.resultsTargetProperty().isNotNull());
        toTarget.textProperty().bind(Bindings.createStringBinding(() -> model.resultsTargetProperty().get() == null
                ? "Epochs to target" : "Epochs to " + LearningRates.format(model.resultsTargetProperty().get()),
                model.resultsTargetProperty()));
        column("Time", 65, r -> String.format(Locale.ROOT, "%.1f s", r.seconds())).setComparator(NumericText.ORDER);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> {
            TableRow<SweepRun> row = new TableRow<>();
            MenuItem open = new MenuItem("Open in Dashboard");
            open.setOnAction(e -> model.openInDashboard(row.getItem()));
            MenuItem use = new MenuItem("Use These Settings");
            use.setOnAction(e -> model.useSettingsOf(row.getItem()));
            ContextMenu menu = new ContextMenu(open, use);
            menu.setOnShowing(e -> open.setDisable(!ExperimentsViewModel.canOpenInDashboard(row.getItem())));
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty())
                    .then((ContextMenu) null).otherwise(menu));
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) model.openInDashboard(row.getItem());
            });
            return row;
        });
    }

    private TableColumn<SweepRun, String> column(String title, double width, Function<SweepRun, String> value) {
        TableColumn<SweepRun, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        table.getColumns().add(c);
        return c;
    }

    private static String number(Double v) { return v == null ? "—" : String.format(Locale.ROOT, "%.4g", v); }

    private VBox rangePane() {
        Button run = new Button("Run range test");
        run.setId("runRangeTestButton");
        run.setOnAction(e -> model.runRangeTest());
        run.disableProperty().bind(model.runningProperty());
        Label suggestion = new Label();
        suggestion.setId("suggestedRate");
        Button use = new Button("Use this rate");
        use.setId("useRateButton");
        use.setDisable(true);
        use.setOnAction(e -> model.useSuggestedRate());
        model.rangeResultProperty().addListener((obs, old, r) -> {
            boolean usable = r != null && Double.isFinite(r.suggestedRate());
            use.setDisable(!usable);
            suggestion.setText(r == null ? "" : usable ? "Suggested learning rate: " + LearningRates.format(r.suggestedRate())
                    : r.explanation());
        });
        Button stop = new Button("Stop");
        stop.setId("stopRangeTestButton");
        stop.setOnAction(e -> model.cancel());
        stop.disableProperty().bind(model.runningProperty().not());
        HBox actions = new HBox(10, run, stop, suggestion, use);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, actions, rangeChart);
        VBox.setVgrow(rangeChart, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    /** Redraws both charts from the view model (on the JavaFX thread, at most once per hand-over). */
    private void refreshCurves() {
        ExperimentsViewModel.LiveSweep live = model.liveProperty().get();
        if (live != null) sweepChart.setCurves(sweepCurves(live));
        List<LrRangeTest.Point> points = model.rangePoints();
        if (!points.isEmpty()) {
            double[] xs = new double[points.size()];
            double[] raw = new double[points.size()];
            double[] smooth = new double[points.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = points.get(i).learningRate();
                raw[i] = points.get(i).loss();
                smooth[i] = points.get(i).smoothedLoss();
            }
            rangeChart.setCurves(List.of(
                    new Curve("loss", Color.web("#8c959f"), new double[0], xs, raw, null, null),
                    new Curve("smoothed", Color.web("#0969da"), new double[0], xs, smooth, null, null)));
            LrRangeResult r = model.rangeResultProperty().get();
            rangeChart.setMarker(r != null && Double.isFinite(r.suggestedRate()) ? r.suggestedRate() : null,
                    r == null ? "" : "suggested " + LearningRates.format(r.suggestedRate()));
        }
    }

    /** One curve per combination: its run's losses, or with repeats their mean inside a min–max band. */
    static List<Curve> sweepCurves(ExperimentsViewModel.LiveSweep live) {
        SweepPlan plan = live.plan();
        List<Double> rates = plan.spec().learningRates();
        List<Integer> batches = plan.spec().batchSizes();
        Map<Combination, List<double[]>> byCombination = new LinkedHashMap<>();
        for (SweepPlan.PlannedRun run : plan.runs()) {
            byCombination.computeIfAbsent(run.key().combination(), k -> new ArrayList<>()).add(live.losses(run.key().index()));
        }
        List<Curve> curves = new ArrayList<>();
        for (var e : byCombination.entrySet()) {
            Combination c = e.getKey();
            int epochs = e.getValue().stream().mapToInt(a -> a.length).max().orElse(0);
            if (epochs == 0) continue;
            double[] xs = new double[epochs];
            double[] mean = new double[epochs];
            double[] lo = new double[epochs];
            double[] hi = new double[epochs];
            for (int i = 0; i < epochs; i++) {
                xs[i] = i + 1;
                double sum = 0;
                int n = 0;
                lo[i] = Double.POSITIVE_INFINITY;
                hi[i] = Double.NEGATIVE_INFINITY;
                for (double[] losses : e.getValue()) {
                    if (i < losses.length && Double.isFinite(losses[i])) {
                        sum += losses[i];
                        n++;
                        lo[i] = Math.min(lo[i], losses[i]);
                        hi[i] = Math.max(hi[i], losses[i]);
                    }
                }
                mean[i] = n == 0 ? Double.NaN : sum / n;
            }
            boolean band = e.getValue().size() > 1;
            String label = "lr " + LearningRates.format(c.learningRate()) + (batches.size() > 1 ? " · b " + c.batchSize() : "")
                    + (plan.spec().optimizers().size() > 1 ? " · " + c.optimizer() : "");
            curves.add(new Curve(label, rateColour(rates.indexOf(c.learningRate()), rates.size()),
                    DASHES[Math.max(0, batches.indexOf(c.batchSize())) % DASHES.length], xs, mean,
                    band ? lo : null, band ? hi : null));
        }
        return curves;
    }

    private static Label placeholder(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("experiments-placeholder");
        return label;
    }

    /**
     * Low rates blue through to high rates red, evenly spaced in hue, each darkened until it stands
     * out from the white plot at a contrast of at least {@link #LEAST_LINE_CONTRAST}: at one
     * brightness for all, the middle rates' greens and yellows were faint lines (contrast 1.7-1.9).
     */
    static Color rateColour(int index, int count) {
        double hue = 220 - 220 * (count <= 1 ? 0 : index / (double) (count - 1));
        double brightness = 0.85;
        Color colour = Color.hsb(hue, 0.75, brightness);
        while (contrastOnWhite(colour) < LEAST_LINE_CONTRAST && brightness > 0.3) {
            brightness -= 0.01;
            colour = Color.hsb(hue, 0.75, brightness);
        }
        return colour;
    }

    /** WCAG's least contrast for the parts of a graphic needed to understand it. */
    static final double LEAST_LINE_CONTRAST = 3;

    /** WCAG 2's contrast ratio of {@code colour} against white. */
    static double contrastOnWhite(Color colour) {
        double luminance = 0.2126 * linear(colour.getRed()) + 0.7152 * linear(colour.getGreen()) + 0.0722 * linear(colour.getBlue());
        return 1.05 / (luminance + 0.05);
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
