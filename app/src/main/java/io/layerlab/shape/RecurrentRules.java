package io.layerlab.shape;

import io.layerlab.shape.LayerRule.Inferred;
import io.layerlab.graph.Node;
import java.util.Map;

/**
 * SimpleRNN, LSTM, GRU, Embedding, SelfAttention and SequenceOutput. Recurrent layers count
 * their per-step multiply-adds times the number of steps. GRU is LayerLab's own DL4J layer, the
 * Keras cell with reset_after=False (one bias per gate); Embedding is DL4J's
 * EmbeddingSequenceLayer without bias; SelfAttention is DL4J's SelfAttentionLayer with
 * projections, no biases, and an output projection back to the input's features.
 */
final class RecurrentRules {
    private RecurrentRules() { }

    static void register(Map<String, LayerRule> rules) {
        rules.put("SimpleRNN", n -> recurrent(n, 1));
        rules.put("LSTM", n -> recurrent(n, 4));
        rules.put("GRU", n -> recurrent(n, 3));
        rules.put("Embedding", RecurrentRules::embedding);
        rules.put("SelfAttention", RecurrentRules::selfAttention);
        rules.put("SequenceOutput", RecurrentRules::sequenceOutput);
    }

    /**
     * gates*(n_in*u + u*u + u): one input matrix, one recurrent matrix and one bias per gate
     * (SimpleRNN 1, GRU 3, LSTM 4; DL4J's LSTM has no peepholes). returnSequences=false keeps
     * the last step (DL4J LastTimeStep).
     */
    private static Inferred recurrent(NodeContext n, int gates) {
        if (!n.expectSequence()) return null;
        long steps = n.input().timeSteps();
        long nIn = n.input().lastDim();
        long units = n.params().integer("units");
        long perGateProducts = Sizes.add(Sizes.mul(nIn, units), Sizes.mul(units, units));
        long params = Sizes.mul(gates, Sizes.add(perGateProducts, units));
        long macs = Sizes.mul(steps, gates, perGateProducts);
        TensorShape out = n.params().bool("returnSequences") ? n.sequence(steps, units) : n.features(units);
        return out == null ? null : new Inferred(out, params, macs);
    }

    /**
     * Token ids to vectors: a sequence [t, 1] of ids gives [t, units]; vocabulary*units weights
     * (DL4J's EmbeddingSequenceLayer without bias, Keras' Embedding). The ids are data, not
     * activations, and no gradient flows back through a lookup, so it must be fed by an Input.
     */
    private static Inferred embedding(NodeContext n) {
        TensorShape in = n.input();
        if (in.kind() != TensorShape.Kind.SEQUENCE || in.lastDim() != 1) {
            n.error(DiagnosticCode.WRONG_INPUT_KIND, null,
                    n.label() + " is fed " + Words.shape(in) + ", but it takes a sequence of token ids [t, 1]",
                    "give the Input the shape [t, 1]: one whole-number token id per step");
            return null;
        }
        Node source = n.sources().get(0);
        if (!source.type().equals("Input")) {
            n.error(DiagnosticCode.WRONG_INPUT_KIND, null,
                    n.label() + " is fed by " + Words.layer(source.type(), source.id()) + ", but it looks up token ids, which come straight from the data",
                    "wire an Input of shape [t, 1] into it");
            return null;
        }
        long units = n.params().integer("units");
        TensorShape out = n.sequence(in.timeSteps(), units);
        return out == null ? null : new Inferred(out, Sizes.mul(n.params().integer("vocabulary"), units), 0);
    }

    /**
     * Query, key and value projections to heads*headSize, and an output projection back to f:
     * 4*f*heads*headSize weights; the output keeps the input's shape [t, f].
     */
    private static Inferred selfAttention(NodeContext n) {
        if (!n.expectSequence()) return null;
        long steps = n.input().timeSteps();
        long f = n.input().lastDim();
        long heads = n.params().integer("heads");
        long projected = Sizes.mul(heads, n.params().integer("headSize"));
        long params = Sizes.mul(4, f, projected);
        long projections = Sizes.mul(steps, params);
        long attention = Sizes.mul(2, steps, steps, projected);
        return new Inferred(n.input(), params, Sizes.add(projections, attention));
    }

    /** A Dense applied at every step, with a loss: f*units + units; [t, f] gives [t, units]. */
    private static Inferred sequenceOutput(NodeContext n) {
        if (!n.expectSequence()) return null;
        long steps = n.input().timeSteps();
        long f = n.input().lastDim();
        long units = n.params().integer("units");
        TensorShape out = n.sequence(steps, units);
        return out == null ? null : new Inferred(out, Sizes.add(Sizes.mul(f, units), units), Sizes.mul(steps, f, units));
    }
}
