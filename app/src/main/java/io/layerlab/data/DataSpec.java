package io.layerlab.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The project's "data" section: which source, its parameters, the validation split and the
 * seed. {@code extras} keeps fields this version does not know, so re-saving loses nothing.
 */
public record DataSpec(String source, Map<String, Object> params, double validationSplit, long seed,
                       Map<String, Object> extras) {
    public DataSpec {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        extras = extras == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    public DataSpec(String source, Map<String, Object> params, double validationSplit, long seed) {
        this(source, params, validationSplit, seed, Map.of());
    }

    public Object param(String name, Object fallback) {
        Object v = params.get(name);
        return v == null ? fallback : v;
    }
}
