package io.layerlab.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Reshapes a Keras model puts between an Input of token ids and its Embeddings, as LayerLab's
 * own Keras export does: Keras' Embedding reads ids as (batch, steps), so an Input of shape
 * (steps, 1) is reshaped to (steps,) first. LayerLab's Embedding reads the [t, 1] Input directly,
 * so in LayerLab's graph such a Reshape goes and its Embeddings read the Input; the Input declares
 * the (steps,) ids Keras' Embedding reads (the importer makes that LayerLab's [t, 1] again).
 *
 * <p>Only a Reshape that drops axes of size 1 from an Input, to exactly (steps,), and that feeds
 * nothing but Embeddings, counts, and only when the Input feeds nothing else (but Embeddings, if it
 * already holds (steps,) ids); any other Reshape stays, and the import names it as unsupported.
 */
final class TokenIdReshapes {
    /** Each such Reshape with the Input it reads. */
    private final Map<String, String> reshapes;
    /** Each Input they read, with its number of ids per example. */
    private final Map<String, Integer> idInputs;

    private TokenIdReshapes(Map<String, String> reshapes, Map<String, Integer> idInputs) {
        this.reshapes = reshapes;
        this.idInputs = idInputs;
    }

    /** The Reshapes of {@code model} that only drop the axis of size 1 before Embeddings; a note names each. */
    static TokenIdReshapes find(KerasModelConfig model, List<String> notes) {
        Map<String, List<KerasLayerSpec>> readers = new HashMap<>();
        for (KerasLayerSpec l : model.layers()) {
            for (String in : l.inputs()) readers.computeIfAbsent(in, k -> new ArrayList<>()).add(l);
        }
        Map<String, String> reshapes = new HashMap<>();
        Map<String, Integer> idInputs = new HashMap<>();
        for (KerasLayerSpec input : model.layers()) {
            if (!input.className().equals("InputLayer")) continue;
            Optional<Integer> steps = idsPerExample(input);
            List<KerasLayerSpec> inputReaders = readers.getOrDefault(input.name(), List.of());
            if (steps.isEmpty() || inputReaders.stream().noneMatch(r -> r.className().equals("Reshape"))) continue;
            // An Embedding reading the Input itself keeps what it reads only if the Input already holds (steps,) ids.
            boolean alreadyIds = input.config().path("batch_input_shape").size() == 2;
            boolean removable = inputReaders.stream().allMatch(r -> (alreadyIds && r.className().equals("Embedding"))
                    || (r.className().equals("Reshape") && targetIsSteps(r, steps.get()) && feedsOnlyEmbeddings(r, readers)
                        && !model.outputs().contains(r.name())));
            if (!removable) continue;
            idInputs.put(input.name(), steps.get());
            for (KerasLayerSpec r : inputReaders) {
                if (!r.className().equals("Reshape")) continue;
                reshapes.put(r.name(), input.name());
                List<KerasLayerSpec> embeddings = readers.get(r.name());
                notes.add(r.label() + " only drops the axis of size 1 Keras' Embedding needs gone, so it was left out: "
                        + String.join(", ", embeddings.stream().map(KerasLayerSpec::label).toList())
                        + " read" + (embeddings.size() == 1 ? "s" : "") + " '" + input.name() + "' directly");
            }
        }
        return new TokenIdReshapes(reshapes, idInputs);
    }

    /**
     * {@code model} with each Input those Reshapes read declaring the (steps,) ids: the Reshapes
     * stay and change nothing, so DL4J's import still finds every layer the weights file names.
     */
    KerasModelConfig withIdInputs(KerasModelConfig model) {
        if (idInputs.isEmpty()) return model;
        List<KerasLayerSpec> layers = new ArrayList<>();
        for (KerasLayerSpec l : model.layers()) {
            Integer steps = idInputs.get(l.name());
            layers.add(steps == null ? l : new KerasLayerSpec(l.name(), l.className(), withShape(l.config(), steps), l.inputs()));
        }
        return new KerasModelConfig(model.name(), layers, model.inputs(), model.outputs());
    }

    /** {@code model} without those Reshapes: their Embeddings read the Input. */
    KerasModelConfig withoutReshapes(KerasModelConfig model) {
        if (reshapes.isEmpty()) return model;
        List<KerasLayerSpec> layers = new ArrayList<>();
        for (KerasLayerSpec l : model.layers()) {
            if (reshapes.containsKey(l.name())) continue;
            List<String> inputs = l.inputs().stream().map(in -> reshapes.getOrDefault(in, in)).toList();
            layers.add(new KerasLayerSpec(l.name(), l.className(), l.config(), inputs));
        }
        return new KerasModelConfig(model.name(), layers, model.inputs(), model.outputs());
    }

    /** The number of ids in one example, when every axis of the Input but one has size 1. */
    private static Optional<Integer> idsPerExample(KerasLayerSpec input) {
        JsonNode shape = input.config().path("batch_input_shape");
        int ids = 1;
        int longAxes = 0;
        for (int i = 1; i < shape.size(); i++) {
            JsonNode d = shape.get(i);
            if (!d.canConvertToInt() || d.asInt() < 1) return Optional.empty();
            if (d.asInt() > 1) longAxes++;
            ids *= d.asInt();
        }
        return shape.size() >= 2 && longAxes <= 1 ? Optional.of(ids) : Optional.empty();
    }

    /** True when the Reshape's target_shape is (steps,), written as such or as (-1,). */
    private static boolean targetIsSteps(KerasLayerSpec reshape, int steps) {
        JsonNode target = reshape.config().path("target_shape");
        if (!target.isArray() || target.size() != 1 || !target.get(0).canConvertToInt()) return false;
        int d = target.get(0).asInt();
        return d == steps || d == -1;
    }

    private static boolean feedsOnlyEmbeddings(KerasLayerSpec reshape, Map<String, List<KerasLayerSpec>> readers) {
        List<KerasLayerSpec> r = readers.getOrDefault(reshape.name(), List.of());
        return !r.isEmpty() && r.stream().allMatch(l -> l.className().equals("Embedding"));
    }

    private static JsonNode withShape(JsonNode config, int steps) {
        ObjectNode c = config.deepCopy();
        ArrayNode shape = c.putArray("batch_input_shape");
        shape.addNull().add(steps);
        return c;
    }
}
