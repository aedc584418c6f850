package io.layerlab.ui.shell;

import io.layerlab.ui.inspector.InspectorView;
import io.layerlab.ui.inspector.InspectorViewModel;
import io.layerlab.ui.model.Workspace;
import io.layerlab.ui.palette.PaletteView;
import io.layerlab.ui.palette.PaletteViewModel;
import io.layerlab.ui.problems.ProblemsView;
import io.layerlab.ui.problems.ProblemsViewModel;
import io.layerlab.ui.summary.SummaryView;
import io.layerlab.ui.summary.SummaryViewModel;
import io.layerlab.ui.support.FxmlView;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Builds the designer window: one view model per panel around a shared {@link Workspace},
 * the FXML views, the scene with its stylesheet and the extra keyboard shortcuts.
 */
public final class MainWindow {
    private static final double NUDGE = 10;
    private static final double NUDGE_FAR = 50;

    private final Stage stage;
    private final DesignerServices services;
    private final Workspace workspace = new Workspace();
    private final StatusViewModel status = new StatusViewModel(workspace);
    private final MainViewModel files;
    private final CanvasCommands canvas = createCanvas();
    private final Scene scene;

    public MainWindow(Stage stage, DesignerServices services) {
        this.stage = stage;
        this.services = services;
        this.files = new MainViewModel(workspace, services.dialogs(), services.executor(), services.files(),
                services.analyzer(), status::showMessage);
        files.show(new io.layerlab.ui.model.DesignDocument(MainViewModel.emptyProject(), null, services.analyzer()));

        PaletteViewModel paletteModel = new PaletteViewModel(workspace, canvas::placementPoint);
        InspectorViewModel inspectorModel = new InspectorViewModel(workspace);
        SummaryViewModel summaryModel = new SummaryViewModel(workspace);
        ProblemsViewModel problemsModel = new ProblemsViewModel(workspace);
        MainWindowView.Panels panels = new MainWindowView.Panels(
                FxmlView.load("palette.fxml", new PaletteView(paletteModel)),
                FxmlView.load("inspector.fxml", new InspectorView(inspectorModel)),
                FxmlView.load("summary.fxml", new SummaryView(summaryModel)),
                FxmlView.load("problems.fxml", new ProblemsView(problemsModel)),
                Bindings.createStringBinding(() -> {
                    int n = problemsModel.errorCountProperty().get() + problemsModel.warningCountProperty().get();
                    return n == 0 ? "Problems" : "Problems (" + n + ")";
                }, problemsModel.errorCountProperty(), problemsModel.warningCountProperty()));
        Parent root = FxmlView.load("main-window.fxml", new MainWindowView(workspace, files, status, canvas,
                services.theme(), services.dialogs(), services.executor(), panels, this::quit));

        scene = new Scene(root);
        scene.getStylesheets().add(FxmlView.stylesheet("app.css"));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> workspace.document().redo());
        canvas.view().addEventHandler(KeyEvent.KEY_PRESSED, this::nudge);
        stage.setScene(scene);
        stage.titleProperty().bind(files.titleProperty());
        stage.setOnCloseRequest(e -> { e.consume(); quit(); });
    }

    /** The canvas slot's content; the graph canvas, once merged, is created here. */
    private static CanvasCommands createCanvas() {
        return new PlaceholderCanvas();
    }

    private void nudge(KeyEvent e) {
        double step = e.isShiftDown() ? NUDGE_FAR : NUDGE;
        switch (e.getCode()) {
            case LEFT -> canvas.nudgeSelection(-step, 0);
            case RIGHT -> canvas.nudgeSelection(step, 0);
            case UP -> canvas.nudgeSelection(0, -step);
            case DOWN -> canvas.nudgeSelection(0, step);
            default -> { return; }
        }
        e.consume();
    }

    /** Closes the window once unsaved changes are safe (saved, discarded), unless the person cancels. */
    public void quit() {
        files.whenChangesAreSafe("quitting", () -> {
            services.executor().shutdown();
            stage.close();
        });
    }

    public void show() { stage.show(); }

    public Workspace workspace() { return workspace; }

    public MainViewModel files() { return files; }

    public Scene scene() { return scene; }
}
