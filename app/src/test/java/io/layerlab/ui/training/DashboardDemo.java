package io.layerlab.ui.training;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Opens the training dashboard alone on a sample project and starts training: for looking at it
 * and taking screenshots. Arguments: [sample name, default spiral] [dark] [layers: show the layer statistics] [epochs=N]
 * [compare: then train again at learning rate 0.003, overlaid].
 */
public final class DashboardDemo {
    private DashboardDemo() {
    }

    /** A main class that is not an Application, so JavaFX starts from the class path. */
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
    private final ExecutorService worker = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "dashboard-demo-worker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void start(Stage stage) {
        var args = getParameters().getRaw();
        String sample = args.isEmpty() ? "spiral" : args.get(0);
        boolean dark = args.contains("dark");
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        SampleProjects samples = new SampleProjects();
        Project project = samples.open(samples.find(sample).orElseThrow(() -> new IllegalArgumentException("no sample " + sample)));
        args.stream().filter(a -> a.startsWith("epochs=")).findFirst().ifPresent(a ->
                project.setTraining(project.training().withEpochs(Integer.parseInt(a.substring("epochs=".length())))));
        TrainingDashboard dashboard = new TrainingDashboard(worker);
        stage.setScene(new Scene(dashboard, 1600, 1000));
        stage.setTitle("LayerLab · training · " + project.name());
        stage.show();
        if (args.contains("layers")) {
            ((javafx.scene.control.TabPane) dashboard.lookup("#bottomTabs")).getSelectionModel().select(1);
        }
        dashboard.start(project);
        if (args.contains("compare")) {
            // The "done when" story: a second run with another learning rate, overlaid on the first.
            dashboard.phaseProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends RunPhase> obs, RunPhase was, RunPhase is) {
                    if (is == RunPhase.IDLE) {
                        obs.removeListener(this);
                        dashboard.viewModel().settings().learningRateProperty().set("0.003");
                        dashboard.viewModel().start();
                    }
                }
            });
        }
    }

    @Override
    public void stop() {
        worker.shutdownNow();
    }
}
}
