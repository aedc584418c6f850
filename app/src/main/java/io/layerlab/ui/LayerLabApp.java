package io.layerlab.ui;

import io.layerlab.shape.ShapeReport;
import io.layerlab.ui.shell.DesignerServices;
import io.layerlab.ui.shell.MainWindow;
import io.layerlab.ui.shell.ProjectFiles;
import io.layerlab.ui.support.FxDialogService;
import io.layerlab.ui.support.FxTaskExecutor;
import io.layerlab.ui.support.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;

/** The designer as a JavaFX application: real dialogs, a background executor, the person's settings. */
public final class LayerLabApp extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        Theme theme = new Theme(Preferences.userNodeForPackage(LayerLabApp.class));
        theme.apply();
        ProjectFiles files = new ProjectFiles() {
            @Override public io.layerlab.project.Project read(Path file) { throw new UnsupportedOperationException("reading projects"); }
            @Override public void write(io.layerlab.project.Project project, Path file) { throw new UnsupportedOperationException("writing projects"); }
        };
        DesignerServices services = new DesignerServices(new FxDialogService(() -> stage), new FxTaskExecutor(),
                g -> new ShapeReport(Map.of(), List.of(), List.of()), files, theme);
        window = new MainWindow(stage, services);
        stage.setWidth(1400);
        stage.setHeight(900);
        window.show();
    }
}
