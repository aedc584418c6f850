package io.layerlab.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Keras 2 model_config read into one form for both kinds of model: layers in order with the
 * names of their inputs, the model's inputs and outputs. A Sequential model becomes the
 * equivalent functional one, with an explicit input layer; DL4J then imports both as a
 * ComputationGraph whose vertices carry the Keras layer names.
 */
final class KerasModelConfig {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String name;
    private final List<KerasLayerSpec> layers;
    private final List<String> inputs;
    private final List<String> outputs;

    KerasModelConfig(String name, List<KerasLayerSpec> layers, List<String> inputs, List<String> outputs) {
        this.name = name;
        this.layers = List.copyOf(layers);
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
    }

    String name() { return name; }

    List<KerasLayerSpec> layers() { return layers; }

    List<String> inputs() { return inputs; }

    List<String> outputs() { return outputs; }

    /** @throws IllegalArgumentException saying what in the configuration cannot be read */
    static KerasModelConfig parse(JsonNode root) {
        String kind = root.path("class_name").asText("");
        JsonNode config = root.path("config");
        return switch (kind) {
            case "Sequential" -> sequential(config);
            case "Model", "Functional" -> functional(config);
            default -> throw new IllegalArgumentException("model_config describes a \"" + kind
                    + "\"; LayerLab imports Keras Sequential and functional (Model) networks");
        };
    }

    private static KerasModelConfig sequential(JsonNode config) {
        // Keras 2.0 and 2.1 wrote the layer list itself; later versions wrap it with the model's name.
        JsonNode list = config.isArray() ? config : config.path("layers");
        String modelName = config.isArray() ? "sequential" : config.path("name").asText("sequential");
        if (!list.isArray() || list.isEmpty()) throw new IllegalArgumentException("model_config lists no layers");
        List<KerasLayerSpec> layers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String previous = null;
        for (JsonNode layer : list) {
            String className = layer.path("class_name").asText("");
            JsonNode layerConfig = layer.path("config");
            String layerName = layerConfig.path("name").asText("");
            if (layerName.isEmpty()) throw new IllegalArgumentException("a " + className + " layer has no name");
            if (previous == null && !className.equals("InputLayer")) {
                JsonNode shape = layerConfig.get("batch_input_shape");
                if (shape == null || !shape.isArray()) {
                    throw new IllegalArgumentException("the first layer, '" + layerName + "', does not say what input it takes "
                            + "(no batch_input_shape): the model was saved before it was built");
                }
                String inputName = unique(layerName + "_input", names);
                layers.add(new KerasLayerSpec(inputName, "InputLayer", inputLayerConfig(inputName, shape), List.of()));
                names.add(inputName);
                previous = inputName;
            }
            if (!names.add(layerName)) throw new IllegalArgumentException("two layers are named '" + layerName + "'");
            layers.add(new KerasLayerSpec(layerName, className, layerConfig, previous == null ? List.of() : List.of(previous)));
            previous = layerName;
        }
        return new KerasModelConfig(modelName, layers, List.of(layers.get(0).name()), List.of(previous));
    }

    private static KerasModelConfig functional(JsonNode config) {
        List<KerasLayerSpec> layers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode layer : config.path("layers")) {
            String className = layer.path("class_name").asText("");
            String layerName = layer.path("name").asText(layer.path("config").path("name").asText(""));
            if (layerName.isEmpty()) throw new IllegalArgumentException("a " + className + " layer has no name");
            if (!names.add(layerName)) throw new IllegalArgumentException("two layers are named '" + layerName + "'");
            JsonNode inbound = layer.path("inbound_nodes");
            if (inbound.size() > 1) {
                throw new IllegalArgumentException("layer '" + layerName + "' (" + className + ") is used " + inbound.size()
                        + " times (shared weights); LayerLab draws each layer once");
            }
            List<String> from = new ArrayList<>();
            if (inbound.size() == 1) {
                for (JsonNode call : inbound.get(0)) {
                    if (!call.isArray() || call.size() < 3) {
                        throw new IllegalArgumentException("layer '" + layerName + "' has inbound nodes in a form LayerLab does not read: " + call);
                    }
                    if (call.get(2).asInt() != 0) {
                        throw new IllegalArgumentException("layer '" + layerName + "' takes output " + call.get(2).asInt() + " of '"
                                + call.get(0).asText() + "'; LayerLab's layers have one output");
                    }
                    from.add(call.get(0).asText());
                }
            }
            layers.add(new KerasLayerSpec(layerName, className, layer.path("config"), from));
        }
        if (layers.isEmpty()) throw new IllegalArgumentException("model_config lists no layers");
        for (KerasLayerSpec l : layers) {
            for (String in : l.inputs()) {
                if (!names.contains(in)) throw new IllegalArgumentException("layer '" + l.name() + "' takes its input from '" + in + "', which is not a layer of the model");
            }
        }
        return new KerasModelConfig(config.path("name").asText("model"), layers, layerNames(config.path("input_layers"), names),
                layerNames(config.path("output_layers"), names));
    }

    private static List<String> layerNames(JsonNode refs, Set<String> names) {
        List<String> result = new ArrayList<>();
        for (JsonNode ref : refs) {
            String n = ref.isArray() ? ref.path(0).asText() : ref.asText();
            if (!names.contains(n)) throw new IllegalArgumentException("the model's inputs or outputs name '" + n + "', which is not a layer");
            result.add(n);
        }
        return result;
    }

    private static String unique(String base, Set<String> taken) {
        String candidate = base;
        for (int i = 2; taken.contains(candidate); i++) candidate = base + "_" + i;
        return candidate;
    }

    private static ObjectNode inputLayerConfig(String name, JsonNode batchShape) {
        ObjectNode c = JSON.objectNode();
        c.set("batch_input_shape", batchShape.deepCopy());
        c.put("dtype", "float32");
        c.put("sparse", false);
        c.put("name", name);
        return c;
    }

    /**
     * The model as a Keras 2 functional model_config for DL4J's importer, with the Keras version
     * and backend it reads from the same object.
     */
    String toFunctionalJson(String kerasVersion, String backend) {
        ObjectNode root = JSON.objectNode();
        root.put("class_name", "Model");
        root.put("keras_version", kerasVersion);
        root.put("backend", backend);
        ObjectNode config = root.putObject("config");
        config.put("name", name);
        ArrayNode list = config.putArray("layers");
        for (KerasLayerSpec l : layers) {
            ObjectNode layer = list.addObject();
            layer.put("name", l.name());
            // Embeddings go to LayerLab's subclass of DL4J's, which finds their weights whatever the layer's name.
            layer.put("class_name", l.className().equals("Embedding") ? KerasTokenEmbedding.CLASS_NAME : l.className());
            ObjectNode layerConfig = l.config().isObject() ? (ObjectNode) l.config().deepCopy() : JSON.objectNode();
            // Only input layers declare a shape; DL4J would otherwise take a Sequential's first layer for an input.
            if (!l.className().equals("InputLayer")) layerConfig.remove("batch_input_shape");
            layer.set("config", layerConfig);
            ArrayNode inbound = layer.putArray("inbound_nodes");
            if (!l.inputs().isEmpty()) {
                ArrayNode call = inbound.addArray();
                for (String in : l.inputs()) {
                    ArrayNode ref = call.addArray();
                    ref.add(in).add(0).add(0).addObject();
                }
            }
        }
        ArrayNode ins = config.putArray("input_layers");
        for (String in : inputs) ins.addArray().add(in).add(0).add(0);
        ArrayNode outs = config.putArray("output_layers");
        for (String out : outputs) outs.addArray().add(out).add(0).add(0);
        return root.toString();
    }
}
