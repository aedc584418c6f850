package io.layerlab.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.layerlab.train.TrainingSpec;
import java.util.List;
import java.util.Map;

/**
 * What a Keras model's training_config says about training, in LayerLab's terms: the loss of each
 * output and the optimiser with its learning rate. Whatever is absent or has no LayerLab
 * counterpart falls back to LayerLab's defaults, with a note.
 */
final class KerasTraining {
    private static final Map<String, String> LOSSES = Map.ofEntries(
            Map.entry("categorical_crossentropy", "mcxent"), Map.entry("sparse_categorical_crossentropy", "mcxent"),
            Map.entry("categoricalcrossentropy", "mcxent"), Map.entry("sparsecategoricalcrossentropy", "mcxent"),
            Map.entry("binary_crossentropy", "xent"), Map.entry("binarycrossentropy", "xent"),
            Map.entry("mse", "mse"), Map.entry("mean_squared_error", "mse"), Map.entry("meansquarederror", "mse"),
            Map.entry("mae", "mae"), Map.entry("mean_absolute_error", "mae"), Map.entry("meanabsoluteerror", "mae"));

    private final JsonNode config;
    private final List<String> notes;

    /** @param config the parsed training_config, or null when the model was saved without one */
    KerasTraining(JsonNode config, List<String> notes) {
        this.config = config;
        this.notes = notes;
    }

    /** The loss of the output layer {@code output} ({@code index} among the model's outputs), given its activation. */
    String loss(String output, int index, String activation) {
        JsonNode loss = config == null ? null : config.get("loss");
        if (loss != null && loss.isObject() && loss.has(output)) loss = loss.get(output);
        else if (loss != null && loss.isArray() && index < loss.size()) loss = loss.get(index);
        String name = loss == null || loss.isNull() ? null
                : loss.isTextual() ? loss.asText() : loss.path("class_name").asText(null);
        if (name != null) {
            String ours = LOSSES.get(name.toLowerCase(java.util.Locale.ROOT));
            if (ours != null) return ours;
            notes.add("the loss '" + name + "' of output '" + output + "' has no LayerLab counterpart; it uses " + defaultLoss(activation));
        }
        return defaultLoss(activation);
    }

    private static String defaultLoss(String activation) {
        return switch (activation) {
            case "softmax" -> "mcxent";
            case "sigmoid" -> "xent";
            default -> "mse";
        };
    }

    /** LayerLab's training section: the Keras optimiser and learning rate where they have a counterpart, defaults otherwise. */
    TrainingSpec training() {
        TrainingSpec spec = TrainingSpec.defaults();
        JsonNode optimizer = config == null ? null : config.get("optimizer_config");
        if (optimizer == null || optimizer.isNull()) {
            notes.add("the model was saved without its training settings; the project uses LayerLab's defaults (adam, learning rate "
                    + spec.learningRate() + ")");
            return spec;
        }
        String kind = optimizer.path("class_name").asText("");
        JsonNode options = optimizer.path("config");
        String ours = switch (kind.toLowerCase(java.util.Locale.ROOT)) {
            case "adam" -> "adam";
            case "rmsprop" -> "rmsprop";
            case "sgd" -> {
                double momentum = options.path("momentum").asDouble(0);
                if (momentum == 0) yield "sgd";
                if (momentum != 0.9) notes.add("SGD momentum " + momentum + " becomes LayerLab's 0.9");
                yield options.path("nesterov").asBoolean(false) ? "nesterov" : "momentum";
            }
            default -> {
                notes.add("the optimiser " + kind + " has no LayerLab counterpart; the project uses adam");
                yield "adam";
            }
        };
        spec = spec.withOptimizer(ours);
        JsonNode rate = options.has("learning_rate") ? options.get("learning_rate") : options.get("lr");
        if (rate != null && rate.isNumber() && rate.asDouble() > 0) {
            spec = spec.withLearningRate(rate.asDouble());
        } else {
            notes.add("the learning rate (" + rate + ") is not a fixed number; the project uses " + spec.learningRate());
        }
        return spec;
    }
}
