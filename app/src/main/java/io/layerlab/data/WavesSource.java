package io.layerlab.data;

import io.layerlab.catalog.ParamSpec;
import io.layerlab.shape.TensorShape;
import java.util.List;
import java.util.Random;

/**
 * Noisy wave forms to tell apart by their shape: sine, square, triangle and sawtooth (the first
 * {@code classes} of them), one value per time step, so the Input shape is {@code [steps, 1]}.
 * Each sequence draws its own number of periods ({@link #MIN_PERIODS} to {@link #MAX_PERIODS}
 * over the whole sequence), phase, amplitude ({@link #MIN_AMPLITUDE} to 1) and vertical offset
 * (up to ±{@link #MAX_OFFSET}), so neither the level nor the timing gives the class away: only
 * how the signal moves from step to step does, which is what a recurrent layer reads.
 */
final class WavesSource implements DataSource {
    static final List<String> WAVES = List.of("sine", "square", "triangle", "sawtooth");
    static final int MIN_STEPS = 8;
    static final int MAX_STEPS = 1_000;
    static final int MAX_SAMPLES = 20_000;
    static final double MIN_PERIODS = 1.5;
    static final double MAX_PERIODS = 4;
    static final double MIN_AMPLITUDE = 0.5;
    static final double MAX_OFFSET = 0.5;

    @Override public String name() { return "waves"; }

    @Override public String explanation() {
        return "Noisy sine, square, triangle and sawtooth waves at random frequency, phase, amplitude and offset: "
                + "sequence classification for recurrent layers, which read the signal one step at a time.";
    }

    @Override public Task task() { return Task.CLASSIFICATION; }

    @Override public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("samples", 800, Generators.MIN_SAMPLES, MAX_SAMPLES, "How many sequences to generate, split evenly over the classes."),
                ParamSpec.integer("steps", 32, MIN_STEPS, MAX_STEPS, "Time steps per sequence; the Input shape is [steps, 1]."),
                ParamSpec.integer("classes", WAVES.size(), 2, WAVES.size(), "How many wave forms to tell apart, in the order sine, square, triangle, sawtooth."),
                Generators.noise(0.1, 1.0, "Standard deviation of the noise added to every step; a wave spans at most -1..1 around its offset."));
    }

    @Override public RawDataset generate(SourceParams params, Random random) {
        int steps = params.intValue("steps");
        int classes = params.intValue("classes");
        double noise = params.doubleValue("noise");
        int[] labels = Generators.labelsByClass(Generators.balancedCounts(params.intValue("samples"), classes));
        double[][] rows = new double[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            double periods = MIN_PERIODS + (MAX_PERIODS - MIN_PERIODS) * random.nextDouble();
            double phase = random.nextDouble();
            double amplitude = MIN_AMPLITUDE + (1 - MIN_AMPLITUDE) * random.nextDouble();
            double offset = MAX_OFFSET * (2 * random.nextDouble() - 1);
            double[] row = new double[steps];
            for (int t = 0; t < steps; t++) {
                double cycle = periods * t / steps + phase;
                row[t] = offset + amplitude * wave(labels[i], cycle - Math.floor(cycle)) + noise * random.nextGaussian();
            }
            rows[i] = row;
        }
        return RawDataset.sequenceClassification(rows, labels, TensorShape.sequence(steps, 1), WAVES.subList(0, classes));
    }

    /** The wave's value at a point {@code along} one period (0 inclusive to 1 exclusive), from -1 to 1. */
    static double wave(int kind, double along) {
        return switch (kind) {
            case 0 -> Math.sin(2 * Math.PI * along);
            case 1 -> along < 0.5 ? 1 : -1;
            case 2 -> along < 0.5 ? 4 * along - 1 : 3 - 4 * along;
            case 3 -> 2 * along - 1;
            default -> throw new IllegalArgumentException("no wave form " + kind);
        };
    }
}
