package io.layerlab.ui.shell;

import io.layerlab.project.RecentFiles;
import io.layerlab.project.RecoveryStore;
import io.layerlab.project.SampleProjects;
import io.layerlab.ui.TestDocuments;
import io.layerlab.ui.support.DirectTaskExecutor;
import io.layerlab.ui.support.FakeDialogService;
import io.layerlab.ui.support.Theme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * A designer window's surroundings for tests: scripted dialogs, work done at once, recent files
 * and recovery copies in a temporary folder, no autosave timer.
 */
final class DesignerFixture implements AutoCloseable {
    final FakeDialogService dialogs = new FakeDialogService();
    final Path folder;
    final RecoveryStore recovery;
    /** Real threads: the dashboard trains in the background and tests wait for what they expect. */
    final ExecutorService training = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-training");
        t.setDaemon(true);
        return t;
    });

    DesignerFixture() {
        try {
            folder = Files.createTempDirectory("layerlab-ui-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        recovery = new RecoveryStore(folder.resolve("recovery"));
    }

    DesignerServices services() {
        Theme theme = new Theme(null);
        theme.apply();
        return new DesignerServices(dialogs, new DirectTaskExecutor(), TestDocuments.analyzer(), theme,
                new RecentFiles(folder.resolve("recent.json")), recovery, new SampleProjects(), Duration.ZERO, training);
    }

    Path file(String name) { return folder.resolve(name); }

    /**
     * A designer window on {@code stage} (1250x780, smaller than the usual size) that remembers its
     * layout in {@code preferences}, shown: what a person gets at a start. Call on the JavaFX thread.
     */
    MainWindow windowRemembering(Stage stage, java.util.prefs.Preferences preferences) {
        MainWindow window = new MainWindow(stage, services());
        stage.setWidth(1250);
        stage.setHeight(780);
        window.rememberLayoutIn(preferences);
        window.show();
        return window;
    }

    @Override
    public void close() throws IOException {
        training.shutdownNow();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
