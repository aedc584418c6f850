package io.layerlab.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Keras layer call of the generated script, {@code variable = layers.ClassName(config)(inputs)},
 * as data, so that the script and the parameter count are made from the same list.
 *
 * @param variable  the Python variable that receives the output (null for a layer wrapped in another)
 * @param className the Keras class: "Input" for {@code keras.Input}, else a class of {@code keras.layers}
 * @param config    the constructor's arguments in order, by Keras' argument names; values are
 *                  Integer, Double, Boolean, String, List of Integer (a tuple), {@link Python.Code},
 *                  or a KerasLayer (the layer inside TimeDistributed)
 * @param inputs    the variables fed to the layer, in order; one for most layers, several for merges
 */
record KerasLayer(String variable, String className, Map<String, Object> config, List<String> inputs) {
    KerasLayer {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        inputs = List.copyOf(inputs);
    }

    /** The layer's Keras name, or null for a wrapped layer. */
    String name() { return (String) config.get("name"); }

    int integer(String key) { return ((Number) config.get(key)).intValue(); }

    boolean flag(String key) { return Boolean.TRUE.equals(config.get(key)); }

    String string(String key) { return (String) config.get(key); }

    @SuppressWarnings("unchecked")
    List<Integer> ints(String key) { return (List<Integer>) config.get(key); }

    KerasLayer wrapped() { return (KerasLayer) config.get("layer"); }
}
