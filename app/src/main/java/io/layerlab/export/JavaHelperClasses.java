package io.layerlab.export;

/**
 * The classes a generated network file defines for itself where LayerLab's compiler uses a class
 * of its own (io.layerlab.compile.StepActivation, FeatureSoftmax, ClassicalMomentum, Maxout): the same
 * behaviour and the same serialised fields, so the file needs nothing but DL4J.
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
}
