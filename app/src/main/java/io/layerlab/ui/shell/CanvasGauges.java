package io.layerlab.ui.shell;

import io.layerlab.graph.Graph;
import io.layerlab.project.Project;
import io.layerlab.train.LayerStats;
import io.layerlab.ui.canvas.GraphCanvas;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.Workspace;
import io.layerlab.ui.training.RunRow;
import io.layerlab.ui.training.TrainingViewModel;
import java.util.LinkedHashMap;
import java.util.Objects;
import javafx.application.Platform;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;

/**
 * Puts the training's per-layer statistics on the designer's canvas as gauges, while a
 * run trains and after it ended, for the project that was trained: a new run starts them afresh,
 * another open project shows none, and the canvas hides a node's gauges once an edit changes the
 * node. Training replaces its statistics one node at a time; they are handed to the canvas
 * once per batch of changes.
 */
final class CanvasGauges {
    private final Workspace workspace;
    private final GraphCanvas canvas;
    private final ObservableMap<String, LayerStats> statistics;
    /** The graph and project of the run the statistics come from; null before the first run. */
    private Graph measured;
    private Project measuredProject;
    private boolean refreshPosted;

    CanvasGauges(Workspace workspace, TrainingViewModel training, GraphCanvas canvas) {
        this.workspace = Objects.requireNonNull(workspace);
        this.canvas = Objects.requireNonNull(canvas);
        this.statistics = training.layerStatisticsProperty();
        training.activeRunProperty().addListener((obs, old, run) -> {
            if (run != null) started(run, training.projectProperty().get());
        });
        statistics.addListener((MapChangeListener<String, LayerStats>) change -> postRefresh());
        workspace.documentProperty().addListener((obs, old, doc) -> refresh());
    }

    private void started(RunRow run, Project project) {
        measured = run.setup().graph();
        measuredProject = project;
        refresh();
    }

    private void postRefresh() {
        if (refreshPosted) return;
        refreshPosted = true;
        Platform.runLater(() -> {
            refreshPosted = false;
            refresh();
        });
    }

    private void refresh() {
        DesignDocument doc = workspace.document();
        if (doc == null || measured == null || doc.project() != measuredProject || statistics.isEmpty()) {
            canvas.clearLayerStatistics();
        } else {
            canvas.showLayerStatistics(new LinkedHashMap<>(statistics), measured);
        }
    }
}
