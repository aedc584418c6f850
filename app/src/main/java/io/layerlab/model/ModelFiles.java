package io.layerlab.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerlab.nd4j.Nd4jFixes;
import io.layerlab.shape.ShapeInference;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;

/**
 * Loads DL4J model zips safely. The archive is checked first ({@link ZipInspection}: zip-slip
 * names, entry count, declared and actually inflated sizes, checksums, truncation), then the
 * network is restored with {@code ModelSerializer} exactly as a plain DL4J program would, with
 * its normaliser and LayerLab's {@link ModelInfo} when present. Nothing is written: a failure
 * leaves no file behind.
 *
 * <p>A zip holding a {@code MultiLayerNetwork} is restored too and converted to the equivalent
 * {@link ComputationGraph}, so every DL4J model can be used the same way.
 */
public final class ModelFiles {
    /**
     * How much an archive may hold: entries, and bytes once inflated (declared and actual).
     * The default allows the largest model LayerLab builds, weights and optimiser state.
     */
    public record Limits(int maxEntries, long maxTotalBytes) {
        public static final Limits DEFAULT = new Limits(64, ShapeInference.MEMORY_LIMIT_BYTES);

        public Limits {
            if (maxEntries < 1 || maxTotalBytes < 1) throw new IllegalArgumentException("limits must be positive");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFiles() { }

    /** Loads {@code zip} within the {@linkplain Limits#DEFAULT default limits}. */
    public static TrainedModel load(Path zip) throws ModelFileException {
        return load(zip, Limits.DEFAULT);
    }

    /** @throws ModelFileException naming the file and what is wrong, for any file that is not a usable DL4J model */
    public static TrainedModel load(Path zip, Limits limits) throws ModelFileException {
        ZipInspection.Contents contents = ZipInspection.inspect(zip, limits,
                Set.of(ModelSerializer.CONFIGURATION_JSON, ModelInfo.ENTRY));
        if (!contents.has(ModelSerializer.CONFIGURATION_JSON)) {
            throw new ModelFileException(zip, "is not a DL4J model: it has no " + ModelSerializer.CONFIGURATION_JSON + " entry");
        }
        if (!contents.has(ModelSerializer.COEFFICIENTS_BIN) && !contents.has(ModelSerializer.NO_PARAMS_MARKER)) {
            throw new ModelFileException(zip, "is not a DL4J model: it has no " + ModelSerializer.COEFFICIENTS_BIN + " entry (the weights)");
        }
        boolean multiLayer = isMultiLayer(zip, contents.content(ModelSerializer.CONFIGURATION_JSON));
        Nd4jFixes.install();
        ModelInfo info = info(zip, contents.content(ModelInfo.ENTRY));
        ComputationGraph network = restoreNetwork(zip, multiLayer);
        DataNormalization normalizer = contents.has(ModelSerializer.NORMALIZER_BIN) ? restoreNormalizer(zip) : null;
        return new TrainedModel(zip, network, normalizer, info);
    }

    /**
     * Writes {@code network} as a DL4J model zip with its updater state, the normaliser (when not
     * null) and LayerLab's description, to a temporary file in the same folder that is then renamed
     * over {@code zip}: a failure leaves no partial file and the old one, if any, untouched.
     */
    public static void save(ComputationGraph network, DataNormalization normalizer, ModelInfo info, Path zip) throws IOException {
        save(network, normalizer, info, zip, true);
    }

    /**
     * As {@link #save(ComputationGraph, DataNormalization, ModelInfo, Path)}; without the updater
     * state when {@code withUpdater} is false (a third of the size under Adam: enough to predict,
     * export and fine-tune, whose optimiser starts afresh).
     */
    public static void save(ComputationGraph network, DataNormalization normalizer, ModelInfo info, Path zip,
                            boolean withUpdater) throws IOException {
        Path dir = zip.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its file is readable by its owner only, and the model would stay so.
        Path tmp = dir.resolve("." + zip.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            ModelSerializer.writeModel(network, tmp.toFile(), withUpdater);
            // writeModel(model, file, true, normalizer) fails ("stream is closed") with the commons-io DL4J ships.
            if (normalizer != null) ModelSerializer.addNormalizerToModel(tmp.toFile(), normalizer);
            if (info != null) info.addTo(tmp);
            try {
                Files.move(tmp, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A ComputationGraph configuration has "vertices"; a MultiLayerNetwork's has "confs". */
    private static boolean isMultiLayer(Path zip, byte[] configuration) throws ModelFileException {
        JsonNode root;
        try {
            root = JSON.readTree(configuration);
        } catch (IOException e) {
            throw new ModelFileException(zip, "entry " + ModelSerializer.CONFIGURATION_JSON + " is not valid JSON: "
                    + firstLine(e.getMessage()), e);
        }
        if (root != null && root.has("vertices")) return false;
        if (root != null && root.has("confs")) return true;
        throw new ModelFileException(zip, "entry " + ModelSerializer.CONFIGURATION_JSON
                + " is not a DL4J network configuration (it has neither \"vertices\" nor \"confs\")");
    }

    private static ModelInfo info(Path zip, byte[] json) throws ModelFileException {
        if (json == null) return null;
        try {
            return ModelInfo.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(zip, "entry " + ModelInfo.ENTRY + " " + e.getMessage(), e);
        }
    }

    private static ComputationGraph restoreNetwork(Path zip, boolean multiLayer) throws ModelFileException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(zip))) {
            if (multiLayer) {
                MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(in, true);
                return network.toComputationGraph();
            }
            return ModelSerializer.restoreComputationGraph(in, true);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(zip, "could not be restored as a DL4J network: " + rootMessage(e), e);
        }
    }

    private static DataNormalization restoreNormalizer(Path zip) throws ModelFileException {
        Normalizer<?> normalizer;
        // From a stream, not restoreNormalizerFromFile: on a failure that one retries an old format and rewrites the file.
        try (InputStream in = new BufferedInputStream(Files.newInputStream(zip))) {
            normalizer = ModelSerializer.restoreNormalizerFromInputStream(in);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(zip, "entry " + ModelSerializer.NORMALIZER_BIN + " could not be restored: " + rootMessage(e), e);
        }
        if (normalizer instanceof DataNormalization data) return data;
        throw new ModelFileException(zip, "holds a " + normalizer.getClass().getSimpleName()
                + " normaliser; LayerLab applies normalisers of a single input only");
    }

    /** The innermost cause's message: DL4J wraps its real reason in layers of generic ones. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        String message = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) message = t.getMessage();
            t = t.getCause() == t ? null : t.getCause();
        }
        return message == null ? e.getClass().getSimpleName() : firstLine(message);
    }

    private static String firstLine(String s) {
        int newline = s.indexOf('\n');
        return newline < 0 ? s : s.substring(0, newline);
    }
}
