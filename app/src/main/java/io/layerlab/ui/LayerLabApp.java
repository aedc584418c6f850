package io.layerlab.ui;

import io.layerlab.project.RecentFiles;
import io.layerlab.project.RecoveryStore;
import io.layerlab.project.SampleProjects;
import io.layerlab.shape.ShapeInference;
import io.layerlab.ui.shell.DesignerServices;
import io.layerlab.ui.shell.MainWindow;
import io.layerlab.ui.shell.WindowPlacement;
import io.layerlab.ui.support.FxDialogService;
import io.layerlab.ui.support.FxTaskExecutor;
import io.layerlab.ui.support.Theme;
import io.layerlab.ui.training.LayoutMemory;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The designer as a JavaFX application: real dialogs, a background executor, the person's own folders. */
public final class LayerLabApp extends Application {
    /** How often unsaved work is copied to the recovery folder. */
    public static final Duration AUTOSAVE_INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(LayerLabApp.class);

    /**
     * Shows the window at once, saying that the designer opens, and builds the designer in the next
     * turn of the JavaFX thread, once that frame is on its way to the screen: building and styling
     * the designer takes the JavaFX thread a second or more of CPU on a small machine (most of it the
     * first run of code the JIT has not compiled yet), and the person should see the application
     * respond to the launch long before that.
     */
    @Override
    public void start(Stage stage) {
        StartupTiming.mark("JavaFX started");
        StartupTiming.watch(stage);
        Theme theme = new Theme(Preferences.userNodeForPackage(LayerLabApp.class));
        theme.apply();
        OpeningScene opening = new OpeningScene();
        stage.setTitle("LayerLab");
        WindowPlacement.place(stage, new LayoutMemory(Preferences.userNodeForPackage(LayerLabApp.class).node("layout")).child("window"));
        stage.setScene(opening.scene());
        stage.show();
        opening.afterItsFirstFrame(() -> openDesigner(stage, theme, opening));
    }

    private static void openDesigner(Stage stage, Theme theme, OpeningScene opening) {
        try {
            DesignerServices services = new DesignerServices(new FxDialogService(() -> stage), new FxTaskExecutor(),
                    ShapeInference::infer, theme, RecentFiles.inUserHome(),
                    RecoveryStore.inUserHome(), new SampleProjects(), AUTOSAVE_INTERVAL, trainingThreads());
            StartupTiming.mark("services ready");
            MainWindow window = new MainWindow(stage, services);
            StartupTiming.mark("window built");
            window.rememberLayoutIn(Preferences.userNodeForPackage(LayerLabApp.class).node("layout"));
            window.show();
            StartupTiming.designerShown();
            window.loadNd4jInBackground();
            window.buildAheadWhenIdle();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("The designer could not open", e);
            opening.failed(e);
        }
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
