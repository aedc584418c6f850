package io.layerlab.shape;

import io.layerlab.shape.LayerRule.Inferred;
import java.util.Map;

/**
 * Input, Dense, Output, Activation, Dropout, BatchNormalization and Flatten.
 * Multiply-adds count weight products; BatchNormalization adds one per value (scale and shift).
 */
final class CoreRules {
    private CoreRules() { }

    static void register(Map<String, LayerRule> rules) {
        rules.put("Input", CoreRules::input);
        rules.put("Dense", CoreRules::dense);
        rules.put("Output", CoreRules::dense);
        rules.put("Activation", CoreRules::activation);
        rules.put("Dropout", CoreRules::unchanged);
        rules.put("BatchNormalization", CoreRules::batchNormalization);
        rules.put("Flatten", CoreRules::flatten);
    }

    private static Inferred input(NodeContext n) {
        return new Inferred(TensorShape.fromList(n.params().ints("shape")), 0, 0);
    }

    /** n_in*units weights + units biases. */
    private static Inferred dense(NodeContext n) {
        if (!n.expectFeatures()) return null;
        long nIn = n.input().dim(0);
        long units = n.params().integer("units");
        return new Inferred(n.features(units), Sizes.add(Sizes.mul(nIn, units), units), Sizes.mul(nIn, units));
    }

    /** Shape unchanged, except maxout, which divides the last axis by its pieces. */
    private static Inferred activation(NodeContext n) {
        return n.params().string("function").equals(MaxoutRule.MAXOUT) ? MaxoutRule.activationNode(n) : unchanged(n);
    }

    private static Inferred unchanged(NodeContext n) {
        return new Inferred(n.input(), 0, 0);
    }

    /** gamma, beta, running mean and variance per feature or channel: 4*n (DL4J's count). */
    private static Inferred batchNormalization(NodeContext n) {
        TensorShape in = n.input();
        if (in.kind() == TensorShape.Kind.SEQUENCE) {
            n.error(DiagnosticCode.WRONG_INPUT_KIND, null,
                    n.label() + " is fed " + Words.shape(in) + ", but it normalises features or image channels",
                    "put it after a Dense or a Conv2D, or after a recurrent layer with returnSequences=false");
            return null;
        }
        return new Inferred(in, Sizes.mul(4, in.lastDim()), in.size());
    }

    private static Inferred flatten(NodeContext n) {
        TensorShape in = n.input();
        if (in.kind() == TensorShape.Kind.FEATURES) {
            n.warning(DiagnosticCode.WRONG_INPUT_KIND, null,
                    n.label() + " is fed " + Words.shape(in) + ", which are already flat; it changes nothing",
                    "remove it; Flatten is for images [h, w, c] and sequences [t, f]");
            return new Inferred(in, 0, 0);
        }
        TensorShape out = n.features(in.size());
        return out == null ? null : new Inferred(out, 0, 0);
    }
}
