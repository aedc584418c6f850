package io.layerlab.export;

import java.util.List;

/**
 * The classes a generated network file defines for itself where LayerLab's compiler uses a class
 * of its own (io.layerlab.compile.StepActivation, FeatureSoftmax, ClassicalMomentum, Maxout, and the
 * layers io.layerlab.compile.layers.GruLayer, TokenEmbedding and FrozenBatchNormalization): the
 * same behaviour and the same serialised fields, so the file needs nothing but DL4J.
 */
final class JavaHelperClasses {
    private JavaHelperClasses() { }

    static final String STEP = """

                /**
                 * The perceptron's step function: 1 where the input is positive, else 0. Its slope is zero everywhere,
                 * so no gradient flows back through it (the lesson LayerLab's "step" activation teaches).
                 */
                public static final class StepActivation extends BaseActivationFunction {
                    @Override
                    public INDArray getActivation(INDArray in, boolean training) {
                        return in.assign(in.gt(0.0).castTo(in.dataType()));
                    }

                    @Override
                    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
                        assertShape(in, epsilon);
                        return new Pair<>(Nd4j.zerosLike(in), null);
                    }

                    @Override public boolean equals(Object o) { return o instanceof StepActivation; }

                    @Override public int hashCode() { return StepActivation.class.hashCode(); }

                    @Override public String toString() { return "step"; }
                }
            """;

    static final String FEATURE_SOFTMAX = """

                /**
                 * Softmax over the features of each position: over the channels of every pixel of an image, over the
                 * features of every step of a sequence (as Keras does). DL4J's own softmax normalises the last array
                 * axis, which in its [batch, c, h, w] and [batch, f, t] layouts is the width or the time axis.
                 */
                public static final class FeatureSoftmax extends BaseActivationFunction {
                    private static final int FEATURE_AXIS = 1;

                    @Override
                    public INDArray getActivation(INDArray in, boolean training) {
                        Nd4j.getExecutioner().execAndReturn(new SoftMax(in, in, FEATURE_AXIS));
                        return in;
                    }

                    @Override
                    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
                        assertShape(in, epsilon);
                        Nd4j.getExecutioner().execAndReturn(new SoftmaxBp(in, epsilon, in, FEATURE_AXIS));
                        return new Pair<>(in, null);
                    }

                    @Override public boolean equals(Object o) { return o instanceof FeatureSoftmax; }

                    @Override public int hashCode() { return FeatureSoftmax.class.hashCode(); }

                    @Override public String toString() { return "softmax over features"; }
                }
            """;

    static final String CLASSICAL_MOMENTUM = """

                /**
                 * SGD with classical momentum: v = momentum * v + lr * gradient; params -= v. ND4J only ships
                 * Nesterov's variant, which looks ahead along the velocity.
                 */
                public static final class ClassicalMomentum implements IUpdater {
                    private double learningRate;
                    private ISchedule learningRateSchedule;
                    private final double momentum;

                    public ClassicalMomentum(double learningRate, double momentum) {
                        this(learningRate, null, momentum);
                    }

                    @JsonCreator
                    public ClassicalMomentum(@JsonProperty("learningRate") double learningRate,
                                             @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                                             @JsonProperty("momentum") double momentum) {
                        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), was " + momentum);
                        this.learningRate = learningRate;
                        this.learningRateSchedule = learningRateSchedule;
                        this.momentum = momentum;
                    }

                    @Override public long stateSize(long numParams) { return numParams; }

                    @Override
                    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
                        Velocity v = new Velocity(this);
                        v.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
                        return v;
                    }

                    @Override
                    public GradientUpdater instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
                        Velocity v = new Velocity(this);
                        v.setState(state, initializeStateArrays);
                        return v;
                    }

                    @Override
                    public double getLearningRate(int iteration, int epoch) {
                        return learningRateSchedule != null ? learningRateSchedule.valueAt(iteration, epoch) : learningRate;
                    }

                    @Override public boolean hasLearningRate() { return true; }

                    @Override
                    public void setLrAndSchedule(double lr, ISchedule schedule) {
                        this.learningRate = lr;
                        this.learningRateSchedule = schedule;
                    }

                    @Override
                    public ClassicalMomentum clone() {
                        return new ClassicalMomentum(learningRate, learningRateSchedule == null ? null : learningRateSchedule.clone(), momentum);
                    }

                    @Override
                    public boolean equals(Object o) {
                        return o instanceof ClassicalMomentum m && m.learningRate == learningRate && m.momentum == momentum
                                && Objects.equals(m.learningRateSchedule, learningRateSchedule);
                    }

                    @Override public int hashCode() { return Objects.hash(learningRate, learningRateSchedule, momentum); }

                    /** The velocity, one value per parameter, in DL4J's updater state view. */
                    static final class Velocity implements GradientUpdater<ClassicalMomentum> {
                        private final ClassicalMomentum config;
                        private INDArray velocity;

                        Velocity(ClassicalMomentum config) { this.config = config; }

                        @Override public ClassicalMomentum getConfig() { return config; }

                        @Override
                        public void setState(Map<String, INDArray> state, boolean initialize) {
                            velocity = state.get("V");
                            if (initialize) velocity.assign(0);
                        }

                        @Override public Map<String, INDArray> getState() { return Map.of("V", velocity); }

                        @Override
                        public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
                            if (initialize) viewArray.assign(0);
                            velocity = Shape.newShapeNoCopy(viewArray, gradientShape, gradientOrder == 'f');
                        }

                        @Override
                        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
                            // DL4J subtracts the returned array from the parameters, so the update is +v.
                            velocity.muli(config.momentum).addi(gradient.mul(config.getLearningRate(iteration, epoch)));
                            gradient.assign(velocity);
                        }
                    }
                }
            """;

    static final String MAXOUT = """

                /**
                 * Maxout without weights of its own: keeps the largest of each group of {@code pieces} consecutive
                 * features (or channels, axis 1 in DL4J's layouts), so n values become n / pieces. A layer with the
                 * maxout activation is that layer made linear with pieces outputs per unit, followed by this.
                 */
                public static final class Maxout extends SameDiffLambdaLayer {
                    private int pieces;
                    /** One example's input in DL4J's layout: [n], [c, h, w] or [f, t]; recorded when DL4J sets the input type. */
                    private long[] inputShape;

                    public Maxout() { }

                    public Maxout(int pieces) {
                        if (pieces < 2) throw new IllegalArgumentException("maxout takes the largest of 2 or more pieces, not " + pieces);
                        this.pieces = pieces;
                    }

                    // Getters and setters are how DL4J's JSON writer and reader see the fields.
                    public int getPieces() { return pieces; }

                    public void setPieces(int pieces) { this.pieces = pieces; }

                    public long[] getInputShape() { return inputShape == null ? null : inputShape.clone(); }

                    public void setInputShape(long[] inputShape) { this.inputShape = inputShape == null ? null : inputShape.clone(); }

                    @Override
                    public void setNIn(InputType inputType, boolean override) {
                        long[] shape = inputType.getShape(false);
                        if (shape[0] % pieces != 0) {
                            throw new IllegalArgumentException("maxout with " + pieces + " pieces needs a multiple of " + pieces
                                    + " features or channels, got " + shape[0]);
                        }
                        inputShape = shape;
                    }

                    @Override
                    public SDVariable defineLayer(SameDiff sameDiff, SDVariable layerInput) {
                        // [batch, n, rest...] -> [batch, n / pieces, pieces, rest...], then the largest along the pieces axis.
                        long[] grouped = new long[inputShape.length + 2];
                        grouped[0] = -1;
                        grouped[1] = inputShape[0] / pieces;
                        grouped[2] = pieces;
                        System.arraycopy(inputShape, 1, grouped, 3, inputShape.length - 1);
                        return sameDiff.max(sameDiff.reshape(layerInput, grouped), 2);
                    }

                    @Override
                    public InputType getOutputType(int layerIndex, InputType inputType) {
                        if (inputType instanceof InputType.InputTypeFeedForward f) {
                            return InputType.feedForward(f.getSize() / pieces);
                        }
                        if (inputType instanceof InputType.InputTypeConvolutional c) {
                            return InputType.convolutional(c.getHeight(), c.getWidth(), c.getChannels() / pieces);
                        }
                        if (inputType instanceof InputType.InputTypeRecurrent r) {
                            return InputType.recurrent(r.getSize() / pieces, r.getTimeSeriesLength());
                        }
                        throw new IllegalArgumentException("maxout takes features, an image or a sequence, not " + inputType);
                    }

                    @Override
                    public boolean equals(Object o) {
                        return o instanceof Maxout m && m.pieces == pieces && Arrays.equals(m.inputShape, inputShape);
                    }

                    @Override public int hashCode() { return 31 * pieces + Arrays.hashCode(inputShape); }

                    @Override public String toString() { return "Maxout(pieces=" + pieces + ")"; }
                }
            """;

    /** What {@link #GRU_LAYER} imports. */
    static final List<String> GRU_LAYER_IMPORTS = List.of(
            "java.util.Arrays",
            "java.util.Collection",
            "java.util.LinkedHashMap",
            "java.util.List",
            "java.util.Map",
            "org.deeplearning4j.nn.api.ParamInitializer",
            "org.deeplearning4j.nn.conf.NeuralNetConfiguration",
            "org.deeplearning4j.nn.conf.RNNFormat",
            "org.deeplearning4j.nn.conf.inputs.InputType",
            "org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer",
            "org.deeplearning4j.nn.conf.layers.Layer",
            "org.deeplearning4j.nn.conf.memory.LayerMemoryReport",
            "org.deeplearning4j.nn.gradient.DefaultGradient",
            "org.deeplearning4j.nn.gradient.Gradient",
            "org.deeplearning4j.nn.weights.IWeightInit",
            "org.deeplearning4j.nn.workspace.ArrayType",
            "org.deeplearning4j.nn.workspace.LayerWorkspaceMgr",
            "org.deeplearning4j.optimize.api.TrainingListener",
            "org.nd4j.common.primitives.Pair",
            "org.nd4j.linalg.activations.IActivation",
            "org.nd4j.linalg.api.buffer.DataType",
            "org.nd4j.linalg.api.ndarray.INDArray",
            "org.nd4j.linalg.api.memory.MemoryWorkspace",
            "org.nd4j.linalg.factory.Nd4j",
            "org.nd4j.linalg.indexing.NDArrayIndex",
            "org.nd4j.linalg.ops.transforms.Transforms");

    /** io.layerlab.compile.layers.GruLayer, word for word: DL4J has no GRU. */
    static final String GRU_LAYER = """

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
            """;

    /** What {@link #TOKEN_EMBEDDING} imports. */
    static final List<String> TOKEN_EMBEDDING_IMPORTS = List.of(
            "org.deeplearning4j.nn.conf.inputs.InputType",
            "org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer",
            "org.nd4j.linalg.activations.impl.ActivationIdentity");

    /** io.layerlab.compile.layers.TokenEmbedding, word for word. */
    static final String TOKEN_EMBEDDING = """

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
            """;

    /** What {@link #FROZEN_BATCH_NORMALIZATION} imports. */
    static final List<String> FROZEN_BATCH_NORMALIZATION_IMPORTS = List.of(
            "java.util.Arrays",
            "java.util.Collection",
            "java.util.Map",
            "org.deeplearning4j.nn.conf.CNN2DFormat",
            "org.deeplearning4j.nn.conf.NeuralNetConfiguration",
            "org.deeplearning4j.nn.conf.layers.BatchNormalization",
            "org.deeplearning4j.nn.gradient.DefaultGradient",
            "org.deeplearning4j.nn.gradient.Gradient",
            "org.deeplearning4j.nn.params.BatchNormalizationParamInitializer",
            "org.deeplearning4j.nn.workspace.ArrayType",
            "org.deeplearning4j.nn.workspace.LayerWorkspaceMgr",
            "org.deeplearning4j.optimize.api.TrainingListener",
            "org.nd4j.common.primitives.Pair",
            "org.nd4j.linalg.api.buffer.DataType",
            "org.nd4j.linalg.api.ndarray.INDArray",
            "org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp",
            "org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp",
            "org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp",
            "org.nd4j.linalg.factory.Nd4j",
            "org.nd4j.linalg.learning.config.IUpdater",
            "org.nd4j.linalg.learning.config.NoOp",
            "org.nd4j.linalg.ops.transforms.Transforms");

    /** io.layerlab.compile.layers.FrozenBatchNormalization, word for word: DL4J cannot freeze its batch normalisation. */
    static final String FROZEN_BATCH_NORMALIZATION = """

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
                public static class FrozenBatchNormalization extends BatchNormalization {
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
            """;
}
