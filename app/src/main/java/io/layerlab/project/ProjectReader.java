package io.layerlab.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerlab.data.DataSpec;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.train.TrainingSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads project files (format version 1, see DESIGN.md) into {@link Project}s.
 *
 * <p>What it checks: the JSON syntax; {@code "format": "layerlab-project"}; the version (newer
 * ones are refused, older ones migrated through {@link ProjectMigrations}); the structure
 * (sections are objects, node ids are unique non-empty text, wires name existing nodes and
 * appear once, each known field has its type); and the ranges of the data and training
 * settings. Layer parameters are kept exactly as written ({@code "units": "abc"} stays the text
 * "abc") because the shape check judges them against the catalog and names the node, and a
 * person can fix them in the designer without losing the file. Fields this version does not know
 * are kept at every level and written back by {@link ProjectWriter}.
 *
 * <p>Missing pieces take defaults: name "Untitled", description "", an empty graph (no
 * nodes, no wires), x and y 0, no params, toPort 0; data and training sections as
 * {@link ProjectDefaults} says. Inside a present data section, {@code source} is required.
 */
public final class ProjectReader {
    /** Larger files are refused: a project file is a few kilobytes, this is someone else's file. */
    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final List<String> TOP_FIELDS = List.of("format", "version", "name", "description", "graph", "data", "training");
    private static final List<String> GRAPH_FIELDS = List.of("nodes", "edges");
    private static final List<String> NODE_FIELDS = List.of("id", "type", "x", "y", "params");
    private static final List<String> EDGE_FIELDS = List.of("from", "to", "toPort");
    private static final List<String> DATA_FIELDS = List.of("source", "params", "validationSplit", "seed");
    private static final List<String> TRAINING_FIELDS = List.of("optimizer", "learningRate", "batchSize", "epochs", "shuffle", "seed");
    private static final String EXAMPLE_START = "{\"format\": \"" + ProjectFormat.FORMAT_NAME + "\", \"version\": "
            + ProjectFormat.CURRENT_VERSION + ", ...}";

    private final ProjectMigrations migrations;

    public ProjectReader() { this(ProjectMigrations.standard()); }

    /** A reader that understands {@code migrations.currentVersion()} and migrates older files. */
    public ProjectReader(ProjectMigrations migrations) { this.migrations = migrations; }

    /** Reads a project file; every failure, including I/O, is a {@link ProjectFileException} naming the file. */
    public Project read(Path file) throws ProjectFileException {
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) throw new ProjectFileException(source, null, 0, 0, "is a folder, not a project file");
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ProjectFileException(source, null, 0, 0, "is " + (size / (1024 * 1024))
                        + " MB; a project file is at most " + (MAX_FILE_BYTES / (1024 * 1024)) + " MB, so this is not one");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProjectFileException(source, null, 0, 0, "cannot be read: there is no such file", e);
        } catch (AccessDeniedException e) {
            throw new ProjectFileException(source, null, 0, 0, "cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new ProjectFileException(source, null, 0, 0, "cannot be read: " + e.getMessage(), e);
        }
        Project project = parseProject(bytes, source);
        WeightsReference.resolve(project, file.toAbsolutePath().getParent());
        return project;
    }

    /** Reads a project from a stream (e.g. a bundled sample); {@code sourceName} names it in messages. */
    public Project read(InputStream in, String sourceName) throws ProjectFileException {
        try {
            return read(in.readAllBytes(), sourceName);
        } catch (IOException e) {
            throw new ProjectFileException(sourceName, null, 0, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads a project from JSON text; {@code sourceName} names it in messages. */
    public Project read(String json, String sourceName) throws ProjectFileException {
        return read(json.getBytes(StandardCharsets.UTF_8), sourceName);
    }

    /** Reads a project that is not a file in a folder: initial weights it names are not loaded. */
    private Project read(byte[] bytes, String source) throws ProjectFileException {
        Project project = parseProject(bytes, source);
        WeightsReference.resolve(project, null);
        return project;
    }

    private Project parseProject(byte[] bytes, String source) throws ProjectFileException {
        JsonNode root = parse(bytes, source);
        return read(root, source, path -> SourceLocator.locate(bytes, path));
    }

    /**
     * Reads a project from an already parsed tree (no line numbers are known then); its initial
     * weights are looked for in {@code folder} (null: not loaded).
     */
    Project read(JsonNode root, String source, Path folder) throws ProjectFileException {
        Project project = read(root, source, path -> Optional.empty());
        WeightsReference.resolve(project, folder);
        return project;
    }

    private Project read(JsonNode root, String source, Locator locator) throws ProjectFileException {
        try {
            return new Parse(root).project();
        } catch (WholeFileProblem e) {
            throw new ProjectFileException(source, null, 0, 0, e.getMessage());
        } catch (JsonProblem e) {
            Optional<JsonLocation> at = locator.locate(e.path);
            throw new ProjectFileException(source, e.path.toString(),
                    at.map(JsonLocation::getLineNr).orElse(0), at.map(JsonLocation::getColumnNr).orElse(0), e.getMessage());
        }
    }

    static JsonNode parse(byte[] bytes, String source) throws ProjectFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (StreamReadException | MismatchedInputException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            throw new ProjectFileException(source, null, line, column, SyntaxMessages.explain(e), e);
        } catch (IOException e) {
            throw new ProjectFileException(source, null, 0, 0, "cannot be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ProjectFileException(source, null, 0, 0, "is empty; a project file holds one JSON object " + EXAMPLE_START);
        }
        return root;
    }

    /** Finds the line and column of a path in the source text, for messages. */
    private interface Locator {
        Optional<JsonLocation> locate(JsonPath path);
    }

    /** A problem with the file as a whole, reported without a path ("... was written by a newer LayerLab"). */
    private static final class WholeFileProblem extends RuntimeException {
        WholeFileProblem(String message) { super(message, null, false, false); }
    }

    /** One pass over one document. */
    private final class Parse {
        private final JsonNode input;

        Parse(JsonNode input) { this.input = input; }

        Project project() {
            if (!input.isObject()) {
                throw new WholeFileProblem("does not hold a JSON object but " + Fields.describe(input)
                        + "; a project file is one object " + EXAMPLE_START);
            }
            ObjectNode root = ((ObjectNode) input).deepCopy();
            checkFormat(root);
            upgrade(root);
            Fields top = new Fields(root, JsonPath.ROOT);
            String name = top.string("name", ProjectDefaults.NAME);
            String description = top.string("description", ProjectDefaults.DESCRIPTION);
            Project project;
            Map<Edge, Map<String, Object>> edgeExtras = new LinkedHashMap<>();
            Map<String, Object> graphExtras;
            Graph graph;
            Optional<Fields> graphSection = top.object("graph");
            if (graphSection.isPresent()) {
                graph = graph(graphSection.get(), edgeExtras);
                graphExtras = graphSection.get().unknown(GRAPH_FIELDS);
            } else {
                graph = new Graph();
                graphExtras = Map.of();
            }
            DataSpec data = top.object("data").map(this::data).orElseGet(ProjectDefaults::data);
            TrainingSpec training = top.object("training").map(this::training).orElseGet(ProjectDefaults::training);
            project = new Project(name, description, graph, data, training);
            project.extras().putAll(top.unknown(TOP_FIELDS));
            project.graphExtras().putAll(graphExtras);
            project.edgeExtras().putAll(edgeExtras);
            return project;
        }

        private void checkFormat(ObjectNode root) {
            JsonNode format = root.get("format");
            if (format == null) {
                throw new WholeFileProblem("is not a LayerLab project file: it has no \"format\" field (a project file starts "
                        + EXAMPLE_START + ")");
            }
            if (!ProjectFormat.FORMAT_NAME.equals(format.textValue())) {
                throw new JsonProblem(JsonPath.ROOT.field("format"), "is " + Fields.describe(format) + ", not \""
                        + ProjectFormat.FORMAT_NAME + "\": this is not a LayerLab project file");
            }
        }

        private void upgrade(ObjectNode root) {
            JsonNode v = root.get("version");
            JsonPath at = JsonPath.ROOT.field("version");
            if (v == null) {
                throw new WholeFileProblem("has no \"version\" field; a LayerLab project file says which format version it uses, "
                        + "e.g. \"version\": " + ProjectFormat.CURRENT_VERSION);
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new JsonProblem(at, "must be a whole number such as " + ProjectFormat.CURRENT_VERSION + ", was " + Fields.describe(v));
            }
            int version = v.intValue();
            int current = migrations.currentVersion();
            if (version > current) {
                throw new WholeFileProblem("was written by a newer LayerLab (format version " + version
                        + "); this version reads up to " + current + ". Open it with a newer LayerLab.");
            }
            if (version < ProjectFormat.FIRST_VERSION) {
                throw new JsonProblem(at, "is " + version + ", which no LayerLab has written: format versions start at "
                        + ProjectFormat.FIRST_VERSION + " and this version reads " + ProjectFormat.FIRST_VERSION + " to " + current);
            }
            migrations.upgrade(root, version).ifPresent(stuck -> {
                throw new WholeFileProblem("uses format version " + stuck + ", which this LayerLab cannot convert to version "
                        + current);
            });
        }

        private Graph graph(Fields graph, Map<Edge, Map<String, Object>> edgeExtras) {
            List<Node> nodes = new ArrayList<>();
            Map<String, Integer> indexById = new HashMap<>();
            List<Fields> nodeObjects = graph.objects("nodes",
                    "{\"id\": \"dense1\", \"type\": \"Dense\", \"x\": 220, \"y\": 120, \"params\": {\"units\": 8}}");
            for (int i = 0; i < nodeObjects.size(); i++) {
                Fields n = nodeObjects.get(i);
                String id = n.requiredName("id", "a node id is a name such as \"dense1\"");
                Integer earlier = indexById.putIfAbsent(id, i);
                if (earlier != null) {
                    throw new JsonProblem(n.path().field("id"), "is \"" + id + "\", already the id of graph.nodes[" + earlier
                            + "]; each node needs its own id");
                }
                String type = n.requiredName("type", "a node type is a layer name such as \"Dense\"");
                double x = n.number("x", 0);
                double y = n.number("y", 0);
                Map<String, Object> params = n.object("params").map(p -> p.unknown(List.of())).orElse(Map.of());
                nodes.add(new Node(id, type, x, y, params, n.unknown(NODE_FIELDS)));
            }
            List<Edge> edges = new ArrayList<>();
            Map<Edge, Integer> indexByEdge = new HashMap<>();
            List<Fields> edgeObjects = graph.objects("edges", "{\"from\": \"in\", \"to\": \"dense1\"}");
            for (int i = 0; i < edgeObjects.size(); i++) {
                Fields e = edgeObjects.get(i);
                String from = existingNode(e, "from", indexById);
                String to = existingNode(e, "to", indexById);
                int port = e.integer("toPort", 0, 0, Integer.MAX_VALUE,
                        "a whole number, 0 or more: the input port of the receiving node");
                Edge edge = new Edge(from, to, port);
                Integer earlier = indexByEdge.putIfAbsent(edge, i);
                if (earlier != null) {
                    throw new JsonProblem(e.path(), "repeats graph.edges[" + earlier + "] (" + edge
                            + "); each wire may appear once (give a second wire into a merge its own toPort)");
                }
                edges.add(edge);
                Map<String, Object> extras = e.unknown(EDGE_FIELDS);
                if (!extras.isEmpty()) edgeExtras.put(edge, extras);
            }
            return Graph.of(nodes, edges);
        }

        private String existingNode(Fields edge, String field, Map<String, Integer> indexById) {
            String id = edge.requiredName(field, "a wire's \"" + field + "\" is the id of a node");
            if (!indexById.containsKey(id)) {
                throw new JsonProblem(edge.path().field(field), "names no node: \"" + id + "\" is not the id of any node; "
                        + describeIds(indexById));
            }
            return id;
        }

        private String describeIds(Map<String, Integer> indexById) {
            if (indexById.isEmpty()) return "this file has no nodes";
            List<String> ids = indexById.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
            int shown = Math.min(ids.size(), 12);
            String list = String.join(", ", ids.subList(0, shown)) + (ids.size() > shown ? ", ..." : "");
            return "node ids in this file: " + list;
        }

        private DataSpec data(Fields data) {
            String source = data.requiredName("source", "the data source is a name such as \"xor\", \"spiral\", \"sine\" or \"iris\"");
            Map<String, Object> params = data.object("params").map(p -> p.unknown(List.of())).orElse(Map.of());
            double split = data.number("validationSplit", ProjectDefaults.VALIDATION_SPLIT);
            if (split < 0 || split >= 1) {
                throw new JsonProblem(data.path().field("validationSplit"), "is " + split
                        + "; it is the fraction of examples kept aside for validation, at least 0 and below 1 (e.g. 0.2)");
            }
            long seed = data.longInteger("seed", ProjectDefaults.DATA_SEED);
            return new DataSpec(source, params, split, seed, data.unknown(DATA_FIELDS));
        }

        private TrainingSpec training(Fields training) {
            TrainingSpec d = ProjectDefaults.training();
            String optimizer = training.string("optimizer", d.optimizer());
            if (!TrainingSpec.OPTIMIZERS.contains(optimizer)) {
                throw new JsonProblem(training.path().field("optimizer"), "is \"" + optimizer + "\"; valid optimizers: "
                        + String.join(", ", TrainingSpec.OPTIMIZERS));
            }
            double rate = training.number("learningRate", d.learningRate());
            if (rate <= 0) {
                throw new JsonProblem(training.path().field("learningRate"), "is " + rate
                        + "; it must be above 0 (typical values: 0.001 to 0.1)");
            }
            int batch = training.integer("batchSize", d.batchSize(), 1, Integer.MAX_VALUE,
                    "a whole number of examples per step, 1 or more (e.g. 32)");
            int epochs = training.integer("epochs", d.epochs(), 1, Integer.MAX_VALUE,
                    "a whole number of passes over the data, 1 or more (e.g. 50)");
            boolean shuffle = training.bool("shuffle", d.shuffle());
            long seed = training.longInteger("seed", d.seed());
            return new TrainingSpec(optimizer, rate, batch, epochs, shuffle, seed, training.unknown(TRAINING_FIELDS));
        }
    }

    /** Explains Jackson's syntax errors in plain words. */
    private static final class SyntaxMessages {
        private static final String HINT = " (valid JSON puts field names in double quotes, a comma between items and none "
                + "after the last one, and closes every { and [)";

        static String explain(IOException e) {
            String original = e instanceof JsonParseException p ? p.getOriginalMessage()
                    : e instanceof MismatchedInputException m ? m.getOriginalMessage() : e.getMessage();
            if (original == null) original = e.getClass().getSimpleName();
            if (original.startsWith("Duplicate field")) {
                String field = between(original, "'", "'");
                return "malformed JSON: the field \"" + field + "\" appears twice in one object; each field may appear once";
            }
            if (original.contains("end-of-input")) {
                return "malformed JSON: the text ends too early, a closing } or ] or \" is missing" + HINT;
            }
            if (original.startsWith("Trailing token")) {
                return "malformed JSON: there is more text after the project's closing }; a file holds exactly one JSON object";
            }
            String cleaned = original.replaceAll("\\s*\\(code \\d+\\)", "")
                    .replaceAll("\\s*\\(start marker at \\[Source.*?]\\)", "")
                    .replaceAll("\\s*at \\[Source.*", "");
            return "malformed JSON: " + cleaned.strip() + HINT;
        }

        private static String between(String s, String open, String close) {
            int a = s.indexOf(open);
            int b = a < 0 ? -1 : s.indexOf(close, a + open.length());
            return a < 0 || b < 0 ? s : s.substring(a + open.length(), b);
        }
    }
}
