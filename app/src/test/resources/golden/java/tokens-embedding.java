import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Word order with an Embedding and a GRU
 *
 * <p>An Embedding turns each word id into a learned vector; a GRU then reads the words in order, so
 * it can tell "not good" from "good" next to an unrelated "not". A model that only counted words
 * could not get past about 75%.
 *
 * <p>Exported from LayerLab: configuration() builds the same DL4J network as LayerLab's compiler
 * (1,394 parameters). Needs deeplearning4j-core and an ND4J backend such as nd4j-native-platform,
 * version 1.0.0-M2.1.
 *
 * <p>Training as LayerLab runs it: adam at learning rate 0.01 (set in configuration()), batches of
 * 32, 10 epochs, shuffled; data from the "tokens" source (samples 1000, steps 10, vocabulary 20),
 * 20% kept for validation.
 */
public class WordOrderWithAnEmbeddingAndAGruNetwork {
    /**
     * The network's configuration. Inputs: {@code words}; outputs: {@code out}.
     */
    public static ComputationGraphConfiguration configuration() {
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(42L)
                .updater(new Adam(0.01))
                .weightInit(WeightInit.XAVIER)
                // DL4J's default is sigmoid; layers without an activation of their own (dropout, pooling) are linear.
                .activation(Activation.IDENTITY)
                .graphBuilder();

        // Input "words": Where data enters the network (shape 10x1). Output [10, 1].
        graph.addInputs("words");

        // Embedding "embed": Token ids to learned vectors (20 tokens \u2192 8). Output [10, 8], 160 parameters.
        graph.addLayer("embed", TokenEmbedding.of(20, 8, 10), "words");

        // GRU "gru": Gated recurrent unit (16 units, tanh, last step). Output [16], 1,200 parameters.
        graph.addLayer("gru", new LastTimeStep(new GruLayer.Builder()
                .nOut(16)
                .activation(Activation.TANH)
                .build()), "embed");

        // Output "out": Final layer with a loss (2 units, softmax, mcxent). Output [2], 34 parameters.
        graph.addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT)
                .nOut(2)
                .activation(Activation.SOFTMAX)
                .build(), "gru");

        // The shape of one example per input, in the order of the network's input arrays.
        graph.setInputTypes(InputType.recurrent(1, 10));
        graph.setOutputs("out");
        return graph.build();
    }

    /** Builds the network, prints its summary and runs one random example through it. */
    public static void main(String[] args) {
        ComputationGraph network = new ComputationGraph(configuration());
        network.init();
        System.out.println(network.summary());

        // One random example per input in DL4J's layout: features [1, n], images [1, c, h, w], sequences [1, f, t].
        INDArray[] outputs = network.output(Nd4j.rand(DataType.FLOAT, 1, 1, 10));
        System.out.println("out: " + Arrays.toString(outputs[0].shape()));
        // To train it: network.fit(data) with a DataSetIterator, for 10 epochs.
    }

    /**
     * A gated recurrent unit (Cho et al. 2014) as a DL4J layer, which DL4J lacks: the variant Keras
     * builds with {@code reset_after=False}, one bias per gate, so it has 3*(nIn*u + u*u + u) weights
     * and Keras weights load into it unchanged. For each step, with x the input and h the state:
     * <pre>
     *   z = sigmoid(x Wz + h Uz + bz)            update gate
     *   r = sigmoid(x Wr + h Ur + br)            reset gate
     *   c = activation(x Wh + (r * h) Uh + bh)   candidate state
     *   h' = z * h + (1 - z) * c
     * </pre>
     * The gates' columns sit in Keras' order, z then r then h: input weights {@code W [nIn, 3u]},
     * recurrent weights {@code RW [u, 3u]}, bias {@code b [1, 3u]}. The state starts at zero.
     *
     * <p>ND4J's own {@code gru} op is not used: it applies the reset gate after the recurrent product
     * and its backward pass (1.0.0-M2.1) differentiates the other variant, so its gradients are wrong.
     * Here the forward and backward passes are written out, and a gradient check guards them.
     */
    public static class GruLayer extends BaseRecurrentLayer {
        public static final String WEIGHT_KEY = "W";
        public static final String RECURRENT_WEIGHT_KEY = "RW";
        public static final String BIAS_KEY = "b";
        private static final int GATES = 3;

        /** For Jackson, which rebuilds the layer from DL4J's JSON. */
        public GruLayer() { }

        private GruLayer(Builder builder) { super(builder); }

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

        @Override
        public ParamInitializer initializer() { return Params.INSTANCE; }

        @Override
        public LayerMemoryReport getMemoryReport(InputType inputType) {
            long params = Params.INSTANCE.numParams(this);
            InputType out = getOutputType(-1, inputType);
            // Per example and step the backward pass keeps z, r, the candidate before and after its activation, and the state.
            long perExample = out.arrayElementsPerExample() * (GATES + 2);
            return new LayerMemoryReport.Builder(layerName, GruLayer.class, inputType, out)
                    .standardMemory(params, params).workingMemory(0, 0, 0, perExample).cacheMemory(0, 0).build();
        }

        /** Builds a {@link GruLayer}: {@code nOut} is the number of units, {@code activation} the candidate's. */
        public static class Builder extends BaseRecurrentLayer.Builder<Builder> {
            /** DL4J declares build() generic in its result; a GruLayer is what it gives. */
            @Override
            @SuppressWarnings("unchecked")
            public <E extends Layer> E build() { return (E) new GruLayer(this); }
        }

        /** Where the three weight arrays sit in the layer's flat parameter vector, and their starting values. */
        public static final class Params implements ParamInitializer {
            static final Params INSTANCE = new Params();

            @Override public long numParams(NeuralNetConfiguration conf) { return numParams(conf.getLayer()); }

            @Override
            public long numParams(Layer layer) {
                GruLayer gru = (GruLayer) layer;
                long nIn = gru.getNIn();
                long units = gru.getNOut();
                return GATES * (nIn * units + units * units + units);
            }

            @Override public List<String> paramKeys(Layer layer) { return List.of(WEIGHT_KEY, RECURRENT_WEIGHT_KEY, BIAS_KEY); }

            @Override public List<String> weightKeys(Layer layer) { return List.of(WEIGHT_KEY, RECURRENT_WEIGHT_KEY); }

            @Override public List<String> biasKeys(Layer layer) { return List.of(BIAS_KEY); }

            @Override public boolean isWeightParam(Layer layer, String key) { return weightKeys(layer).contains(key); }

            @Override public boolean isBiasParam(Layer layer, String key) { return BIAS_KEY.equals(key); }

            @Override
            public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
                GruLayer gru = (GruLayer) conf.getLayer();
                Map<String, INDArray> views = split(gru, paramsView);
                if (initializeParams) {
                    long nIn = gru.getNIn();
                    long units = gru.getNOut();
                    IWeightInit recurrentInit = gru.getWeightInitFnRecurrent() != null ? gru.getWeightInitFnRecurrent() : gru.getWeightInitFn();
                    gru.getWeightInitFn().init(nIn, units, new long[] {nIn, GATES * units}, 'f', views.get(WEIGHT_KEY));
                    recurrentInit.init(units, units, new long[] {units, GATES * units}, 'f', views.get(RECURRENT_WEIGHT_KEY));
                    views.get(BIAS_KEY).assign(gru.getBiasInit());
                }
                conf.addVariable(WEIGHT_KEY);
                conf.addVariable(RECURRENT_WEIGHT_KEY);
                conf.addVariable(BIAS_KEY);
                return views;
            }

            @Override
            public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
                return split((GruLayer) conf.getLayer(), gradientView);
            }

            private static Map<String, INDArray> split(GruLayer gru, INDArray flat) {
                long nIn = gru.getNIn();
                long units = gru.getNOut();
                long inputEnd = nIn * GATES * units;
                long recurrentEnd = inputEnd + units * GATES * units;
                INDArray row = flat.reshape(flat.length());
                Map<String, INDArray> views = new LinkedHashMap<>();
                views.put(WEIGHT_KEY, row.get(NDArrayIndex.interval(0, inputEnd)).reshape('f', nIn, GATES * units));
                views.put(RECURRENT_WEIGHT_KEY, row.get(NDArrayIndex.interval(inputEnd, recurrentEnd)).reshape('f', units, GATES * units));
                views.put(BIAS_KEY, row.get(NDArrayIndex.interval(recurrentEnd, recurrentEnd + GATES * units)).reshape(1, GATES * units));
                return views;
            }
        }

        /** The running layer: forward and backward passes through time. */
        public static final class Impl extends org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer<GruLayer> {
            static final String STATE_KEY = "state";

            public Impl(NeuralNetConfiguration conf, DataType dataType) { super(conf, dataType); }

            /**
             * What the backward pass needs from the forward one, each {@code [steps * batch, ...]} with
             * step-major rows: the gates z and r, the candidate before and after its activation, and
             * the state each step started from.
             */
            private record Pass(INDArray out, INDArray z, INDArray r, INDArray candidateInput, INDArray candidate,
                                INDArray previous) { }

            @Override
            public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
                return forward(null, training, false, workspaceMgr).out();
            }

            @Override
            public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr workspaceMgr) {
                setInput(input, workspaceMgr);
                INDArray out = forward(stateMap.get(STATE_KEY), false, false, workspaceMgr).out();
                keepLastStep(stateMap, out);
                return out;
            }

            @Override
            public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT,
                                                        LayerWorkspaceMgr workspaceMgr) {
                setInput(input, workspaceMgr);
                INDArray out = forward(tBpttStateMap.get(STATE_KEY), training, false, workspaceMgr).out();
                if (storeLastForTBPTT) keepLastStep(tBpttStateMap, out);
                return out;
            }

            private void keepLastStep(Map<String, INDArray> state, INDArray out) {
                INDArray ncw = permuteIfNWC(out);
                // The state outlives this pass, so it must not live in a workspace.
                MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
                try {
                    state.put(STATE_KEY, ncw.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(ncw.size(2) - 1)).dup());
                } finally {
                    outside.close();
                }
            }

            @Override
            public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
                return backward(epsilon, null, -1, workspaceMgr);
            }

            @Override
            public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int tbpttBackLength, LayerWorkspaceMgr workspaceMgr) {
                return backward(epsilon, tBpttStateMap.get(STATE_KEY), tbpttBackLength, workspaceMgr);
            }

            @Override public boolean isPretrainLayer() { return false; }

            private Pass forward(INDArray initialState, boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
                assertInputSet(false);
                if (input.rank() != 3) {
                    throw new IllegalStateException("GRU layer '" + layerConf().getLayerName() + "' takes sequences [batch, features, steps], got "
                            + Arrays.toString(input.shape()));
                }
                if (maskArray != null) throw new IllegalStateException("GRU layer '" + layerConf().getLayerName() + "' does not take masks");
                applyDropOutIfNecessary(training, workspaceMgr);
                INDArray x = permuteIfNWC(input);
                int batch = (int) x.size(0);
                int steps = (int) x.size(2);
                int units = (int) layerConf().getNOut();
                INDArray w = getParamWithNoise(WEIGHT_KEY, training, workspaceMgr);
                INDArray rw = getParamWithNoise(RECURRENT_WEIGHT_KEY, training, workspaceMgr);
                INDArray b = getParamWithNoise(BIAS_KEY, training, workspaceMgr);
                INDArray recurrentGates = rw.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * units)).dup('f');
                INDArray recurrentCandidate = rw.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * units, GATES * units)).dup('f');
                IActivation activation = layerConf().getActivationFn();

                // The input's share of every gate at every step in one product: rows are (step, example).
                INDArray inputShare = stepMajor(x).mmul(w).addiRowVector(b);
                INDArray out = workspaceMgr.create(ArrayType.ACTIVATIONS, x.dataType(), new long[] {batch, units, steps}, 'f');
                Pass pass = forBackprop ? new Pass(out, rows(x, steps, batch, units), rows(x, steps, batch, units),
                        rows(x, steps, batch, units), rows(x, steps, batch, units), rows(x, steps, batch, units)) : null;
                INDArray h = initialState != null ? initialState.castTo(x.dataType()) : Nd4j.zeros(x.dataType(), batch, units);
                for (int t = 0; t < steps; t++) {
                    INDArray pre = inputShare.get(NDArrayIndex.interval((long) t * batch, (long) (t + 1) * batch), NDArrayIndex.all());
                    INDArray gates = h.mmul(recurrentGates).addi(pre.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * units)));
                    Transforms.sigmoid(gates, false);
                    INDArray z = gates.get(NDArrayIndex.all(), NDArrayIndex.interval(0, units));
                    INDArray r = gates.get(NDArrayIndex.all(), NDArrayIndex.interval(units, 2 * units));
                    INDArray candidateInput = r.mul(h).mmul(recurrentCandidate).addi(pre.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * units, GATES * units)));
                    if (pass != null) {
                        long from = (long) t * batch;
                        pass.z().get(NDArrayIndex.interval(from, from + batch), NDArrayIndex.all()).assign(z);
                        pass.r().get(NDArrayIndex.interval(from, from + batch), NDArrayIndex.all()).assign(r);
                        pass.candidateInput().get(NDArrayIndex.interval(from, from + batch), NDArrayIndex.all()).assign(candidateInput);
                        pass.previous().get(NDArrayIndex.interval(from, from + batch), NDArrayIndex.all()).assign(h);
                    }
                    INDArray candidate = activation.getActivation(candidateInput, training);
                    if (pass != null) pass.candidate().get(NDArrayIndex.interval((long) t * batch, (long) (t + 1) * batch), NDArrayIndex.all()).assign(candidate);
                    INDArray next = h.sub(candidate).muli(z).addi(candidate);
                    out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t)).assign(next);
                    h = next;
                }
                INDArray result = getDataFormat() == RNNFormat.NWC ? out.permute(0, 2, 1) : out;
                return pass == null ? new Pass(result, null, null, null, null, null)
                        : new Pass(result, pass.z(), pass.r(), pass.candidateInput(), pass.candidate(), pass.previous());
            }

            /** [batch, features, steps] as rows (step, example) by features. */
            private static INDArray stepMajor(INDArray ncw) {
                return ncw.permute(2, 0, 1).dup('c').reshape('c', ncw.size(2) * ncw.size(0), ncw.size(1));
            }

            private static INDArray rows(INDArray like, int steps, int batch, int columns) {
                return Nd4j.create(like.dataType(), (long) steps * batch, columns);
            }

            private Pair<Gradient, INDArray> backward(INDArray epsilon, INDArray initialState, int backLength, LayerWorkspaceMgr workspaceMgr) {
                assertInputSet(true);
                Pass pass = forward(initialState, true, true, workspaceMgr);
                INDArray x = permuteIfNWC(input);
                int batch = (int) x.size(0);
                int steps = (int) x.size(2);
                int units = (int) layerConf().getNOut();
                INDArray eps = stepMajor(permuteIfNWC(epsilon));
                INDArray w = getParamWithNoise(WEIGHT_KEY, true, workspaceMgr);
                INDArray rw = getParamWithNoise(RECURRENT_WEIGHT_KEY, true, workspaceMgr);
                INDArray recurrentGatesT = rw.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * units)).transpose().dup('f');
                INDArray recurrentCandidateT = rw.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * units, GATES * units)).transpose().dup('f');
                IActivation activation = layerConf().getActivationFn();

                // Per step, the loss's slope with respect to each gate's input; the weight slopes follow in three products.
                INDArray dInputs = Nd4j.zeros(x.dataType(), (long) steps * batch, GATES * units);
                int end = backLength > 0 ? Math.max(0, steps - backLength) : 0;
                INDArray fromLater = null;
                for (int t = steps - 1; t >= end; t--) {
                    var at = NDArrayIndex.interval((long) t * batch, (long) (t + 1) * batch);
                    INDArray dh = eps.get(at, NDArrayIndex.all()).dup();
                    if (fromLater != null) dh.addi(fromLater);
                    INDArray z = pass.z().get(at, NDArrayIndex.all());
                    INDArray r = pass.r().get(at, NDArrayIndex.all());
                    INDArray candidate = pass.candidate().get(at, NDArrayIndex.all());
                    INDArray previous = pass.previous().get(at, NDArrayIndex.all());

                    // h' = z * h + (1 - z) * c
                    INDArray oneMinusZ = z.rsub(1.0);
                    INDArray dCandidateInput = activation.backprop(pass.candidateInput().get(at, NDArrayIndex.all()).dup(), dh.mul(oneMinusZ)).getFirst();
                    INDArray dzInput = previous.sub(candidate).muli(dh).muli(z).muli(oneMinusZ);
                    INDArray dResetState = dCandidateInput.mmul(recurrentCandidateT);
                    INDArray drInput = dResetState.mul(previous).muli(r).muli(r.rsub(1.0));
                    INDArray rows = dInputs.get(at, NDArrayIndex.all());
                    rows.get(NDArrayIndex.all(), NDArrayIndex.interval(0, units)).assign(dzInput);
                    rows.get(NDArrayIndex.all(), NDArrayIndex.interval(units, 2 * units)).assign(drInput);
                    rows.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * units, GATES * units)).assign(dCandidateInput);

                    fromLater = dh.muli(z).addi(dResetState.muli(r)).addi(rows.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * units)).mmul(recurrentGatesT));
                }
                weightNoiseParams.clear();

                gradientsFlattened.assign(0);
                INDArray wGrad = gradientViews.get(WEIGHT_KEY);
                INDArray rwGrad = gradientViews.get(RECURRENT_WEIGHT_KEY);
                INDArray bGrad = gradientViews.get(BIAS_KEY);
                wGrad.assign(stepMajor(x).transpose().mmul(dInputs));
                bGrad.assign(dInputs.sum(true, 0));
                rwGrad.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * units)).assign(pass.previous().transpose().mmul(dInputs.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * units))));
                rwGrad.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * units, GATES * units)).assign(
                        pass.r().mul(pass.previous()).transpose().mmul(dInputs.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * units, GATES * units))));

                // dL/dx for every step at once, back to [batch, features, steps].
                INDArray dx = dInputs.mmul(w.transpose()).reshape('c', steps, batch, x.size(1)).permute(1, 2, 0);
                INDArray epsOut = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, x.dataType(), x.shape(), 'f');
                epsOut.assign(dx);

                Gradient gradient = new DefaultGradient(gradientsFlattened);
                gradient.gradientForVariable().put(WEIGHT_KEY, wGrad);
                gradient.gradientForVariable().put(RECURRENT_WEIGHT_KEY, rwGrad);
                gradient.gradientForVariable().put(BIAS_KEY, bGrad);
                INDArray back = getDataFormat() == RNNFormat.NWC ? epsOut.permute(0, 2, 1) : epsOut;
                return new Pair<>(gradient, backpropDropOutIfPresent(back));
            }
        }
    }

    /**
     * DL4J's EmbeddingSequenceLayer, token ids [batch, 1, t] to vectors [batch, units, t], without
     * bias (vocabulary*units weights, as Keras counts them). DL4J's graph builder overwrites a
     * sequence layer's nIn with the input's feature count, which for this layer is 1 and not the
     * vocabulary; this subclass keeps the vocabulary it was given.
     */
    public static class TokenEmbedding extends EmbeddingSequenceLayer {
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
}
