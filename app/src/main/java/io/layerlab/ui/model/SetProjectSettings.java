package io.layerlab.ui.model;

import io.layerlab.data.DataSpec;
import io.layerlab.graph.Edit;
import io.layerlab.graph.Graph;
import io.layerlab.project.Project;
import io.layerlab.train.TrainingSpec;
import java.util.Objects;

/**
 * Changes the project's data or training settings as an undoable edit, so they share undo,
 * redo and the unsaved-changes flag with the graph edits.
 */
public final class SetProjectSettings implements Edit {
    private final Project project;
    private final DataSpec data;
    private final TrainingSpec training;
    private final String description;
    private DataSpec previousData;
    private TrainingSpec previousTraining;

    public SetProjectSettings(Project project, DataSpec data, TrainingSpec training, String description) {
        this.project = Objects.requireNonNull(project);
        this.data = Objects.requireNonNull(data);
        this.training = Objects.requireNonNull(training);
        this.description = Objects.requireNonNull(description);
    }

    @Override public void apply(Graph graph) {
        previousData = project.data();
        previousTraining = project.training();
        project.setData(data);
        project.setTraining(training);
    }

    @Override public void revert(Graph graph) {
        project.setData(previousData);
        project.setTraining(previousTraining);
    }

    @Override public String description() { return description; }
}
