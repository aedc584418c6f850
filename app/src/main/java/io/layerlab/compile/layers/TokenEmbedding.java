package io.layerlab.compile.layers;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.nd4j.linalg.activations.impl.ActivationIdentity;

/**
 * DL4J's EmbeddingSequenceLayer, token ids [batch, 1, t] to vectors [batch, units, t], without
 * bias (vocabulary*units weights, as Keras counts them). DL4J's graph builder overwrites a
 * sequence layer's nIn with the input's feature count, which for this layer is 1 and not the
 * vocabulary; this subclass keeps the vocabulary it was given.
 */
public class TokenEmbedding extends EmbeddingSequenceLayer {
    /** For Jackson, which rebuilds the layer from DL4J's JSON. */
    public TokenEmbedding() { }

    /** @param steps the number of token ids per example */
    public static TokenEmbedding of(int vocabulary, int units, int steps) {
        TokenEmbedding layer = new TokenEmbedding();
        layer.setNIn(vocabulary);
        layer.setNOut(units);
        layer.setHasBias(false);
        layer.setInputLength(steps);
        layer.setInferInputLength(false);
        layer.setActivationFn(new ActivationIdentity());
        return layer;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (getNIn() <= 0) super.setNIn(inputType, override);
    }
}
