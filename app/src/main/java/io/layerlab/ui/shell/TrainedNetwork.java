package io.layerlab.ui.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A network with weights that "Export Trained Model…" can write as a DL4J model zip, such as the
 * weights of an imported Keras model.
 *
 * @param origin what the weights come from, for messages ("the weights imported from model.h5")
 * @param writer writes the zip (on a worker thread)
 */
public record TrainedNetwork(String origin, Writer writer) {
    /** Writes a DL4J model zip atomically. */
    @FunctionalInterface
    public interface Writer {
        void write(Path zip) throws IOException;
    }

    public TrainedNetwork {
        Objects.requireNonNull(origin);
        Objects.requireNonNull(writer);
    }
}
