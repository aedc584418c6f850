package io.layerlab.ui.training;

import io.layerlab.model.ModelFiles;
import io.layerlab.model.ModelInfo;
import io.layerlab.model.NetworkCopies;
import io.layerlab.train.RunRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/**
 * A finished run whose network is held: trained in this session (the trainer restores the best
 * epoch's weights at the end of every run) or read back from the networks saved beside the project
 * ({@link io.layerlab.train.RunNetworks}); with the data normaliser its inputs need, the description
 * stored beside it in a model zip, and the run's record. Nothing trains this network any more, so it
 * may be saved or used for predictions from any one thread at a time.
 */
public final class TrainedRun {
    private final RunRecord record;
    private final ComputationGraph network;
    private final DataNormalization normalizer;
    private final ModelInfo info;
    private final NetworkCopies copies = new NetworkCopies();

    /** @param normalizer null when the data needs none */
    public TrainedRun(RunRecord record, ComputationGraph network, DataNormalization normalizer, ModelInfo info) {
        this.record = Objects.requireNonNull(record, "record");
        this.network = Objects.requireNonNull(network, "network");
        this.normalizer = normalizer;
        this.info = Objects.requireNonNull(info, "info");
    }

    public RunRecord record() { return record; }

    public String name() { return record.name(); }

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

    /**
     * Records that {@code zip} holds this network as {@link #saveWithRun} writes it (it was read from
     * there, or it was saved there), so that saving it elsewhere may link to it.
     */
    public TrainedRun withCopyAt(Path zip) {
        copies.remember(zip);
        return this;
    }

    /**
     * As {@link #saveModel}, without the optimiser's state: what is kept beside the project with the
     * run. Where a file it was saved to or read from is still as it was, a hard link to it is made
     * instead ({@link NetworkCopies}): the network never changes, and saves of a project with many
     * runs would otherwise write every network again.
     */
    public void saveWithRun(Path zip) throws IOException {
        if (!copies.linkTo(zip)) {
            ModelFiles.save(network, normalizer, info, zip, false);
            copies.remember(zip);
        }
    }
}
