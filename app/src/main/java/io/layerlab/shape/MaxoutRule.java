package io.layerlab.shape;

import io.layerlab.shape.LayerRule.Inferred;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Maxout, as an Activation node and as a layer's activation.
 *
 * <p>An Activation node with maxout keeps the largest of each group of {@code pieces} consecutive
 * values along the last axis (features, image channels, a sequence's features): [n] gives
 * [n/pieces], [h, w, c] gives [h, w, c/pieces], [t, f] gives [t, f/pieces]; no weights.
 *
 * <p>On Dense, Conv2D and Output the layer computes pieces times as many linear outputs and each
 * unit keeps the largest of its group: the output shape is the layer's own, its weights, biases
 * and multiply-adds are pieces times those of the plain layer.
 */
final class MaxoutRule {
    static final String MAXOUT = "maxout";
    /** Layers whose outputs are one weighted sum each, so widening them gives each unit its pieces. */
    static final Set<String> LAYERS = Set.of("Dense", "Conv2D", "Output");

    private MaxoutRule() { }

    /** The Activation node: the last axis divided by pieces; null after reporting a size it does not divide. */
    static Inferred activationNode(NodeContext n) {
        TensorShape in = n.input();
        int pieces = n.params().integer("pieces");
        long last = in.lastDim();
        if (last % pieces != 0) {
            String axis = in.kind() == TensorShape.Kind.IMAGE ? "channels" : "features";
            List<Integer> valid = divisors(last);
            long nearest = (last / pieces + 1) * pieces;
            String resize = "give the layer before it a multiple of " + pieces + " " + axis + " (" + nearest + ", for example)";
            String hint = valid.isEmpty() ? resize : "set pieces to " + orList(valid) + " (they divide " + last + "), or " + resize;
            n.error(DiagnosticCode.SHAPE_MISMATCH, "pieces",
                    n.label() + " splits " + last + " " + axis + " into groups of " + pieces + ", which does not divide them", hint);
            return null;
        }
        int[] dims = in.dims().clone();
        dims[dims.length - 1] = (int) (last / pieces);
        return new Inferred(TensorShape.fromList(toList(dims)), 0, 0);
    }

    /** A layer's own count made maxout: pieces times the weights and the work, the same output. */
    static Inferred layer(Inferred plain, int pieces) {
        return new Inferred(plain.output(), Sizes.mul(plain.params(), pieces), Sizes.mul(plain.multiplyAdds(), pieces));
    }

    /** Reports maxout chosen as the activation of a layer it does not fit; false then. */
    static boolean fitsLayer(NodeContext n) {
        if (LAYERS.contains(n.type())) return true;
        boolean output = n.type().equals("SequenceOutput");
        String why = output
                ? " computes its loss on its own outputs, so it cannot widen them into pieces"
                : " feeds its outputs back into itself at every step, so they cannot be split into pieces";
        String hint = output
                ? "choose another activation for it, and put an Activation node with function maxout before it"
                : "choose another activation for it (tanh is usual), and put an Activation node with function maxout after it";
        n.error(DiagnosticCode.INVALID_PARAM, "activation",
                n.label() + " cannot use maxout as its activation: it" + why
                        + "; maxout as a layer's activation is for Dense, Conv2D and Output", hint);
        return false;
    }

    /** Piece counts from 2 to 16 that divide {@code n}. */
    private static List<Integer> divisors(long n) {
        List<Integer> out = new ArrayList<>();
        for (int p = 2; p <= 16; p++) if (n % p == 0) out.add(p);
        return out;
    }

    /** "2, 3 or 6". */
    private static String orList(List<Integer> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(i == values.size() - 1 ? " or " : ", ");
            sb.append(values.get(i));
        }
        return sb.toString();
    }

    private static List<Integer> toList(int[] dims) {
        List<Integer> l = new ArrayList<>(dims.length);
        for (int d : dims) l.add(d);
        return l;
    }
}
