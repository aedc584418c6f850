package io.layerlab.keras;

import java.util.Map;
import java.util.TreeSet;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.layers.embeddings.KerasEmbedding;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's Keras Embedding, taking its one weight array under whatever name DL4J's import hands it
 * over. The import (1.0.0-M2.1) cuts the layer's name out of its weight names, so an Embedding
 * named "embed" (as in LayerLab's tokens-embedding sample and its Keras export) gives "dings"
 * for "embeddings", and DL4J's own layer then reports that it has no weights.
 */
public class KerasTokenEmbedding extends KerasEmbedding {
    /** The class name the importer gives Keras' Embedding layers in the model it hands DL4J. */
    static final String CLASS_NAME = "LayerLabEmbedding";

    /** The constructor DL4J's import calls for a registered layer class. */
    public KerasTokenEmbedding(Map<String, Object> layerConfig)
            throws InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
        super(layerConfig, false);
    }

    @Override
    public void setWeights(Map<String, INDArray> kerasWeights) throws InvalidKerasConfigurationException {
        if (kerasWeights.size() != 1) {
            throw new InvalidKerasConfigurationException("Embedding layer '" + layerName + "' has weights "
                    + new TreeSet<>(kerasWeights.keySet()) + "; an Embedding has one array, its embeddings");
        }
        super.setWeights(Map.of(conf.getLAYER_FIELD_EMBEDDING_WEIGHTS(), kerasWeights.values().iterator().next()));
    }
}
