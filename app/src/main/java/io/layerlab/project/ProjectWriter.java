package io.layerlab.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerlab.data.DataSpec;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Node;
import io.layerlab.train.TrainingSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Writes {@link Project}s as format version 1 files: known fields in a fixed order (the order
 * of DESIGN.md), then the fields this version did not know, as they were read; two-space
 * indent, a node or a wire on one line when it fits. Saving is atomic (see {@link AtomicFile}):
 * the file on disk is either the old project or the new one, never a mix.
 *
 * <p>A project with {@linkplain Project#initialWeights() initial weights} is saved with its
 * {@link WeightsFile} beside it ({@code NAME.layerlab.weights.zip}, written first and only when it
 * does not already hold them), and the file names it in an {@code "initialWeights"} field.
 */
public final class ProjectWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Saves {@code project} to {@code file} atomically. Values a file cannot hold (a NaN
     * parameter) are refused with an {@link IllegalArgumentException} before anything is written.
     */
    public void save(Project project, Path file) throws IOException {
        InitialWeights weights = project.initialWeights().orElse(null);
        if (weights == null) {
            AtomicFile.write(file, toBytes(project));
            return;
        }
        Path sidecar = WeightsFile.beside(file);
        byte[] json = bytes(toTree(project, sidecar.getFileName().toString()));
        boolean write = !weights.isStoredIn(sidecar);
        boolean existed = Files.exists(sidecar);
        if (write) WeightsFile.write(weights, sidecar);
        try {
            AtomicFile.write(file, json);
        } catch (IOException | RuntimeException e) {
            if (write && !existed) Files.deleteIfExists(sidecar);
            throw e;
        }
    }

    /** The file's text. */
    public String toJson(Project project) {
        return JsonFormatter.format(toTree(project));
    }

    /** The file's bytes, UTF-8. */
    public byte[] toBytes(Project project) {
        return toJson(project).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ObjectNode tree) {
        return JsonFormatter.format(tree).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The file's content as a JSON tree. Initial weights are referenced by the sidecar they were
     * last read from or written to; weights never saved yet have no file to name.
     */
    ObjectNode toTree(Project project) {
        String sidecar = project.initialWeights().flatMap(InitialWeights::storedIn).map(p -> p.getFileName().toString()).orElse(null);
        return toTree(project, sidecar);
    }

    /** The file's content as a JSON tree, naming {@code sidecar} (when not null) as the initial weights' file. */
    private ObjectNode toTree(Project project, String sidecar) {
        ObjectNode root = NODES.objectNode();
        root.put("format", ProjectFormat.FORMAT_NAME);
        root.put("version", ProjectFormat.CURRENT_VERSION);
        root.put("name", Objects.requireNonNullElse(project.name(), ProjectDefaults.NAME));
        root.put("description", Objects.requireNonNullElse(project.description(), ProjectDefaults.DESCRIPTION));
        root.set("graph", graph(project));
        root.set("data", data(project.data()));
        root.set("training", training(project.training()));
        if (sidecar != null && project.initialWeights().isPresent()) {
            JsonValues.putAll(root, Map.of(WeightsReference.FIELD, WeightsReference.field(sidecar, project.initialWeights().get())), "project");
        }
        JsonValues.putAll(root, project.extras(), "project");
        return root;
    }

    private ObjectNode graph(Project project) {
        ObjectNode graph = NODES.objectNode();
        ArrayNode nodes = graph.putArray("nodes");
        for (Node n : project.graph().nodes()) nodes.add(node(n));
        ArrayNode edges = graph.putArray("edges");
        for (Edge e : project.graph().edges()) edges.add(edge(e, project.edgeExtras().getOrDefault(e, Map.of())));
        JsonValues.putAll(graph, project.graphExtras(), "graph");
        return graph;
    }

    private ObjectNode node(Node n) {
        String where = "node " + n.id();
        ObjectNode o = NODES.objectNode();
        o.put("id", n.id());
        o.put("type", n.type());
        o.set("x", coordinate(n.x(), where + " x"));
        o.set("y", coordinate(n.y(), where + " y"));
        ObjectNode params = o.putObject("params");
        JsonValues.putAll(params, n.params(), where + " params");
        JsonValues.putAll(o, n.extras(), where);
        return o;
    }

    /** Positions are written as whole numbers when they are, which is the usual case. */
    private static JsonNode coordinate(double v, String where) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return NODES.numberNode((int) v);
        return JsonValues.toJson(v, where);
    }

    private ObjectNode edge(Edge e, Map<String, Object> extras) {
        ObjectNode o = NODES.objectNode();
        o.put("from", e.from());
        o.put("to", e.to());
        if (e.toPort() != 0) o.put("toPort", e.toPort());
        JsonValues.putAll(o, extras, "wire " + e);
        return o;
    }

    private ObjectNode data(DataSpec d) {
        ObjectNode o = NODES.objectNode();
        if (d.source() == null || d.source().isBlank()) {
            throw new IllegalArgumentException("the project has no data source; a file needs one such as \"xor\"");
        }
        o.put("source", d.source());
        ObjectNode params = o.putObject("params");
        JsonValues.putAll(params, d.params(), "data params");
        o.set("validationSplit", JsonValues.toJson(d.validationSplit(), "data validationSplit"));
        o.put("seed", d.seed());
        JsonValues.putAll(o, d.extras(), "data");
        return o;
    }

    private ObjectNode training(TrainingSpec t) {
        ObjectNode o = NODES.objectNode();
        if (t.optimizer() == null) throw new IllegalArgumentException("the project has no optimizer; a file needs one such as \"adam\"");
        o.put("optimizer", t.optimizer());
        o.set("learningRate", JsonValues.toJson(t.learningRate(), "training learningRate"));
        o.put("batchSize", t.batchSize());
        o.put("epochs", t.epochs());
        o.put("shuffle", t.shuffle());
        o.put("seed", t.seed());
        JsonValues.putAll(o, t.extras(), "training");
        return o;
    }
}
