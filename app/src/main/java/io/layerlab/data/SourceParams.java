package io.layerlab.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A source's parameters after checking: every parameter the source declares, each either the
 * project's value converted to its type or the default.
 */
public final class SourceParams {
    private final Map<String, Object> values;

    SourceParams(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public int intValue(String name) { return ((Number) require(name)).intValue(); }

    public double doubleValue(String name) { return ((Number) require(name)).doubleValue(); }

    /** Name to value, in the order the source declares its parameters. */
    public Map<String, Object> asMap() { return values; }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no parameter '" + name + "'; have " + values.keySet());
        return v;
    }

    @Override public String toString() { return values.toString(); }
}
