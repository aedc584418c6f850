package io.layerlab.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerlab.data.LoadedData;
import io.layerlab.data.Task;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What LayerLab knows about a trained model beyond DL4J's own entries: the project it came from,
 * the task, and the names of the features, classes and regression targets. Stored as an extra
 * entry {@value #ENTRY} in the model zip; DL4J ignores it, so the zip stays a plain DL4J model.
 *
 * <pre>{"format": "layerlab-model", "version": 1, "project": "Iris flowers", "task": "classification",
 *  "inputShape": [4], "features": ["sepal length", ...], "classes": ["setosa", ...], "targets": []}</pre>
 *
 * <p>{@code inputShape} is one example's shape in LayerLab's terms: {@code [n]} features,
 * {@code [h, w, c]} an image (channels last), {@code [t, f]} a sequence.
 *
 * <p>Reading is lenient (this is a description, not the model): unknown fields are ignored and a
 * missing list is empty.
 */
public record ModelInfo(String project, Task task, List<Integer> inputShape, List<String> features, List<String> classes,
                        List<String> targets) {
    /** The zip entry that holds it. */
    public static final String ENTRY = "layerlab.json";
    static final String FORMAT = "layerlab-model";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public ModelInfo {
        inputShape = List.copyOf(inputShape);
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        targets = List.copyOf(targets);
    }

    /** The description of a model trained on {@code data} in the project named {@code projectName}. */
    public static ModelInfo of(String projectName, LoadedData data) {
        List<String> targets = data.task() == Task.REGRESSION ? data.raw().targetNames() : List.of();
        List<String> classes = data.task() == Task.CLASSIFICATION ? data.classNames() : List.of();
        return new ModelInfo(projectName, data.task(), data.inputShape().toList(), data.featureNames(), classes, targets);
    }

    /** The task, if the model says. */
    public Optional<Task> taskIfKnown() { return Optional.ofNullable(task); }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("project", project);
        root.put("task", task == null ? null : task.name().toLowerCase(Locale.ROOT));
        inputShape.forEach(root.putArray("inputShape")::add);
        strings(root.putArray("features"), features);
        strings(root.putArray("classes"), classes);
        strings(root.putArray("targets"), targets);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** @throws IllegalArgumentException with what is wrong, when the bytes are not such a description */
    static ModelInfo fromJson(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("is not a LayerLab model description (\"format\" must be \"" + FORMAT + "\")");
        }
        String project = root.path("project").isTextual() ? root.get("project").asText() : null;
        Task task = switch (root.path("task").asText("")) {
            case "classification" -> Task.CLASSIFICATION;
            case "regression" -> Task.REGRESSION;
            default -> null;
        };
        List<Integer> shape = new ArrayList<>();
        for (JsonNode d : root.path("inputShape")) {
            if (!d.canConvertToInt() || d.asInt() < 1) throw new IllegalArgumentException("has an invalid inputShape: " + root.get("inputShape"));
            shape.add(d.asInt());
        }
        if (shape.size() > 3) throw new IllegalArgumentException("has an inputShape of rank " + shape.size() + "; valid: [n], [t, f] or [h, w, c]");
        return new ModelInfo(project, task, shape, strings(root.path("features")), strings(root.path("classes")), strings(root.path("targets")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Adds (or replaces) the {@value #ENTRY} entry of the zip archive {@code zip}, leaving its other entries as they are. */
    public void addTo(Path zip) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of())) {
            Files.write(fs.getPath(ENTRY), toJson());
        }
    }
}
