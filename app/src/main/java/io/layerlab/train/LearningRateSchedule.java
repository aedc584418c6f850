package io.layerlab.train;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the learning rate changes from epoch to epoch, starting from {@link TrainingSpec#learningRate()}.
 * Kept in the project's training section as {@code "schedule": {"type": "step", "everyEpochs": 10,
 * "factor": 0.5}} (in {@link TrainingSpec#extras()}), so the command line and the designer train alike.
 *
 * <ul>
 *   <li>{@code none}: the same rate every epoch;</li>
 *   <li>{@code step}: multiplied by {@code factor} after every {@code everyEpochs} epochs;</li>
 *   <li>{@code exponential}: multiplied by {@code factor} after every epoch;</li>
 *   <li>{@code cosine}: falls along half a cosine from the rate to {@code factor} × the rate in the last epoch.</li>
 * </ul>
 */
public record LearningRateSchedule(Kind kind, int everyEpochs, double factor) {
    /** The key in the training section. */
    public static final String KEY = "schedule";

    public enum Kind {
        NONE, STEP, EXPONENTIAL, COSINE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind parse(String id) {
            for (Kind k : values()) {
                if (k.id().equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("training.schedule.type \"" + id
                    + "\" is not a schedule; use none, step, exponential or cosine");
        }
    }

    public LearningRateSchedule {
        if (kind == null) {
            throw new IllegalArgumentException("a schedule needs a kind: none, step, exponential or cosine");
        }
        if (kind == Kind.STEP && everyEpochs < 1) {
            throw new IllegalArgumentException("training.schedule.everyEpochs must be at least 1, was " + everyEpochs);
        }
        if (kind != Kind.NONE && !(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("training.schedule.factor must be above 0 and at most 1, was " + factor);
        }
    }

    public static LearningRateSchedule none() {
        return new LearningRateSchedule(Kind.NONE, 1, 1);
    }

    /** Multiplies the rate by {@code factor} after every {@code everyEpochs} epochs. */
    public static LearningRateSchedule step(int everyEpochs, double factor) {
        return new LearningRateSchedule(Kind.STEP, everyEpochs, factor);
    }

    public static LearningRateSchedule exponential(double factorPerEpoch) {
        return new LearningRateSchedule(Kind.EXPONENTIAL, 1, factorPerEpoch);
    }

    /** Down to {@code finalFraction} of the starting rate in the last epoch. */
    public static LearningRateSchedule cosine(double finalFraction) {
        return new LearningRateSchedule(Kind.COSINE, 1, finalFraction);
    }

    public boolean isNone() {
        return kind == Kind.NONE;
    }

    /**
     * The rate for {@code epoch} (from 1) of {@code totalEpochs}, starting from {@code baseRate}.
     */
    public double rateAt(int epoch, int totalEpochs, double baseRate) {
        int done = Math.max(0, epoch - 1);
        return switch (kind) {
            case NONE -> baseRate;
            case STEP -> baseRate * Math.pow(factor, done / everyEpochs);
            case EXPONENTIAL -> baseRate * Math.pow(factor, done);
            case COSINE -> {
                if (totalEpochs <= 1) {
                    yield baseRate;
                }
                double progress = Math.min(1.0, done / (double) (totalEpochs - 1));
                double floor = baseRate * factor;
                yield floor + (baseRate - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
            }
        };
    }

    /** The schedule in {@code spec}'s training section; {@link #none()} when it has none. */
    public static LearningRateSchedule of(TrainingSpec spec) {
        Object raw = spec.extras().get(KEY);
        if (raw == null) {
            return none();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("training.schedule must be an object such as {\"type\": \"step\", "
                    + "\"everyEpochs\": 10, \"factor\": 0.5}, was " + raw);
        }
        Kind kind = Kind.parse(String.valueOf(map.containsKey("type") ? map.get("type") : "none"));
        double every = number(map, "everyEpochs", 10);
        if (every != Math.rint(every)) {
            throw new IllegalArgumentException("training.schedule.everyEpochs must be a whole number of epochs, was " + every);
        }
        double factor = number(map, "factor", kind == Kind.COSINE ? 0.01 : 0.5);
        return new LearningRateSchedule(kind, (int) every, factor);
    }

    /** {@code spec} with this schedule in its training section (or without one, for {@link #none()}). */
    public TrainingSpec applyTo(TrainingSpec spec) {
        Map<String, Object> extras = new LinkedHashMap<>(spec.extras());
        if (isNone()) {
            extras.remove(KEY);
        } else {
            extras.put(KEY, toMap());
        }
        return new TrainingSpec(spec.optimizer(), spec.learningRate(), spec.batchSize(), spec.epochs(), spec.shuffle(),
                spec.seed(), extras);
    }

    /** The JSON-like form kept in the project file. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", kind.id());
        if (kind == Kind.STEP) {
            map.put("everyEpochs", everyEpochs);
        }
        if (kind != Kind.NONE) {
            map.put("factor", factor);
        }
        return map;
    }

    /** "step ×0.5 every 10 epochs", "cosine to 1% of the rate", "none". */
    public String describe() {
        return switch (kind) {
            case NONE -> "none";
            case STEP -> "step ×" + LearningRateAdvice.format(factor) + " every " + everyEpochs
                    + (everyEpochs == 1 ? " epoch" : " epochs");
            case EXPONENTIAL -> "exponential ×" + LearningRateAdvice.format(factor) + " per epoch";
            case COSINE -> "cosine to " + LearningRateAdvice.format(factor * 100) + "% of the rate";
        };
    }

    private static double number(Map<?, ?> map, String key, double fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("training.schedule." + key + " must be a number, was \"" + value + "\"");
    }
}
