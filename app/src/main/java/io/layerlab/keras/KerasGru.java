package io.layerlab.keras;

import io.layerlab.compile.layers.GruLayer;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.InputTypeUtil;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasActivationUtils;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasLayerUtils;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Teaches DL4J's Keras import the GRU layer, which DL4J lacks: a Keras {@code GRU} with
 * {@code reset_after=False} becomes LayerLab's {@link GruLayer}, whose cell and weight layout
 * (kernel, recurrent kernel and bias, gates in Keras' order z, r, h) are Keras' own, so the
 * weights are taken over as they are. {@link LayerMapper} has already refused what the layer
 * cannot hold (reset_after=True, no bias, state); the last step is kept unless return_sequences.
 */
public class KerasGru extends KerasLayer {
    private static final int WEIGHT_ARRAYS = 3;

    /** The constructor DL4J's import calls for a registered layer class. */
    public KerasGru(Map<String, Object> layerConfig) throws InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
        super(layerConfig, false);
        Map<String, Object> inner = KerasLayerUtils.getInnerLayerConfigFromConfig(layerConfig, conf);
        int units = ((Number) inner.get("units")).intValue();
        GruLayer gru = new GruLayer.Builder().name(layerName).nOut(units)
                .activation(KerasActivationUtils.mapToIActivation(String.valueOf(inner.getOrDefault("activation", "tanh")), conf))
                // Keras' sequences are [batch, steps, features].
                .dataFormat(RNNFormat.NWC).build();
        layer = Boolean.TRUE.equals(inner.get("return_sequences")) ? gru : new LastTimeStep(gru);
    }

    @Override
    public InputType getOutputType(InputType... inputType) throws InvalidKerasConfigurationException {
        if (inputType.length != 1) throw new InvalidKerasConfigurationException("GRU layer '" + layerName + "' takes one input");
        InputPreProcessor pre = getInputPreprocessor(inputType);
        return layer.getOutputType(-1, pre == null ? inputType[0] : pre.getOutputType(inputType[0]));
    }

    @Override
    public InputPreProcessor getInputPreprocessor(InputType... inputType) throws InvalidKerasConfigurationException {
        return InputTypeUtil.getPreprocessorForInputTypeRnnLayers(inputType[0], RNNFormat.NWC, layerName);
    }

    @Override
    public int getNumParams() { return WEIGHT_ARRAYS; }

    @Override
    public void setWeights(Map<String, INDArray> kerasWeights) throws InvalidKerasConfigurationException {
        String[] names = {conf.getKERAS_PARAM_NAME_W(), conf.getKERAS_PARAM_NAME_RW(), conf.getKERAS_PARAM_NAME_B()};
        String[] ours = {GruLayer.WEIGHT_KEY, GruLayer.RECURRENT_WEIGHT_KEY, GruLayer.BIAS_KEY};
        if (kerasWeights.size() != WEIGHT_ARRAYS) {
            throw new InvalidKerasConfigurationException("GRU layer '" + layerName + "' has weights " + new TreeSet<>(kerasWeights.keySet())
                    + "; a GRU with reset_after=False has kernel, recurrent_kernel and bias");
        }
        weights = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            INDArray w = kerasWeights.get(names[i]);
            if (w == null) throw new InvalidKerasConfigurationException("GRU layer '" + layerName + "' has no " + names[i]);
            weights.put(ours[i], i == 2 ? w.reshape(1, w.length()) : w);
        }
    }
}
