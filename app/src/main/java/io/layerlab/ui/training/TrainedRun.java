package io.layerlab.ui.training;

import io.layerlab.model.ModelFiles;
import io.layerlab.model.ModelInfo;
import io.layerlab.project.Project;
import io.layerlab.train.RunRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/**
 * A run trained in this session whose network is still held: the network with the best epoch's
 * weights restored (the trainer does that at the end of every run), the data normaliser its inputs
 * need, the description stored beside it in a model zip, the project exactly as the run trained
 * it, and the run's record. Nothing trains this network any more, so it may be saved or used for
 * predictions from any one thread at a time.
 */
public final class TrainedRun {
    private final RunRecord record;
    private final Project project;
    private final ComputationGraph network;
    private final DataNormalization normalizer;
    private final ModelInfo info;

    /**
     * @param project    the project as the run trained it (its graph, data and training settings)
     * @param normalizer null when the data needs none
     */
    public TrainedRun(RunRecord record, Project project, ComputationGraph network, DataNormalization normalizer, ModelInfo info) {
        this.record = Objects.requireNonNull(record, "record");
        this.project = Objects.requireNonNull(project, "project");
        this.network = Objects.requireNonNull(network, "network");
        this.normalizer = normalizer;
        this.info = Objects.requireNonNull(info, "info");
    }

    public RunRecord record() { return record; }

    public String name() { return record.name(); }

    public Project project() { return project; }

    public ComputationGraph network() { return network; }

    /** Null when the data needs none. */
    public DataNormalization normalizer() { return normalizer; }

    public ModelInfo info() { return info; }

    /**
     * Writes the network as a DL4J model zip with its normaliser and description, atomically (see
     * {@link ModelFiles#save}). Slow: call it off the JavaFX thread.
     */
    public void saveModel(Path zip) throws IOException {
        ModelFiles.save(network, normalizer, info, zip);
    }
}
