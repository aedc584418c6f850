package io.layerlab.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/**
 * A model restored from a DL4J model zip: the network with its weights, the data normaliser that
 * must be applied to raw inputs (absent when the zip has none), and LayerLab's description of the
 * model (absent in a zip written by another program).
 */
public final class TrainedModel {
    private final Path file;
    private final ComputationGraph network;
    private final DataNormalization normalizer;
    private final ModelInfo info;

    public TrainedModel(Path file, ComputationGraph network, DataNormalization normalizer, ModelInfo info) {
        this.file = Objects.requireNonNull(file);
        this.network = Objects.requireNonNull(network);
        this.normalizer = normalizer;
        this.info = info;
    }

    public Path file() { return file; }

    public ComputationGraph network() { return network; }

    public Optional<DataNormalization> normalizer() { return Optional.ofNullable(normalizer); }

    public Optional<ModelInfo> info() { return Optional.ofNullable(info); }
}
