package io.layerlab.shape;

import io.layerlab.shape.LayerRule.Inferred;
import java.util.List;
import java.util.Map;

/** Add (identical shapes) and Concatenate (along the last axis, the other dimensions equal). */
final class MergeRules {
    private MergeRules() { }

    static void register(Map<String, LayerRule> rules) {
        rules.put("Add", MergeRules::add);
        rules.put("Concatenate", MergeRules::concatenate);
    }

    private static Inferred add(NodeContext n) {
        TensorShape first = n.input();
        for (TensorShape s : n.inputs()) {
            if (!s.equals(first)) {
                n.error(DiagnosticCode.SHAPE_MISMATCH, null,
                        n.label() + " needs inputs of identical shape, but gets " + listInputs(n), addHint(n));
                return null;
            }
        }
        return new Inferred(first, 0, 0);
    }

    private static String addHint(NodeContext n) {
        TensorShape first = n.input();
        boolean sameKind = n.inputs().stream().allMatch(s -> s.kind() == first.kind());
        if (sameKind && first.kind() == TensorShape.Kind.FEATURES) {
            return "give every branch " + first.dim(0) + " features (e.g. a Dense with " + first.dim(0)
                    + " units on the branch that differs), or join them with Concatenate";
        }
        if (sameKind && first.kind() == TensorShape.Kind.IMAGE && sameExceptLast(n.inputs())) {
            return "give every branch " + first.channels() + " channels (e.g. a Conv2D with " + first.channels()
                    + " filters and padding same), or join them with Concatenate";
        }
        return "make every branch " + first.label() + ", or join them with Concatenate";
    }

    private static Inferred concatenate(NodeContext n) {
        TensorShape first = n.input();
        List<TensorShape> inputs = n.inputs();
        if (!inputs.stream().allMatch(s -> s.kind() == first.kind())) {
            n.error(DiagnosticCode.SHAPE_MISMATCH, null,
                    n.label() + " joins different kinds of input: " + listInputs(n),
                    "give every branch the same kind: Flatten or GlobalAveragePooling2D turns an image into features");
            return null;
        }
        if (!sameExceptLast(inputs)) {
            String what = first.kind() == TensorShape.Kind.IMAGE ? "height and width" : "number of time steps";
            n.error(DiagnosticCode.SHAPE_MISMATCH, null,
                    n.label() + " joins along the last axis, so every input needs the same " + what + ", but gets "
                            + listInputs(n),
                    first.kind() == TensorShape.Kind.IMAGE
                            ? "give every branch the same " + what + " (padding same, the same strides and pooling)"
                            : "give every branch the same number of time steps");
            return null;
        }
        long joined = 0;
        for (TensorShape s : inputs) joined = Sizes.add(joined, s.lastDim());
        TensorShape out = switch (first.kind()) {
            case FEATURES -> n.features(joined);
            case IMAGE -> n.image(first.height(), first.width(), joined);
            case SEQUENCE -> n.sequence(first.timeSteps(), joined);
        };
        return out == null ? null : new Inferred(out, 0, 0);
    }

    private static boolean sameExceptLast(List<TensorShape> shapes) {
        TensorShape first = shapes.get(0);
        for (TensorShape s : shapes) {
            if (s.kind() != first.kind()) return false;
            for (int d = 0; d < first.rank() - 1; d++) if (s.dim(d) != first.dim(d)) return false;
        }
        return true;
    }

    /** "'a' 64, 'b' 32". */
    private static String listInputs(NodeContext n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n.inputs().size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append('\'').append(n.sources().get(i).id()).append("' ").append(n.inputs().get(i).label());
        }
        return sb.toString();
    }
}
