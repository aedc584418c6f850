package io.layerlab.compile;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * SGD with classical (Polyak) momentum: {@code v = momentum * v + lr * gradient; params -= v}.
 * ND4J only ships Nesterov's variant, which looks ahead along the velocity; the project file
 * names both ("momentum" and "nesterov") so a learner can compare them, hence this updater.
 *
 * <p>Serialised by DL4J's JSON through its fields (the {@link IUpdater} contract), so a saved
 * model restores with the same learning rate, schedule and momentum.
 */
public final class ClassicalMomentum implements IUpdater {
    public static final double DEFAULT_MOMENTUM = 0.9;

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

    public double momentum() { return momentum; }

    @Override public long stateSize(long numParams) { return numParams; }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        Updater u = new Updater(this);
        long[] shape = viewArray.shape();
        u.setStateViewArray(viewArray, shape, viewArray.ordering(), initializeViewArray);
        return u;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
        Updater u = new Updater(this);
        u.setState(state, initializeStateArrays);
        return u;
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

    @Override public String toString() { return "ClassicalMomentum(lr=" + learningRate + ", momentum=" + momentum + ")"; }

    /** Holds the velocity, one value per parameter, in DL4J's updater state view. */
    static final class Updater implements GradientUpdater<ClassicalMomentum> {
        static final String VELOCITY = "V";

        private final ClassicalMomentum config;
        private INDArray velocity;

        Updater(ClassicalMomentum config) { this.config = config; }

        @Override public ClassicalMomentum getConfig() { return config; }

        @Override
        public void setState(Map<String, INDArray> state, boolean initialize) {
            INDArray v = state.get(VELOCITY);
            if (v == null) throw new IllegalStateException("momentum state needs the array \"" + VELOCITY + "\", got " + state.keySet());
            if (initialize) v.assign(0);
            velocity = v;
        }

        @Override public Map<String, INDArray> getState() { return Map.of(VELOCITY, velocity); }

        @Override
        public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
            if (initialize) viewArray.assign(0);
            // DL4J hands one flat row per parameter block; view it with the gradient's shape (no copy).
            velocity = Shape.newShapeNoCopy(viewArray, gradientShape, gradientOrder == 'f');
            if (velocity == null) throw new IllegalStateException("cannot view momentum state as shape " + Arrays.toString(gradientShape));
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            if (velocity == null) throw new IllegalStateException("momentum updater used before its state was set");
            double lr = config.getLearningRate(iteration, epoch);
            // DL4J subtracts the returned array from the parameters, so the update is +v.
            velocity.muli(config.momentum).addi(gradient.mul(lr));
            gradient.assign(velocity);
        }
    }
}
