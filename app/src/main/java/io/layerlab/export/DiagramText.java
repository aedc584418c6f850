package io.layerlab.export;

import io.layerlab.graph.Node;
import io.layerlab.shape.LayerInfo;
import io.layerlab.shape.ShapeReport;
import java.util.ArrayList;
import java.util.List;

/** The short text lines of a node's box: its key settings, and what comes out of it. */
final class DiagramText {
    static final String SEPARATOR = " · ";

    private DiagramText() { }

    /** "64 units · relu", "16 filters 3×3 stride 2 · same · relu", "rate 0.25", ... */
    static String settings(Node n) {
        List<String> parts = new ArrayList<>();
        switch (n.type()) {
            case "Input" -> parts.add("shape " + dims(p(n, "shape"), "×"));
            case "Dense", "SimpleRNN", "LSTM", "GRU" -> {
                parts.add(Text.count(((Number) p(n, "units")).longValue(), "unit"));
                parts.add(activation(n));
                if (!n.type().equals("Dense")) parts.add(Boolean.TRUE.equals(p(n, "returnSequences")) ? "all steps" : "last step");
            }
            case "Output", "SequenceOutput" -> {
                parts.add(Text.count(((Number) p(n, "units")).longValue(), "unit"));
                parts.add(activation(n));
                parts.add(String.valueOf(p(n, "loss")));
            }
            case "Conv2D" -> {
                parts.add(Text.count(((Number) p(n, "filters")).longValue(), "filter") + " " + dims(p(n, "kernel"), "×") + stride(n));
                parts.add(String.valueOf(p(n, "padding")));
                parts.add(activation(n));
            }
            case "MaxPooling2D", "AveragePooling2D" -> {
                parts.add(dims(p(n, "pool"), "×") + stride(n));
                parts.add(String.valueOf(p(n, "padding")));
            }
            case "Dropout" -> parts.add("rate " + number(p(n, "rate")));
            case "Activation" -> {
                String fn = String.valueOf(p(n, "function"));
                parts.add(fn.equals("leakyrelu") || fn.equals("elu") ? fn + " α " + number(p(n, "alpha"))
                        : fn.equals("maxout") ? fn + " " + p(n, "pieces") + " pieces" : fn);
            }
            case "Embedding" -> parts.add(p(n, "vocabulary") + " tokens → " + p(n, "units"));
            case "SelfAttention" -> parts.add(p(n, "heads") + " heads × " + p(n, "headSize"));
            default -> { }
        }
        if (Boolean.TRUE.equals(n.param("frozen"))) parts.add("frozen");
        return String.join(SEPARATOR, parts);
    }

    /** A layer's activation: "relu", or "maxout 4 pieces". */
    private static String activation(Node n) {
        String fn = String.valueOf(p(n, "activation"));
        return fn.equals("maxout") ? fn + " " + p(n, "pieces") + " pieces" : fn;
    }

    /** "→ 28×28×8 · 80 params", or "→ ?" where the shape is unknown. */
    static String output(Node n, ShapeReport report) {
        LayerInfo info = report.info(n.id()).orElse(null);
        String shape = info == null || info.output() == null ? "?" : info.output().label();
        long params = info == null ? 0 : info.params();
        return "→ " + shape + (params == 0 ? "" : SEPARATOR + Text.count(params, "param"));
    }

    private static Object p(Node n, String name) { return NetworkPlan.param(n, name); }

    private static String stride(Node n) {
        Object s = p(n, "stride");
        if (s instanceof List<?> list && list.stream().allMatch(v -> v instanceof Number k && k.intValue() == 1)) return "";
        if (s instanceof List<?> list && list.size() == 2 && list.get(0).equals(list.get(1))) return " stride " + list.get(0);
        return " stride " + dims(s, "×");
    }

    private static String dims(Object list, String joiner) {
        if (!(list instanceof List<?> values)) return String.valueOf(list);
        return String.join(joiner, values.stream().map(String::valueOf).toList());
    }

    private static String number(Object v) {
        return v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e9
                ? String.valueOf((long) n.doubleValue()) : String.valueOf(v);
    }
}
