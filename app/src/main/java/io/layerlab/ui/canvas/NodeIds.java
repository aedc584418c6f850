package io.layerlab.ui.canvas;

import io.layerlab.catalog.Catalog;
import io.layerlab.catalog.ParamSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ids and starting parameters for nodes the canvas creates. Plain logic, no JavaFX. */
public final class NodeIds {
    private NodeIds() { }

    /**
     * The prefix of a new node's id: the type name ("dense" for dense1), except that an
     * Activation node is named after its function ("relu1"), which says more on the canvas.
     */
    public static String prefixFor(String type, Map<String, Object> params) {
        if (type.equals("Activation")) {
            Object fn = params.get("function");
            if (fn instanceof String s && Catalog.activation(s).isPresent()) return s;
        }
        return type;
    }

    /**
     * Parameters of a newly placed node: the catalog's defaults, overridden by {@code given}. An
     * Activation node carries its function and that function's own parameters only (a ReLU has
     * no alpha).
     *
     * @throws IllegalArgumentException for a type the catalog does not know, listing valid ones
     */
    public static Map<String, Object> defaultParams(String type, Map<String, Object> given) {
        var kind = Catalog.layer(type).orElseThrow(() -> new IllegalArgumentException(
                "unknown layer type '" + type + "'; valid types: " + String.join(", ", Catalog.layerTypes())));
        Map<String, Object> params = new LinkedHashMap<>();
        if (type.equals("Activation")) {
            Object fn = given.getOrDefault("function", kind.param("function").orElseThrow().defaultValue());
            params.put("function", fn);
            Catalog.activation(String.valueOf(fn)).ifPresent(a -> {
                for (ParamSpec p : a.params()) params.put(p.name(), p.defaultValue());
            });
        } else {
            for (ParamSpec p : kind.params()) params.put(p.name(), p.defaultValue());
        }
        params.putAll(given);
        return params;
    }
}
