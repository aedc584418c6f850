package io.layerlab.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.layerlab.catalog.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps one Keras layer to a LayerLab node type and parameters. Layer types share their names with
 * Keras, so the work is in the settings: each one LayerLab cannot express (no bias, dilation,
 * channels-first data, a capped ReLU...) is reported by name rather than silently changed.
 */
final class LayerMapper {
    /** The Keras layer classes LayerLab can import, as named in messages. */
    static final List<String> SUPPORTED = List.of("InputLayer", "Dense", "Activation", "ReLU", "LeakyReLU", "PReLU", "ELU",
            "Softmax", "Dropout", "Flatten", "Conv2D", "MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling2D",
            "BatchNormalization", "SimpleRNN", "LSTM", "GRU (reset_after=False)", "Embedding",
            "Reshape (of an Input's token ids, only to feed Embeddings)", "Add", "Concatenate");

    /** Keras activation names and LayerLab's. */
    private static final Map<String, String> ACTIVATIONS = Map.of("linear", "linear", "relu", "relu", "sigmoid", "sigmoid",
            "tanh", "tanh", "softmax", "softmax", "elu", "elu", "swish", "swish", "gelu", "gelu");

    /** A LayerLab node type with its parameters. */
    record Mapped(String type, Map<String, Object> params) { }

    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** Everything that stops the import, one line each, naming the layer. */
    List<String> problems() { return problems; }

    /** Things the person should know about the imported project. */
    List<String> notes() { return notes; }

    Optional<Mapped> map(KerasLayerSpec l) {
        int before = problems.size();
        Map<String, Object> p = new LinkedHashMap<>();
        String type = switch (l.className()) {
            case "InputLayer" -> input(l, p);
            case "Dense" -> dense(l, p);
            case "Activation" -> activationLayer(l, p);
            case "ReLU" -> relu(l, p);
            case "LeakyReLU" -> {
                p.put("function", "leakyrelu");
                p.put("alpha", number(l, l.config().has("negative_slope") ? "negative_slope" : "alpha", 0.3));
                yield "Activation";
            }
            case "ELU" -> {
                p.put("function", "elu");
                p.put("alpha", number(l, "alpha", 1.0));
                yield "Activation";
            }
            case "PReLU" -> {
                JsonNode shared = l.config().get("shared_axes");
                if (shared != null && !shared.isNull()) problem(l, "shared_axes=" + shared + " is not supported (LayerLab learns one slope per value)");
                p.put("function", "prelu");
                yield "Activation";
            }
            case "Softmax" -> {
                lastAxis(l, "axis", -1);
                p.put("function", "softmax");
                yield "Activation";
            }
            case "Dropout" -> {
                p.put("rate", number(l, "rate", 0.5));
                yield "Dropout";
            }
            case "Flatten" -> {
                channelsLast(l);
                yield "Flatten";
            }
            case "Conv2D" -> conv(l, p);
            case "MaxPooling2D", "AveragePooling2D" -> pooling(l, p);
            case "GlobalAveragePooling2D" -> {
                channelsLast(l);
                if (l.flag("keepdims", false)) problem(l, "keepdims=True is not supported (LayerLab's global pooling gives [c])");
                yield "GlobalAveragePooling2D";
            }
            case "BatchNormalization" -> batchNorm(l);
            case "SimpleRNN", "LSTM", "GRU" -> recurrent(l, p);
            case "Embedding" -> embedding(l, p);
            case "Add" -> "Add";
            case "Concatenate" -> {
                lastAxis(l, "axis", -1);
                yield "Concatenate";
            }
            default -> {
                problems.add(l.label() + " is not supported");
                yield null;
            }
        };
        if (type == null || problems.size() > before) return Optional.empty();
        if (!l.flag("trainable", true)) frozen(l, type, p);
        return Optional.of(new Mapped(type, p));
    }

    /** A layer Keras keeps fixed (trainable=False) becomes a frozen node, where LayerLab's layer can be frozen. */
    private void frozen(KerasLayerSpec l, String type, Map<String, Object> p) {
        boolean canFreeze = Catalog.layer(type).map(k -> k.params().stream().anyMatch(s -> s.name().equals("frozen"))).orElse(false);
        if (canFreeze) {
            p.put("frozen", true);
            notes.add(l.label() + " is not trainable in Keras, so it is marked frozen: training keeps its weights");
        } else if (type.equals("Activation") && "prelu".equals(p.get("function"))) {
            notes.add(l.label() + " is not trainable in Keras, but LayerLab cannot freeze a PReLU activation: its slopes will learn");
        }
    }

    private String input(KerasLayerSpec l, Map<String, Object> p) {
        JsonNode shape = l.config().path("batch_input_shape");
        List<Integer> dims = new ArrayList<>();
        for (int i = 1; i < shape.size(); i++) {
            JsonNode d = shape.get(i);
            if (d.isNull() || !d.canConvertToInt() || d.asInt() < 1) {
                problem(l, "has a dimension of unknown size (" + shape + "); LayerLab needs fixed shapes");
                return null;
            }
            dims.add(d.asInt());
        }
        if (dims.isEmpty() || dims.size() > 3) {
            problem(l, "takes inputs of shape " + shape + "; LayerLab takes [n] features, [t, f] sequences or [h, w, c] images");
            return null;
        }
        p.put("shape", dims);
        return "Input";
    }

    private String dense(KerasLayerSpec l, Map<String, Object> p) {
        p.put("units", integer(l, "units"));
        p.put("activation", activation(l, l.text("activation", "linear")));
        requireBias(l);
        return "Dense";
    }

    private String activationLayer(KerasLayerSpec l, Map<String, Object> p) {
        p.put("function", activation(l, l.text("activation", "linear")));
        return "Activation";
    }

    private String relu(KerasLayerSpec l, Map<String, Object> p) {
        JsonNode max = l.config().get("max_value");
        if (max != null && !max.isNull()) problem(l, "max_value=" + max + " is not supported (LayerLab's ReLU is not capped)");
        if (number(l, "threshold", 0) != 0) problem(l, "a threshold other than 0 is not supported");
        double slope = number(l, "negative_slope", 0);
        p.put("function", slope == 0 ? "relu" : "leakyrelu");
        if (slope != 0) p.put("alpha", slope);
        return "Activation";
    }

    private String conv(KerasLayerSpec l, Map<String, Object> p) {
        channelsLast(l);
        requireBias(l);
        if (!ones(l.config().get("dilation_rate"))) problem(l, "dilation_rate=" + l.config().get("dilation_rate") + " is not supported");
        if (l.config().path("groups").asInt(1) != 1) problem(l, "groups=" + l.config().get("groups") + " is not supported");
        p.put("filters", integer(l, "filters"));
        p.put("kernel", pair(l, "kernel_size", null));
        p.put("stride", pair(l, "strides", List.of(1, 1)));
        p.put("padding", padding(l));
        p.put("activation", activation(l, l.text("activation", "linear")));
        return "Conv2D";
    }

    private String pooling(KerasLayerSpec l, Map<String, Object> p) {
        channelsLast(l);
        List<Integer> pool = pair(l, "pool_size", List.of(2, 2));
        p.put("pool", pool);
        p.put("stride", pair(l, "strides", pool));
        p.put("padding", padding(l));
        return l.className();
    }

    private String batchNorm(KerasLayerSpec l) {
        JsonNode axis = l.config().get("axis");
        int a = axis == null ? -1 : axis.isArray() && axis.size() == 1 ? axis.get(0).asInt() : axis.isInt() ? axis.asInt() : 0;
        if (a == 0 || (axis != null && axis.isArray() && axis.size() != 1)) {
            problem(l, "normalises over axis " + axis + "; LayerLab normalises each feature or channel (the last axis)");
        } else if (a != -1) {
            notes.add(l.label() + " normalises axis " + a + "; LayerLab normalises the last axis (features or channels), the usual case");
        }
        if (!l.flag("center", true) || !l.flag("scale", true)) problem(l, "center=False or scale=False is not supported");
        return "BatchNormalization";
    }

    private String recurrent(KerasLayerSpec l, Map<String, Object> p) {
        requireBias(l);
        for (String unsupported : List.of("stateful", "go_backwards", "return_state")) {
            if (l.flag(unsupported, false)) problem(l, unsupported + "=True is not supported");
        }
        p.put("units", integer(l, "units"));
        p.put("activation", activation(l, l.text("activation", "tanh")));
        p.put("returnSequences", l.flag("return_sequences", false));
        if (l.className().equals("GRU") && l.flag("reset_after", true)) {
            problem(l, "reset_after=True is not supported: LayerLab's GRU is Keras' GRU(reset_after=False), which applies the reset "
                    + "gate before the recurrent weights and has one bias per gate; rebuild and train the layer with reset_after=False");
        }
        if (l.className().equals("LSTM") || l.className().equals("GRU")) {
            String gates = l.text("recurrent_activation", "sigmoid");
            if (!gates.equals("sigmoid")) {
                notes.add(l.label() + " uses " + gates + " gates; LayerLab's " + l.className() + " uses sigmoid gates, so outputs differ");
            }
        }
        return l.className();
    }

    private String embedding(KerasLayerSpec l, Map<String, Object> p) {
        if (l.flag("mask_zero", false)) problem(l, "mask_zero=True is not supported (LayerLab's sequences have no padding masks)");
        p.put("vocabulary", integer(l, "input_dim"));
        p.put("units", integer(l, "output_dim"));
        return "Embedding";
    }

    private void requireBias(KerasLayerSpec l) {
        if (!l.flag("use_bias", true)) problem(l, "use_bias=False is not supported (LayerLab's " + l.className() + " always has a bias)");
    }

    private void channelsLast(KerasLayerSpec l) {
        String format = l.text("data_format", "channels_last");
        if (!format.equals("channels_last")) problem(l, "data_format=" + format + " is not supported (LayerLab's images are channels last)");
    }

    private void lastAxis(KerasLayerSpec l, String field, int fallback) {
        JsonNode axis = l.config().get(field);
        int a = axis == null || axis.isNull() ? fallback : axis.asInt();
        if (a != -1) problem(l, field + "=" + a + " is not supported (LayerLab works along the last axis)");
    }

    private String padding(KerasLayerSpec l) {
        String padding = l.text("padding", "valid");
        if (!padding.equals("valid") && !padding.equals("same")) problem(l, "padding=" + padding + " is not supported (valid or same)");
        return padding;
    }

    private String activation(KerasLayerSpec l, String keras) {
        String ours = ACTIVATIONS.get(keras);
        if (ours == null) {
            problem(l, "activation '" + keras + "' is not supported; LayerLab's: " + String.join(", ", ACTIVATIONS.keySet().stream().sorted().toList()));
            return keras;
        }
        return ours;
    }

    private int integer(KerasLayerSpec l, String field) {
        JsonNode v = l.config().get(field);
        if (v == null || !v.canConvertToInt() || v.asInt() < 1) {
            problem(l, field + " is missing or not a positive whole number (" + v + ")");
            return 1;
        }
        return v.asInt();
    }

    private double number(KerasLayerSpec l, String field, double fallback) {
        JsonNode v = l.config().get(field);
        if (v == null || v.isNull()) return fallback;
        if (!v.isNumber()) {
            problem(l, field + " is not a number (" + v + ")");
            return fallback;
        }
        return v.asDouble();
    }

    private List<Integer> pair(KerasLayerSpec l, String field, List<Integer> fallback) {
        JsonNode v = l.config().get(field);
        if (v == null || v.isNull()) {
            if (fallback == null) problem(l, field + " is missing");
            return fallback == null ? List.of(1, 1) : fallback;
        }
        if (v.canConvertToInt()) return List.of(v.asInt(), v.asInt());
        if (v.isArray() && v.size() == 2 && v.get(0).canConvertToInt() && v.get(1).canConvertToInt()) {
            return List.of(v.get(0).asInt(), v.get(1).asInt());
        }
        problem(l, field + " must be two whole numbers, was " + v);
        return List.of(1, 1);
    }

    private static boolean ones(JsonNode v) {
        if (v == null || v.isNull()) return true;
        if (v.canConvertToInt()) return v.asInt() == 1;
        for (JsonNode d : v) if (d.asInt() != 1) return false;
        return true;
    }

    private void problem(KerasLayerSpec l, String what) {
        problems.add(l.label() + ": " + what);
    }
}
