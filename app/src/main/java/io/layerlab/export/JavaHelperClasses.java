package io.layerlab.export;

/**
 * The small classes a generated network file defines for itself where LayerLab's compiler uses a
 * class of its own (io.layerlab.compile.StepActivation, FeatureSoftmax, ClassicalMomentum): the same
 * behaviour and the same serialised fields, so the file needs nothing but DL4J. Larger ones (Maxout,
 * the layers in io.layerlab.compile.layers) are copied from their source: see {@link OwnClassSource}.
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
}
