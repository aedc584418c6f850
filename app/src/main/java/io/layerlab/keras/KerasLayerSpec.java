package io.layerlab.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One layer of a Keras model as its model_config describes it.
 *
 * @param name      the layer's unique name ("dense_1")
 * @param className the Keras class ("Dense")
 * @param config    the layer's "config" object
 * @param inputs    names of the layers feeding it, in argument order (empty for an input layer)
 */
record KerasLayerSpec(String name, String className, JsonNode config, List<String> inputs) {
    KerasLayerSpec {
        inputs = List.copyOf(inputs);
    }

    /** A text field of the config, or {@code fallback} when absent or null. */
    String text(String field, String fallback) {
        JsonNode v = config.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    boolean flag(String field, boolean fallback) {
        JsonNode v = config.get(field);
        return v == null || v.isNull() ? fallback : v.asBoolean();
    }

    /** "layer 'dense_1' (Dense)": how messages name it. */
    String label() {
        return "layer '" + name + "' (" + className + ")";
    }
}
