package io.layerlab.ui.shell;

import atlantafx.base.theme.PrimerLight;
import io.layerlab.data.DataSpec;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.project.Project;
import io.layerlab.project.RecentFiles;
import io.layerlab.project.RecoveryStore;
import io.layerlab.project.SampleProjects;
import io.layerlab.shape.ShapeInference;
import io.layerlab.train.TrainingSpec;
import io.layerlab.ui.support.FxDialogService;
import io.layerlab.ui.support.FxTaskExecutor;
import io.layerlab.ui.support.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The designer in a given state for the README's screenshots (run under Xvfb, then capture the
 * screen): {@code designer} (a CNN open), {@code dashboard} (spiral training), {@code experiments}
 * (a sweep on spiral). Uses temporary folders, never the person's own.
 */
public final class ScreenshotDemo {
    private ScreenshotDemo() { }

    public static void main(String[] args) { Application.launch(App.class, args); }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            String mode = getParameters().getRaw().isEmpty() ? "designer" : getParameters().getRaw().get(0);
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Path folder = Files.createTempDirectory("layerlab-screens");
            DesignerServices services = new DesignerServices(new FxDialogService(() -> stage), new FxTaskExecutor(),
                    ShapeInference::infer, new Theme(null), new RecentFiles(folder.resolve("recent.json")),
                    new RecoveryStore(folder.resolve("recovery")), new SampleProjects(), Duration.ZERO,
                    Executors.newCachedThreadPool(r -> { Thread t = new Thread(r); t.setDaemon(true); return t; }));
            MainWindow window = new MainWindow(stage, services);
            stage.setX(0);
            stage.setY(0);
            // -Dshot.width / -Dshot.height: the window size to look at (the display must be at least as large).
            stage.setWidth(Integer.getInteger("shot.width", 1600));
            stage.setHeight(Integer.getInteger("shot.height", 1000));
            window.show();
            SampleProjects samples = new SampleProjects();
            Project spiral = samples.open(samples.find("spiral").orElseThrow());
            switch (mode) {
                case "designer" -> {
                    window.files().openAsUntitled(cnn(), "Opened the CNN");
                    later(1.0, () -> {
                        window.gallery().close();
                        window.canvas().fitToView();
                        window.workspace().document().selection().add("conv2");
                    });
                }
                case "dashboard" -> {
                    // The spiral trained, then again at a higher learning rate, both runs selected: overlaid, with what changed.
                    window.files().openAsUntitled(spiral, "Opened spiral");
                    int[] ended = {0};
                    window.training().runningProperty().addListener((obs, was, running) -> {
                        if (running) return;
                        if (++ended[0] == 1) {
                            later(0.5, () -> {
                                ((TextField) window.scene().lookup("#learningRateField")).setText("0.05");
                                window.training().train();
                            });
                        } else {
                            var model = window.training().viewModel();
                            later(0.5, () -> model.selection().setAll(model.runs()));
                        }
                    });
                    later(1.0, () -> {
                        window.gallery().close();
                        window.training().train();
                    });
                }
                case "experiments" -> {
                    window.files().openAsUntitled(spiral, "Opened spiral");
                    later(1.0, () -> {
                        window.gallery().close();
                        ((Button) window.scene().lookup("#experimentsButton")).fire();
                        Window experiments = Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
                        experiments.setX(0);
                        experiments.setY(0);
                        experiments.setWidth(1600);
                        experiments.setHeight(1000);
                        ((TextField) experiments.getScene().lookup("#learningRatesField")).setText("0.001, 0.01, 0.1, 1");
                        ((TextField) experiments.getScene().lookup("#batchSizesField")).setText("16, 64");
                        ((TextField) experiments.getScene().lookup("#targetLossField")).setText("0.05");
                        ((Button) experiments.getScene().lookup("#runSweepButton")).fire();
                    });
                }
                case "sweep-dashboard" -> {
                    window.files().openAsUntitled(spiral, "Opened spiral");
                    later(1.0, () -> {
                        window.gallery().close();
                        ((Button) window.scene().lookup("#experimentsButton")).fire();
                        Window experiments = Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
                        ((TextField) experiments.getScene().lookup("#learningRatesField")).setText("0.003, 0.03");
                        ((TextField) experiments.getScene().lookup("#batchSizesField")).setText("32");
                        ((javafx.scene.control.Spinner<?>) experiments.getScene().lookup("#sweepEpochsSpinner")).getEditor().setText("6");
                        ((javafx.scene.control.Spinner<?>) experiments.getScene().lookup("#sweepEpochsSpinner")).commitValue();
                        ((Button) experiments.getScene().lookup("#runSweepButton")).fire();
                        @SuppressWarnings("unchecked")
                        javafx.scene.control.TableView<io.layerlab.train.sweep.SweepRun> table =
                                (javafx.scene.control.TableView<io.layerlab.train.sweep.SweepRun>) experiments.getScene().lookup("#sweepResults");
                        table.getItems().addListener((javafx.collections.ListChangeListener<io.layerlab.train.sweep.SweepRun>) c -> {
                            if (table.getItems().size() == 2) {
                                for (var run : List.copyOf(table.getItems())) {
                                    table.getSelectionModel().select(run);
                                    ((Button) experiments.getScene().lookup("#openInDashboardButton")).fire();
                                }
                                var model = window.training().viewModel();
                                model.selection().setAll(model.runs());
                            }
                        });
                    });
                }
                case "try-model" -> {
                    // -Dshot.model=MODEL.zip: a trained model zip to try (a picture model shows the drawing pad).
                    Path zip = Path.of(System.getProperty("shot.model"));
                    later(1.0, () -> {
                        window.gallery().close();
                        try {
                            io.layerlab.ui.trymodel.TryModelView.open(new io.layerlab.ui.trymodel.TryModelViewModel(
                                            io.layerlab.model.Predictor.of(io.layerlab.model.ModelFiles.load(zip)), services.executor()),
                                    services.dialogs(), stage, io.layerlab.ui.support.FxmlView.stylesheet("app.css"));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                default -> throw new IllegalArgumentException("mode: designer, dashboard, experiments, sweep-dashboard or try-model");
            }
        }

        private static void later(double seconds, Runnable action) {
            PauseTransition pause = new PauseTransition(javafx.util.Duration.seconds(seconds));
            pause.setOnFinished(e -> action.run());
            pause.play();
        }
    }

    /** A small image classifier: two convolution blocks, a dense head. */
    static Project cnn() {
        List<Node> nodes = List.of(
                new Node("in", "Input", 40, 60, Map.of("shape", List.of(28, 28, 1))),
                new Node("conv1", "Conv2D", 300, 60, Map.of("filters", 16, "kernel", List.of(3, 3), "padding", "same", "activation", "relu")),
                new Node("pool1", "MaxPooling2D", 560, 60, Map.of()),
                new Node("conv2", "Conv2D", 820, 60, Map.of("filters", 32, "kernel", List.of(3, 3), "padding", "same", "activation", "relu")),
                new Node("pool2", "MaxPooling2D", 820, 240, Map.of()),
                new Node("flatten1", "Flatten", 560, 240, Map.of()),
                new Node("dense1", "Dense", 300, 240, Map.of("units", 64, "activation", "relu")),
                new Node("dropout1", "Dropout", 300, 400, Map.of("rate", 0.5)),
                new Node("out", "Output", 560, 400, Map.of("units", 10, "activation", "softmax", "loss", "mcxent")));
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) edges.add(new Edge(nodes.get(i - 1).id(), nodes.get(i).id()));
        return new Project("Digits CNN", "Two convolution blocks and a dense head for 28×28 grey images.", Graph.of(nodes, edges),
                new DataSpec("xor", Map.of(), 0.2, 7), TrainingSpec.defaults());
    }
}
