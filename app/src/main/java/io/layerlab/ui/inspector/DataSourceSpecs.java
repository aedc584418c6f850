package io.layerlab.ui.inspector;

import static io.layerlab.catalog.ParamSpec.decimal;
import static io.layerlab.catalog.ParamSpec.integer;

import io.layerlab.catalog.ParamSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data sources the inspector offers and each one's parameters. */
final class DataSourceSpecs {
    private DataSourceSpecs() { }

    static List<String> names() { return List.of("xor", "circles", "spiral", "moons", "blobs", "sine", "iris"); }

    static List<ParamSpec> params(String source) {
        ParamSpec samples = integer("samples", 400, 10, 1_000_000, "Number of examples");
        ParamSpec noise = decimal("noise", 0.1, 0, 1, false, false, "Random jitter added to each point");
        ParamSpec classes = integer("classes", 3, 2, 10, "Number of classes");
        return switch (source == null ? "" : source) {
            case "xor", "circles", "moons", "sine" -> List.of(samples, noise);
            case "spiral", "blobs" -> List.of(samples, noise, classes);
            default -> List.of();
        };
    }

    static Map<String, Object> defaultParams(String source) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec p : params(source)) out.put(p.name(), p.defaultValue());
        return out;
    }
}
