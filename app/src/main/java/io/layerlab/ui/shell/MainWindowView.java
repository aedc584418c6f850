package io.layerlab.ui.shell;

import io.layerlab.ui.canvas.GraphCanvas;
import io.layerlab.ui.gallery.SampleGalleryViewModel;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.Workspace;
import io.layerlab.ui.support.DialogService;
import io.layerlab.ui.support.HoverTooltips;
import io.layerlab.ui.support.TaskExecutor;
import io.layerlab.ui.support.Theme;
import io.layerlab.ui.training.LayoutMemory;
import io.layerlab.ui.training.RunPhase;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Control;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javax.imageio.ImageIO;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's FXML controller: places the panels, binds menus, toolbar and status bar,
 * and sends each command to the view model or the canvas that carries it out.
 */
public final class MainWindowView {
    private final Workspace workspace;
    private final MainViewModel files;
    private final StatusViewModel status;
    private final GraphCanvas canvas;
    private final Theme theme;
    private final DialogService dialogs;
    private final TaskExecutor executor;
    private final Parent palette;
    private final Parent inspector;
    private final Parent summary;
    private final Supplier<Parent> problems;
    private final Parent gallery;
    private final SampleGalleryViewModel galleryModel;
    private final WindowTraining training;
    private final ExchangeViewModel exchange;
    private final ObservableValue<String> problemsTabTitle;
    private final Runnable quit;
    private Runnable experiments = () -> { };

    @FXML private Menu recentMenu;
    @FXML private MenuItem saveItem;
    @FXML private MenuItem exportPngItem;
    @FXML private CustomMenuItem exportTrainedItem;
    @FXML private Label exportTrainedLabel;
    @FXML private Tooltip exportTrainedTooltip;
    @FXML private MenuItem undoItem;
    @FXML private MenuItem redoItem;
    @FXML private MenuItem cutItem;
    @FXML private MenuItem copyItem;
    @FXML private MenuItem duplicateItem;
    @FXML private MenuItem deleteItem;
    @FXML private CheckMenuItem snapItem;
    @FXML private CheckMenuItem paletteItem;
    @FXML private CheckMenuItem inspectorItem;
    @FXML private CheckMenuItem maximizeBottomItem;
    @FXML private CheckMenuItem darkThemeItem;
    @FXML private MenuItem trainItem;
    @FXML private MenuItem pauseItem;
    @FXML private FontIcon pauseItemIcon;
    @FXML private MenuItem stopItem;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Button deleteButton;
    @FXML private ToolBar toolBar;
    @FXML private ToggleButton snapButton;
    @FXML private ToggleButton darkThemeButton;
    @FXML private Button trainButton;
    @FXML private Button stopButton;
    @FXML private StackPane paletteSlot;
    @FXML private StackPane canvasSlot;
    @FXML private StackPane inspectorSlot;
    @FXML private TabPane bottomTabs;
    @FXML private Tab summaryTab;
    @FXML private Tab problemsTab;
    @FXML private Tab trainingTab;
    @FXML private javafx.scene.control.SplitPane centerSplit;
    @FXML private javafx.scene.control.SplitPane mainSplit;
    @FXML private Label statusMessage;
    @FXML private Label statusSelection;
    @FXML private Label statusProblems;
    @FXML private Label statusParams;
    @FXML private Label statusNd4j;
    @FXML private Label statusTraining;
    @FXML private ProgressBar trainingProgress;

    MainWindowView(Workspace workspace, MainViewModel files, StatusViewModel status, GraphCanvas canvas, Theme theme,
                   DialogService dialogs, TaskExecutor executor, Panels panels, SampleGalleryViewModel galleryModel,
                   WindowTraining training, ExchangeViewModel exchange, Runnable quit) {
        this.workspace = workspace;
        this.files = files;
        this.status = status;
        this.canvas = canvas;
        this.theme = theme;
        this.dialogs = dialogs;
        this.executor = executor;
        this.palette = panels.palette();
        this.inspector = panels.inspector();
        this.summary = panels.summary();
        this.problems = panels.problems();
        this.gallery = panels.gallery();
        this.galleryModel = galleryModel;
        this.training = training;
        this.exchange = exchange;
        this.problemsTabTitle = panels.problemsTabTitle();
        this.quit = quit;
    }

    /** The views placed in the window's slots; the problems list is built when its tab first shows. */
    record Panels(Parent palette, Parent inspector, Parent summary, Supplier<Parent> problems, Parent gallery,
                  ObservableValue<String> problemsTabTitle) { }

    @FXML
    private void initialize() {
        paletteSlot.getChildren().setAll(palette);
        inspectorSlot.getChildren().setAll(inspector);
        canvasSlot.getChildren().setAll(canvas, gallery);
        canvas.statusMessageProperty().addListener((obs, old, message) -> { if (!message.isEmpty()) status.showMessage(message); });
        summaryTab.setContent(summary);
        problemsTab.textProperty().bind(problemsTabTitle);
        foldablePanels();
        followBottomTab();

        snapItem.selectedProperty().bindBidirectional(canvas.snapToGridProperty());
        snapButton.selectedProperty().bindBidirectional(canvas.snapToGridProperty());
        darkThemeItem.selectedProperty().bindBidirectional(theme.darkProperty());
        darkThemeButton.selectedProperty().bindBidirectional(theme.darkProperty());

        statusMessage.textProperty().bind(status.messageProperty());
        statusSelection.textProperty().bind(status.selectionProperty());
        statusProblems.textProperty().bind(status.problemsProperty());
        statusParams.textProperty().bind(status.paramsProperty());
        // While a run trains; its outcome then goes to the message on the left.
        statusTraining.textProperty().bind(Bindings.when(training.runningProperty())
                .then(training.progressTextProperty()).otherwise(""));
        trainingProgress.progressProperty().bind(training.progressProperty());
        trainingProgress.visibleProperty().bind(training.runningProperty().or(training.progressTextProperty().isNotEmpty()));
        trainingProgress.managedProperty().bind(trainingProgress.visibleProperty());
        trainItem.disableProperty().bind(training.runningProperty());
        trainButton.disableProperty().bind(training.runningProperty());
        stopItem.disableProperty().bind(training.runningProperty().not());
        ObservableValue<RunPhase> phase = training.viewModel().phaseProperty();
        pauseItem.disableProperty().bind(Bindings.createBooleanBinding(() -> !phase.getValue().canPauseOrResume(), phase));
        pauseItem.textProperty().bind(Bindings.createStringBinding(() -> "_" + phase.getValue().pauseOrResumeWord(), phase));
        phase.addListener((obs, was, is) -> pauseItemIcon.setIconLiteral(is.pauseOrResumeIcon()));
        stopButton.disableProperty().bind(training.runningProperty().not());
        // Stays clickable while there is nothing to export: it looks unavailable, its tooltip says why, a click explains too.
        exchange.trainedNetworkProperty().addListener((obs, old, network) -> showTrainedNetwork(network));
        exchange.noTrainedNetworkProperty().addListener((obs, old, why) -> showTrainedNetwork(exchange.trainedNetworkProperty().get()));
        showTrainedNetwork(exchange.trainedNetworkProperty().get());

        installToolbarTooltips();

        files.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecentMenu());
        fillRecentMenu();

        workspace.documentProperty().addListener((obs, old, doc) -> attach(doc));
        attach(workspace.document());
    }

    /** The toolbar's tooltips, made on first hover (see {@link HoverTooltips}); undo and redo name what they would undo or redo. */
    private void installToolbarTooltips() {
        HoverTooltips.install(undoButton, () -> tooltipFollowing(undoItem, " (Ctrl+Z)"));
        HoverTooltips.install(redoButton, () -> tooltipFollowing(redoItem, " (Ctrl+Y)"));
        for (Node item : toolBar.getItems()) {
            if (item instanceof Control control && control.getProperties().get(HOVER_TOOLTIP) instanceof String text) {
                HoverTooltips.install(control, text);
            }
        }
    }

    private static final String HOVER_TOOLTIP = "hoverTooltip";

    private static Tooltip tooltipFollowing(MenuItem item, String shortcut) {
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(Bindings.concat(item.textProperty(), shortcut));
        return tooltip;
    }

    private void showTrainedNetwork(TrainedNetwork network) {
        exportTrainedLabel.pseudoClassStateChanged(UNAVAILABLE, network == null);
        exportTrainedTooltip.setText(network == null ? exchange.noTrainedNetworkProperty().get()
                : "Write " + network.origin() + " as a DL4J model zip, with its data normaliser");
    }

    private static final javafx.css.PseudoClass UNAVAILABLE = javafx.css.PseudoClass.getPseudoClass("unavailable");

    private void attach(DesignDocument doc) {
        if (doc == null) return;
        canvas.setDocument(doc);
        // Once laid out, show the whole graph; a new document should not open scrolled off somewhere.
        Platform.runLater(canvas::fitToView);
        undoItem.textProperty().bind(Bindings.when(doc.undoLabelProperty().isEmpty()).then("Undo")
                .otherwise(Bindings.concat("Undo ", doc.undoLabelProperty())));
        redoItem.textProperty().bind(Bindings.when(doc.redoLabelProperty().isEmpty()).then("Redo")
                .otherwise(Bindings.concat("Redo ", doc.redoLabelProperty())));
        undoItem.disableProperty().bind(doc.undoLabelProperty().isEmpty());
        undoButton.disableProperty().bind(doc.undoLabelProperty().isEmpty());
        redoItem.disableProperty().bind(doc.redoLabelProperty().isEmpty());
        redoButton.disableProperty().bind(doc.redoLabelProperty().isEmpty());
        var nothingSelected = Bindings.isEmpty(doc.selection());
        for (MenuItem item : new MenuItem[] {cutItem, copyItem, duplicateItem}) item.disableProperty().bind(nothingSelected);
        var nothingToDelete = nothingSelected.and(canvas.selectedWireProperty().isNull());
        deleteItem.disableProperty().bind(nothingToDelete);
        deleteButton.disableProperty().bind(nothingToDelete);
    }

    /** True while a text field has the keyboard: then edit keys belong to the text, not to the graph. */
    private boolean typingText() {
        return canvasSlot.getScene() != null && canvasSlot.getScene().getFocusOwner() instanceof TextInputControl;
    }

    private DesignDocument document() { return workspace.document(); }

    // --- File ---
    @FXML void onNew() { files.newDocument(); }
    @FXML void onOpen() { files.open(); }
    @FXML void onOpenSample() { galleryModel.show(); }

    private void fillRecentMenu() {
        recentMenu.getItems().clear();
        if (files.recentFiles().isEmpty()) {
            MenuItem none = new MenuItem("No recent projects");
            none.setDisable(true);
            recentMenu.getItems().add(none);
            return;
        }
        for (Path file : files.recentFiles()) {
            Path dir = file.getParent();
            MenuItem item = new MenuItem(file.getFileName() + (dir == null ? "" : "   (" + dir + ")"));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> files.open(file));
            recentMenu.getItems().add(item);
        }
        MenuItem clear = new MenuItem("Clear Recent Projects");
        clear.setOnAction(e -> files.clearRecentFiles());
        recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
    }
    @FXML void onSave() { files.save(); }
    @FXML void onSaveAs() { files.saveAs(); }
    @FXML void onQuit() { quit.run(); }

    @FXML
    void onExportPng() {
        WritableImage image = canvas.snapshotDiagram();
        Path dir = document().file() == null ? null : document().file().toAbsolutePath().getParent();
        String name = MainViewModel.suggestedFileName(document()).replace(".layerlab.json", "") + ".png";
        dialogs.choosePngSaveLocation(dir, name).ifPresent(path -> {
            BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
            executor.execute(() -> {
                if (!ImageIO.write(buffered, "png", path.toFile())) throw new IllegalStateException("no PNG writer available");
                return path;
            }, written -> status.showMessage("Exported the diagram to " + written),
                    failure -> dialogs.showError("Cannot export " + path.getFileName(),
                            path + "\n\n" + MainViewModel.describe(failure)));
        });
    }

    @FXML void onExportJava() { exchange.exportJavaSource(); }
    @FXML void onExportKeras() { exchange.exportKerasScript(); }
    @FXML void onExportJson() { exchange.exportDl4jJson(); }
    @FXML void onExportSvg() { exchange.exportSvg(); }
    @FXML void onExportCard() { exchange.exportModelCard(); }
    @FXML void onExportTrained() { exchange.exportTrainedModel(); }
    @FXML void onImportKeras() { exchange.importKeras(); }
    @FXML void onOpenModel() { exchange.openModel(); }

    // --- Edit ---
    @FXML void onUndo() { if (!typingText()) document().undo(); }
    @FXML void onRedo() { if (!typingText()) document().redo(); }
    @FXML void onCut() { if (!typingText()) { canvas.copySelection(); canvas.deleteSelection(); } }
    @FXML void onCopy() { if (!typingText()) canvas.copySelection(); }
    @FXML void onPaste() { if (!typingText()) canvas.paste(); }
    @FXML void onDuplicate() { if (!typingText()) canvas.duplicateSelection(); }
    @FXML void onDelete() { if (!typingText()) canvas.deleteSelection(); }
    @FXML void onSelectAll() { if (!typingText()) canvas.selectAll(); }

    // --- View ---
    @FXML void onFit() { canvas.fitToView(); }
    @FXML void onZoomIn() { canvas.zoomIn(); }
    @FXML void onZoomOut() { canvas.zoomOut(); }
    @FXML void onResetZoom() { canvas.resetZoom(); }
    @FXML void onAutoLayout() { canvas.autoLayout(); }

    // --- Run ---
    @FXML void onTrain() { training.train(); }
    @FXML void onPauseOrResume() { training.viewModel().pauseOrResume(); }
    @FXML void onStop() { training.stop(); }
    @FXML void onExperiments() { experiments.run(); }

    /** What Run ▸ Experiments opens. */
    void setExperiments(Runnable action) { experiments = action; }

    /** Shows on the status bar how far ND4J's background load is (nothing once it is ready). */
    void showNd4jLoading(Nd4jLoading loading) {
        statusNd4j.textProperty().bind(loading.textProperty());
        statusNd4j.visibleProperty().bind(loading.textProperty().isNotEmpty());
        statusNd4j.managedProperty().bind(statusNd4j.visibleProperty());
        HoverTooltips.installWrapping(statusNd4j, loading.detailProperty(), 360);
    }

    /** Brings the training dashboard to the front, with room for its charts. */
    void showDashboard() {
        bottomTabs.getSelectionModel().select(trainingTab);
    }

    /**
     * The steps that make the dashboard ahead of its first showing, for quiet moments: built into its
     * tab (FXML and the views' own code, about 110 ms JIT-cold; the next pulse styles and lays it out,
     * about 150 and 80 ms), then painted once into an image, which runs the render thread's painting
     * code for it before the screen needs it. In the click that first showed the dashboard they held
     * the window about 450 ms before its first frame. Neither step does anything once the dashboard
     * has shown: the person got there first.
     */
    List<Runnable> dashboardAhead() {
        return List.of(this::installDashboard, () -> { if (!dashboardShown) trainingTab.getContent().snapshot(null, null); });
    }

    private void installDashboard() {
        if (trainingTab.getContent() == null) DashboardRoom.install(bottomTabs, trainingTab, training.dashboard(), centerSplit, canvasSlot);
    }

    /**
     * Where the canvas ends when the dashboard is shown: a quarter of the height for the graph (a row
     * of nodes with their live gauges), the rest for the charts and the runs. At 0.3 a 1400x900
     * window had room for one run's row and no line of "what changed".
     */
    static final double DASHBOARD_DIVIDER = 0.25;
    /** Where it ends under the summary and the problems: most of the height for the graph. */
    static final double DESIGNER_DIVIDER = 0.72;
    private double dashboardDivider = DASHBOARD_DIVIDER;
    private double designerDivider = DESIGNER_DIVIDER;
    private LayoutMemory layoutMemory;
    private boolean switchingDivider;
    private boolean dashboardShown;

    /**
     * The canvas and the bottom tabs share the height one way for the dashboard (charts need room)
     * and another for the summary and the problems (the graph does); each way is kept as the person
     * drags it. After a switch the canvas fits the graph to its new size, once that size is laid out.
     */
    private void followBottomTab() {
        bottomTabs.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            boolean dashboard = is == trainingTab;
            // Built when first shown (unless built ahead): the window opens sooner without them.
            if (dashboard) {
                installDashboard();
                dashboardShown = true;
            }
            if (is == problemsTab && problemsTab.getContent() == null) problemsTab.setContent(problems.get());
            if (dashboard == (was == trainingTab) || !canvasPanel.isShown()) return;
            double target = dashboard ? dashboardDivider : designerDivider;
            if (Math.abs(centerSplit.getDividerPositions()[0] - target) >= 0.01) {
                switchingDivider = true;
                centerSplit.setDividerPositions(target);
                switchingDivider = false;
            }
            // Even where the divider is there already: a dashboard built ahead may have moved it for
            // room as its tab was selected (its listener runs before this one), and the canvas changed height all the same.
            fitGraphOnceLaidOut();
        });
        centerSplit.getDividers().get(0).positionProperty().addListener((obs, was, is) -> {
            if (switchingDivider || !canvasPanel.isShown()) return;
            if (bottomTabs.getSelectionModel().getSelectedItem() == trainingTab) {
                dashboardDivider = is.doubleValue();
                if (layoutMemory != null) layoutMemory.putNumber("dashboardDivider", dashboardDivider);
            } else {
                designerDivider = is.doubleValue();
                if (layoutMemory != null) layoutMemory.putNumber("designerDivider", designerDivider);
            }
        });
    }

    private EdgePanel palettePanel;
    private EdgePanel inspectorPanel;
    /** The canvas, folded away while the bottom tabs are maximised. */
    private EdgePanel canvasPanel;

    /**
     * The layers palette and the inspector can be hidden, and the bottom tabs can take the canvas's
     * height too, for a small screen (View menu; a double-click on the tabs' header maximises them as
     * in other editors). Each comes back at the size it had.
     */
    private void foldablePanels() {
        palettePanel = new EdgePanel(mainSplit, 0, paletteSlot, true);
        inspectorPanel = new EdgePanel(mainSplit, 1, inspectorSlot, false);
        canvasPanel = new EdgePanel(centerSplit, 0, canvasSlot, true);
        canvasPanel.setUnfoldPosition(() -> bottomTabs.getSelectionModel().getSelectedItem() == trainingTab ? dashboardDivider : designerDivider);
        paletteItem.selectedProperty().bindBidirectional(palettePanel.shownProperty());
        inspectorItem.selectedProperty().bindBidirectional(inspectorPanel.shownProperty());
        maximizeBottomItem.selectedProperty().addListener((obs, was, is) -> canvasPanel.shownProperty().set(!is));
        canvasPanel.shownProperty().addListener((obs, was, is) -> maximizeBottomItem.setSelected(!is));
        // The canvas changed size: the graph is fitted to it again, once that size is laid out.
        for (EdgePanel panel : List.of(palettePanel, inspectorPanel, canvasPanel)) {
            panel.shownProperty().addListener((obs, was, is) -> {
                if (!canvasPanel.isShown()) return;
                fitGraphOnceLaidOut();
            });
        }
        TabHeaderDoubleClick.install(bottomTabs, this::toggleMaximizedBottom);
    }

    /** The canvas changed size: lays the panels out now and fits the graph to the canvas's new size. */
    private void fitGraphOnceLaidOut() {
        mainSplit.applyCss();
        mainSplit.layout();
        canvas.fitToView();
    }

    /** Maximises the bottom tabs over the canvas, or gives the canvas its room back. */
    private void toggleMaximizedBottom() {
        canvasPanel.shownProperty().set(!canvasPanel.isShown());
    }

    /** Restores the splitters from {@code memory} and keeps them there from now on. */
    void rememberLayoutIn(LayoutMemory memory) {
        dashboardDivider = clampDivider(memory.number("dashboardDivider", DASHBOARD_DIVIDER));
        designerDivider = clampDivider(memory.number("designerDivider", DESIGNER_DIVIDER));
        switchingDivider = true;
        centerSplit.setDividerPositions(bottomTabs.getSelectionModel().getSelectedItem() == trainingTab ? dashboardDivider : designerDivider);
        switchingDivider = false;
        palettePanel.rememberIn(memory, "sides0");
        inspectorPanel.rememberIn(memory, "sides1");
        layoutMemory = memory;
    }

    /** A remembered divider still leaves the canvas and the tabs some room. */
    private static double clampDivider(double position) {
        return Math.max(0.15, Math.min(0.9, position));
    }

    /** Brings the problems list to the front. */
    void showProblems() { bottomTabs.getSelectionModel().select(problemsTab); }

    // --- Help ---
    @FXML
    void onShortcuts() {
        dialogs.showInformation("Keyboard shortcuts", String.join("\n",
                "Ctrl+N  New project", "Ctrl+O  Open", "Ctrl+S  Save", "Ctrl+Shift+S  Save as",
                "Ctrl+Z  Undo", "Ctrl+Y or Ctrl+Shift+Z  Redo",
                "Ctrl+X / Ctrl+C / Ctrl+V  Cut, copy, paste nodes", "Ctrl+D  Duplicate", "Delete  Delete the selection",
                "Delete (in the runs table)  Delete the selected runs",
                "Ctrl+A  Select all", "Arrow keys  Nudge the selection (Shift: further)",
                "Ctrl+B / Ctrl+Alt+B  Show or hide the layers panel / the inspector",
                "Ctrl+M or double-click a bottom tab  Maximize the bottom panel (again: restore)",
                "Ctrl+0  Fit to window", "Ctrl+= / Ctrl+-  Zoom in / out", "Ctrl+1  Actual size", "Ctrl+L  Auto layout",
                "F5  Train", "F6  Pause or resume training", "Shift+F5  Stop training", "Ctrl+E  Experiments (sweeps, learning-rate range test)",
                "Double-click a palette entry  Add it at the centre of the canvas"));
    }

    @FXML
    void onAbout() {
        dialogs.showInformation("About LayerLab", "LayerLab: design neural networks by drawing them, "
                + "check every tensor shape as you go, and train them with Deeplearning4j.\n\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.runtime.version", "?"));
    }
}
