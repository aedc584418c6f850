package io.layerlab.compile.layers;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalisation that learns nothing, as Keras' {@code BatchNormalization(trainable=False)}:
 * in training as in inference it normalises with its stored statistics, per feature (or per
 * channel of an image), and neither they nor the scale and shift change:
 * <pre>
 *   y = gamma * (x - mean) / sqrt(var + eps) + beta
 *   dL/dx = dL/dy * gamma / sqrt(var + eps)
 * </pre>
 * with var = (10^log10stdev)^2 where DL4J keeps the log of the standard deviation: what DL4J's
 * own layer outputs in inference mode. Its parameters are that layer's, under the same keys, so
 * weights move between the two unchanged. DL4J's FrozenLayerWithBackprop cannot freeze that
 * layer: it runs its forward pass in inference mode and then its training backward pass, which
 * differentiates the batch statistics and reads arrays of a closed workspace.
 */
public class FrozenBatchNormalization extends BatchNormalization {
    /** For Jackson, which rebuilds the layer from DL4J's JSON; the settings are those of DL4J's builder. */
    public FrozenBatchNormalization() { }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int layerIndex, INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        Impl layer = new Impl(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    /** Every parameter stays as it is, whatever the network's optimizer. */
    @Override
    public IUpdater getUpdaterByParam(String paramName) { return new NoOp(); }

    @Override
    public boolean equals(Object o) { return o instanceof FrozenBatchNormalization && super.equals(o); }

    @Override
    public int hashCode() { return 31 * super.hashCode() + 1; }

    @Override
    protected boolean canEqual(Object other) { return other instanceof FrozenBatchNormalization; }

    /** The running layer: the inference-mode output, its gradient with respect to the input, and no parameter gradients. */
    public static final class Impl extends org.deeplearning4j.nn.layers.normalization.BatchNormalization {
        public Impl(NeuralNetConfiguration conf, DataType dataType) { super(conf, dataType); }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(false);
            return preOutput(input, TrainingMode.TEST, workspaceMgr);
        }

        /** The output with the stored statistics, in either mode: they are fixed, not estimated from the batch. */
        @Override
        public INDArray preOutput(INDArray x, TrainingMode mode, LayerWorkspaceMgr workspaceMgr) {
            INDArray in = x.castTo(dataType);
            int axis = featureAxis(in);
            INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, in.shape(), in.ordering());
            Nd4j.getExecutioner().exec(new BroadcastSubOp(in, vector(BatchNormalizationParamInitializer.GLOBAL_MEAN), out, axis));
            Nd4j.getExecutioner().exec(new BroadcastMulOp(out, scale(), out, axis));
            Nd4j.getExecutioner().exec(new BroadcastAddOp(out, beta(), out, axis));
            return out;
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(true);
            INDArray slope = epsilon.castTo(dataType);
            // Computed here from the parameters: nothing cached by the forward pass outlives its workspace.
            INDArray back = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, slope.shape(), slope.ordering());
            Nd4j.getExecutioner().exec(new BroadcastMulOp(slope, scale(), back, featureAxis(slope)));
            gradientsFlattened.assign(0);
            Gradient gradient = new DefaultGradient(gradientsFlattened);
            for (Map.Entry<String, INDArray> view : gradientViews.entrySet()) gradient.setGradientFor(view.getKey(), view.getValue());
            return new Pair<>(gradient, back);
        }

        /** Where the features or channels are: axis 1 ([batch, n], [batch, c, h, w]), or last for channels-last images. */
        private int featureAxis(INDArray x) {
            int axis = x.rank() == 4 && layerConf().getCnn2DFormat() == CNN2DFormat.NHWC ? 3 : 1;
            if (x.rank() < 2 || x.size(axis) != layerConf().getNOut()) {
                throw new IllegalArgumentException("batch normalisation layer '" + layerConf().getLayerName() + "' normalises "
                        + layerConf().getNOut() + " features or channels, got an input of shape " + Arrays.toString(x.shape()));
            }
            return axis;
        }

        /** gamma / std, one value per feature or channel. */
        private INDArray scale() {
            var conf = layerConf();
            // As DL4J's layer computes it in inference: var = (10^log10stdev)^2 where the log is kept, then sqrt(var + eps).
            INDArray var = conf.isUseLogStd()
                    ? Transforms.exp(vector(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).mul(2 * Math.log(10)), false)
                    : vector(BatchNormalizationParamInitializer.GLOBAL_VAR).dup();
            INDArray std = Transforms.sqrt(var.addi(conf.getEps()), false);
            INDArray gamma = conf.isLockGammaBeta() ? Nd4j.valueArrayOf(std.shape(), conf.getGamma(), dataType)
                    : vector(BatchNormalizationParamInitializer.GAMMA);
            return gamma.div(std);
        }

        private INDArray beta() {
            var conf = layerConf();
            return conf.isLockGammaBeta() ? Nd4j.valueArrayOf(new long[] {conf.getNOut()}, conf.getBeta(), dataType)
                    : vector(BatchNormalizationParamInitializer.BETA);
        }

        private INDArray vector(String key) {
            INDArray p = getParam(key);
            return p.reshape(p.length());
        }
    }
}
