package io.layerlab.train;

/**
 * Decides, one iteration at a time, whether a run has diverged: its loss is NaN or infinite, or it
 * exceeds {@value #GROWTH_LIMIT} times the starting loss. The starting loss is the first iteration's:
 * an untrained network's loss varies little between minibatches, while a too-high learning rate
 * can multiply the loss already by the second or third update (Adam at 10 on the spiral data), so
 * averaging those in would hide exactly the jump the guard is for.
 */
final class DivergenceGuard {
    static final int START_WINDOW = 1;
    static final double GROWTH_LIMIT = 10.0;

    private final String optimizer;
    private final double learningRate;
    private double startSum;
    private int startCount;

    DivergenceGuard(String optimizer, double learningRate) {
        this.optimizer = optimizer;
        this.learningRate = learningRate;
    }

    /** Null while the loss is healthy; otherwise the plain-language explanation of what went wrong. */
    String check(int iteration, double loss) {
        if (Double.isNaN(loss)) {
            return "The loss became NaN at iteration " + iteration + ": " + advice();
        }
        if (Double.isInfinite(loss)) {
            return "The loss became infinite at iteration " + iteration + ": " + advice();
        }
        if (startCount > 0) {
            double start = startSum / startCount;
            if (start > 0 && loss > GROWTH_LIMIT * start) {
                return "The loss grew to " + round(loss) + " at iteration " + iteration
                        + ", more than ten times its starting value " + round(start) + ": " + advice();
            }
        }
        if (startCount < START_WINDOW) {
            startSum += loss;
            startCount++;
        }
        return null;
    }

    private String advice() {
        return LearningRateAdvice.advice(optimizer, learningRate);
    }

    private static String round(double value) {
        return LearningRateAdvice.format(new java.math.BigDecimal(value).round(new java.math.MathContext(4)).doubleValue());
    }
}
