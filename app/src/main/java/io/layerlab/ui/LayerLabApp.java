package io.layerlab.ui;

import io.layerlab.project.RecentFiles;
import io.layerlab.project.RecoveryStore;
import io.layerlab.project.SampleProjects;
import io.layerlab.shape.ShapeInference;
import io.layerlab.ui.shell.DesignerServices;
import io.layerlab.ui.shell.MainWindow;
import io.layerlab.ui.support.FxDialogService;
import io.layerlab.ui.support.FxTaskExecutor;
import io.layerlab.ui.support.Theme;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;

/** The designer as a JavaFX application: real dialogs, a background executor, the person's own folders. */
public final class LayerLabApp extends Application {
    /** How often unsaved work is copied to the recovery folder. */
    public static final Duration AUTOSAVE_INTERVAL = Duration.ofSeconds(30);

    @Override
    public void start(Stage stage) {
        StartupTiming.mark("JavaFX started");
        StartupTiming.watch(stage);
        Theme theme = new Theme(Preferences.userNodeForPackage(LayerLabApp.class));
        theme.apply();
        DesignerServices services = new DesignerServices(new FxDialogService(() -> stage), new FxTaskExecutor(),
                ShapeInference::infer, theme, RecentFiles.inUserHome(),
                RecoveryStore.inUserHome(), new SampleProjects(), AUTOSAVE_INTERVAL, trainingThreads());
        StartupTiming.mark("services ready");
        MainWindow window = new MainWindow(stage, services);
        StartupTiming.mark("window built");
        window.rememberLayoutIn(Preferences.userNodeForPackage(LayerLabApp.class).node("layout"));
        stage.setWidth(1400);
        stage.setHeight(900);
        window.show();
    }

    /** Daemon threads for training runs, so closing the window ends the application even mid-run. */
    private static Executor trainingThreads() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "layerlab-training-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
