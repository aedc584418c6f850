package io.layerlab.compile;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;

/**
 * The SelfAttention node as DL4J's {@link SelfAttentionLayer} with learned projections: query,
 * key and value projections of each step's f features to heads*headSize (no biases), scaled
 * dot-product attention per head, and an output projection back to f features, so [t, f] gives
 * [t, f] and the layer can sit inside a residual Add. Weights: 4*f*heads*headSize.
 */
final class SelfAttention {
    private SelfAttention() { }

    static Layer layer(int heads, int headSize, InputType input) {
        if (!(input instanceof InputType.InputTypeRecurrent sequence)) {
            throw new IllegalArgumentException("self-attention takes a sequence, not " + input);
        }
        return new SelfAttentionLayer.Builder()
                .nOut(Math.toIntExact(sequence.getSize()))
                .nHeads(heads)
                .headSize(headSize)
                .projectInput(true)
                .build();
    }
}
