package io.layerlab.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.model.ModelFileException;
import io.layerlab.nd4j.Nd4jFixes;
import io.layerlab.project.Project;
import io.layerlab.project.ProjectDefaults;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.ShapeInference;
import io.layerlab.shape.ShapeReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.config.KerasModelConfiguration;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder;

/**
 * Opens a Keras 2 model saved as .h5 ({@code model.save("model.h5")}) as a LayerLab project,
 * with the trained weights in a DL4J network.
 *
 * <p>Stages, each stopping with one {@link ModelFileException} that names the file and every
 * problem found: the file is an HDF5 file with a model_config; every layer maps to LayerLab's
 * catalog ({@link LayerMapper}, unsupported layers and settings named; a Reshape of token ids
 * before Embeddings is left out, {@link TokenIdReshapes}); each output is a Dense
 * layer (a Dense followed by an Activation counts, and becomes one Output layer); the mapped graph
 * passes LayerLab's shape check; DL4J's Keras import reads the weights.
 */
public final class KerasImporter {
    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How to get a file LayerLab reads: Keras 3 writes even .h5 files in its own layout, which DL4J's import does not read. */
    static final String SAVE_AS_KERAS_2_H5 = "save the model from Keras 2 (tf.keras in TensorFlow 2.15 or earlier, or the "
            + "tf_keras package with newer TensorFlow) with model.save(\"model.h5\")";

    static {
        // DL4J's Keras import has no GRU; LayerLab's layer stands in for it. Its Embedding loses the weights of some names.
        org.deeplearning4j.nn.modelimport.keras.KerasLayer.registerCustomLayer("GRU", KerasGru.class);
        org.deeplearning4j.nn.modelimport.keras.KerasLayer.registerCustomLayer(KerasTokenEmbedding.CLASS_NAME, KerasTokenEmbedding.class);
    }

    private KerasImporter() { }

    /** @throws ModelFileException naming the file and what stops the import */
    public static ImportedModel importModel(Path h5) throws ModelFileException {
        checkSignature(h5);
        String modelConfig;
        String trainingConfig;
        String kerasVersion;
        String backend;
        try (Hdf5Attributes attributes = Hdf5Attributes.open(h5)) {
            modelConfig = attributes.string("model_config").orElseThrow(() -> new ModelFileException(h5,
                    "has no model_config: it holds weights only (saved with save_weights); save the whole model with "
                            + "model.save(\"model.h5\") and import that"));
            trainingConfig = attributes.string("training_config").orElse(null);
            kerasVersion = attributes.string("keras_version").orElse("2");
            backend = attributes.string("backend").orElse("tensorflow");
        }
        if (!kerasVersion.startsWith("2")) {
            throw new ModelFileException(h5, "was saved by Keras " + kerasVersion + "; LayerLab imports models saved by Keras 2 "
                    + "(their model_config layout): " + SAVE_AS_KERAS_2_H5);
        }
        KerasModelConfig model;
        try {
            model = KerasModelConfig.parse(json(h5, "model_config", modelConfig));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(h5, "cannot be imported: " + e.getMessage(), e);
        }
        List<String> notes = new ArrayList<>();
        TokenIdReshapes tokenIdReshapes = TokenIdReshapes.find(model, notes);
        model = tokenIdReshapes.withIdInputs(model);
        KerasTraining training = new KerasTraining(trainingConfig == null ? null : json(h5, "training_config", trainingConfig), notes);
        Graph graph = graph(h5, tokenIdReshapes.withoutReshapes(model), training, notes);
        ShapeReport report = ShapeInference.infer(graph);
        if (report.hasErrors()) {
            StringBuilder sb = new StringBuilder("cannot be imported: LayerLab's shape check refuses the network it maps to:");
            for (Diagnostic d : report.errors()) sb.append("\n  ").append(d);
            throw new ModelFileException(h5, sb.toString());
        }
        Nd4jFixes.install();
        ComputationGraph network = importWeights(h5, model.toFunctionalJson(kerasVersion, backend));
        Project project = new Project(stem(h5), description(h5, kerasVersion, notes), graph, ProjectDefaults.data(), training.training());
        return new ImportedModel(project, network, notes);
    }

    private static void checkSignature(Path file) throws ModelFileException {
        if (!Files.exists(file)) throw new ModelFileException(file, "does not exist");
        if (Files.isDirectory(file)) {
            throw new ModelFileException(file, "is a folder (a TensorFlow SavedModel?); LayerLab imports Keras .h5 files: "
                    + "save the model with model.save(\"model.h5\")");
        }
        byte[] head = new byte[HDF5.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K') throw new ModelFileException(file, zipProblem(file));
        if (n < HDF5.length || !Arrays.equals(head, HDF5)) {
            throw new ModelFileException(file, "is not an HDF5 file; LayerLab imports Keras models saved with model.save(\"model.h5\")");
        }
    }

    /** What a zip given as a Keras model is, told by its entry names (nothing is inflated). */
    private static String zipProblem(Path file) {
        Set<String> names = new HashSet<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            zip.stream().limit(1000).forEach(e -> names.add(e.getName()));
        } catch (IOException e) {
            return "is a zip archive, and a damaged one, not a Keras .h5 file; " + SAVE_AS_KERAS_2_H5;
        }
        if (names.contains("metadata.json") && names.contains("config.json")) {
            return "is a Keras 3 .keras file; LayerLab reads only the Keras 2 .h5 format: " + SAVE_AS_KERAS_2_H5;
        }
        if (names.contains("configuration.json")) {
            return "is a DL4J model zip, not a Keras model: use it with `layerlab predict` or the designer's File ▸ Open Model…";
        }
        return "is a zip archive, not a Keras .h5 file; " + SAVE_AS_KERAS_2_H5;
    }

    private static JsonNode json(Path h5, String attribute, String text) throws ModelFileException {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new ModelFileException(h5, "has a " + attribute + " that is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** The LayerLab graph of the model: nodes named like the Keras layers, outputs as Output layers, laid out left to right. */
    private static Graph graph(Path h5, KerasModelConfig model, KerasTraining training, List<String> notes) throws ModelFileException {
        LayerMapper mapper = new LayerMapper();
        Map<String, LayerMapper.Mapped> mapped = new LinkedHashMap<>();
        Map<String, KerasLayerSpec> specs = new HashMap<>();
        for (KerasLayerSpec l : model.layers()) {
            specs.put(l.name(), l);
            mapper.map(l).ifPresent(m -> mapped.put(l.name(), m));
        }
        List<String> problems = new ArrayList<>(mapper.problems());
        Map<String, List<String>> inputsOf = new LinkedHashMap<>();
        for (KerasLayerSpec l : model.layers()) inputsOf.put(l.name(), new ArrayList<>(l.inputs()));
        if (problems.isEmpty()) outputs(model, specs, mapped, inputsOf, training, problems, notes);
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder("cannot be imported: ");
            if (problems.size() == 1) sb.append(problems.get(0));
            else problems.forEach(p -> sb.append("\n  ").append(p));
            if (problems.stream().anyMatch(p -> p.endsWith(" is not supported"))) {
                sb.append(problems.size() == 1 ? "; " : "\n").append("LayerLab supports: ").append(String.join(", ", LayerMapper.SUPPORTED));
            }
            throw new ModelFileException(h5, sb.toString());
        }
        notes.addAll(mapper.notes());
        List<String> order = new ArrayList<>(mapped.keySet());
        Map<String, double[]> positions = LeftToRightLayout.positions(order, inputsOf);
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (String id : order) {
            LayerMapper.Mapped m = mapped.get(id);
            double[] xy = positions.get(id);
            nodes.add(new Node(id, m.type(), xy[0], xy[1], tokenIdsPerStep(id, m, mapped, inputsOf)));
            List<String> from = inputsOf.get(id);
            boolean merge = m.type().equals("Add") || m.type().equals("Concatenate");
            for (int port = 0; port < from.size(); port++) edges.add(new Edge(from.get(port), id, merge ? port : 0));
        }
        return Graph.of(nodes, edges);
    }

    /**
     * Keras gives an Embedding (batch, steps) ids; LayerLab's takes a sequence of one id per step,
     * so an Input of shape [t] that only feeds Embeddings becomes [t, 1].
     */
    private static Map<String, Object> tokenIdsPerStep(String id, LayerMapper.Mapped m, Map<String, LayerMapper.Mapped> mapped,
                                                        Map<String, List<String>> inputsOf) {
        if (!m.type().equals("Input") || ((List<?>) m.params().get("shape")).size() != 1) return m.params();
        List<String> readers = inputsOf.entrySet().stream().filter(e -> e.getValue().contains(id)).map(Map.Entry::getKey).toList();
        boolean onlyEmbeddings = !readers.isEmpty()
                && readers.stream().allMatch(r -> mapped.containsKey(r) && mapped.get(r).type().equals("Embedding"));
        if (!onlyEmbeddings) return m.params();
        Map<String, Object> params = new LinkedHashMap<>(m.params());
        params.put("shape", List.of(((List<?>) m.params().get("shape")).get(0), 1));
        return params;
    }

    /**
     * Turns each model output into an Output layer with its loss. A Dense output becomes one; an
     * Activation output whose only input is a linear Dense feeding nothing else merges with it.
     */
    private static void outputs(KerasModelConfig model, Map<String, KerasLayerSpec> specs, Map<String, LayerMapper.Mapped> mapped,
                                Map<String, List<String>> inputsOf, KerasTraining training, List<String> problems, List<String> notes) {
        for (int i = 0; i < model.outputs().size(); i++) {
            String out = model.outputs().get(i);
            LayerMapper.Mapped m = mapped.get(out);
            if (m.type().equals("Dense")) {
                String activation = (String) m.params().get("activation");
                mapped.put(out, output(m.params(), activation, training.loss(out, i, activation)));
                continue;
            }
            Optional<String> dense = mergeableDense(out, m, mapped, inputsOf);
            if (dense.isPresent()) {
                String activation = (String) m.params().get("function");
                mapped.put(dense.get(), output(mapped.get(dense.get()).params(), activation, training.loss(out, i, activation)));
                mapped.remove(out);
                inputsOf.remove(out);
                notes.add("the output " + specs.get(dense.get()).label() + " and its " + specs.get(out).label()
                        + " became one Output layer, '" + dense.get() + "'");
                continue;
            }
            problems.add("the model's output " + specs.get(out).label() + " is not a Dense layer; LayerLab's networks end in a "
                    + "Dense layer, which becomes an Output layer with a loss");
        }
    }

    private static Optional<String> mergeableDense(String out, LayerMapper.Mapped m, Map<String, LayerMapper.Mapped> mapped,
                                                   Map<String, List<String>> inputsOf) {
        if (!m.type().equals("Activation") || "prelu".equals(m.params().get("function"))) return Optional.empty();
        List<String> from = inputsOf.get(out);
        if (from.size() != 1) return Optional.empty();
        String dense = from.get(0);
        LayerMapper.Mapped d = mapped.get(dense);
        if (d == null || !d.type().equals("Dense") || !"linear".equals(d.params().get("activation"))) return Optional.empty();
        long consumers = inputsOf.values().stream().filter(ins -> ins.contains(dense)).count();
        return consumers == 1 ? Optional.of(dense) : Optional.empty();
    }

    private static LayerMapper.Mapped output(Map<String, Object> dense, String activation, String loss) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("units", dense.get("units"));
        p.put("activation", activation);
        p.put("loss", loss);
        return new LayerMapper.Mapped("Output", p);
    }

    private static ComputationGraph importWeights(Path h5, String functionalJson) throws ModelFileException {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try (KerasModelBuilder builder = new KerasModelBuilder(new KerasModelConfiguration())) {
                return builder.modelJson(functionalJson).weightsHdf5Filename(h5.toString()).enforceTrainingConfig(false)
                        .buildModel().getComputationGraph();
            } catch (Exception e) {
                throw new ModelFileException(h5, "cannot be imported: DL4J could not read its weights: " + rootMessage(e), e);
            }
        }
    }

    private static String description(Path h5, String kerasVersion, List<String> notes) {
        StringBuilder sb = new StringBuilder("Imported from ").append(h5.getFileName()).append(" (Keras ").append(kerasVersion)
                .append("). The data section is a placeholder (").append(ProjectDefaults.DATA_SOURCE)
                .append("): choose the data this network was trained on before training it here.");
        for (String note : notes) sb.append(' ').append(Character.toUpperCase(note.charAt(0))).append(note.substring(1)).append('.');
        return sb.toString();
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        String message = e.toString();
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) message = t.getMessage();
            t = t.getCause() == t ? null : t.getCause();
        }
        return message.lines().findFirst().orElse(message);
    }

}
