package io.layerlab.ui.canvas;

import io.layerlab.catalog.ActivationKind;
import io.layerlab.catalog.Catalog;
import io.layerlab.catalog.ParamSpec;
import io.layerlab.graph.Node;
import io.layerlab.shape.TensorShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The words a node's view shows: its key parameters ("64 units", "16 filters 3×3 same",
 * "rate 0.5"), its activation's name and compact parameter counts. Plain logic, no JavaFX.
 */
public final class NodeCaptions {
    private NodeCaptions() { }

    /** The parameters that tell this node apart from others of its type; empty when none do. */
    public static String keyParams(Node node) {
        Map<String, Object> p = node.params();
        String type = node.type();
        List<String> parts = new ArrayList<>();
        switch (type) {
            case "Input" -> parts.add(inputShape(value(node, "shape")));
            case "Dense" -> parts.add(value(node, "units") + " units");
            case "Output", "SequenceOutput" -> {
                parts.add(value(node, "units") + " units");
                parts.add(value(node, "loss") + " loss");
            }
            case "Conv2D" -> {
                parts.add(value(node, "filters") + " filters " + dims(value(node, "kernel")) + " " + value(node, "padding"));
                if (!isOnes(value(node, "stride"))) parts.add("stride " + dims(value(node, "stride")));
            }
            case "MaxPooling2D", "AveragePooling2D" -> {
                String pool = dims(value(node, "pool"));
                String stride = dims(value(node, "stride"));
                parts.add(pool + (stride.equals(pool) ? "" : " stride " + stride) + " " + value(node, "padding"));
            }
            case "Dropout" -> parts.add("rate " + number(value(node, "rate")));
            case "SimpleRNN", "LSTM", "GRU" -> {
                parts.add(value(node, "units") + " units");
                if (Boolean.TRUE.equals(value(node, "returnSequences"))) parts.add("all steps");
            }
            case "Embedding" -> parts.add("vocabulary " + value(node, "vocabulary") + " → " + value(node, "units"));
            case "SelfAttention" -> parts.add(value(node, "heads") + " heads × " + value(node, "headSize"));
            case "Activation" -> {
                String fn = String.valueOf(value(node, "function"));
                Catalog.activation(fn).ifPresent(a -> {
                    for (ParamSpec s : a.params()) {
                        Object v = value(node, s.name());
                        if (v != null) parts.add(s.name() + " " + number(v));
                    }
                });
            }
            default -> {
                // Unknown or parameterless layers (Flatten, pooling, merges): nothing to tell apart.
            }
        }
        if (Boolean.TRUE.equals(p.get("frozen"))) parts.add("frozen");
        return String.join(" · ", parts);
    }

    /**
     * Display name of the activation the node applies ("ReLU"): an Activation node's function or a
     * layer's own {@code activation} parameter; null when it has none.
     */
    public static String activationName(Node node) {
        String param = node.type().equals("Activation") ? "function" : "activation";
        boolean declares = Catalog.layer(node.type()).flatMap(k -> k.param(param)).isPresent();
        if (!declares && node.param(param) == null) return null;
        Object fn = value(node, param);
        if (fn == null) return null;
        return Catalog.activation(String.valueOf(fn)).map(ActivationKind::displayName).orElse(String.valueOf(fn));
    }

    /** "0", "4,160", "12.3K", "1.2M". */
    public static String paramCount(long n) {
        if (n < 10_000) return String.format(Locale.ROOT, "%,d", n);
        if (n < 1_000_000) return trim(String.format(Locale.ROOT, "%.1f", n / 1_000.0)) + "K";
        if (n < 1_000_000_000) return trim(String.format(Locale.ROOT, "%.1f", n / 1_000_000.0)) + "M";
        return trim(String.format(Locale.ROOT, "%.1f", n / 1_000_000_000.0)) + "B";
    }

    /** "1 param", "4,160 params". */
    public static String paramCountLabel(long n) {
        return paramCount(n) + (n == 1 ? " param" : " params");
    }

    private static String trim(String decimal) {
        return decimal.endsWith(".0") ? decimal.substring(0, decimal.length() - 2) : decimal;
    }

    private static Object value(Node node, String name) {
        return Catalog.effectiveParam(node.type(), node.params(), name);
    }

    private static String inputShape(Object shape) {
        if (shape instanceof List<?> list && !list.isEmpty() && list.size() <= 3 && list.stream().allMatch(Integer.class::isInstance)) {
            @SuppressWarnings("unchecked")
            TensorShape s = TensorShape.fromList((List<Integer>) list);
            return switch (s.kind()) {
                case FEATURES -> s.label() + (s.dim(0) == 1 ? " feature" : " features");
                case IMAGE -> s.label() + " image";
                case SEQUENCE -> s.dim(0) + " steps × " + s.dim(1);
            };
        }
        return "shape " + Objects.toString(shape);
    }

    private static String dims(Object list) {
        if (list instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) parts.add(String.valueOf(o));
            return String.join("×", parts);
        }
        return String.valueOf(list);
    }

    private static boolean isOnes(Object list) {
        return list instanceof List<?> l && l.stream().allMatch(o -> o instanceof Number n && n.intValue() == 1);
    }

    private static String number(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e9) return String.valueOf(d.longValue());
        return String.valueOf(v);
    }
}
