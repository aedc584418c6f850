package io.layerlab.shape;

import java.util.List;
import java.util.Locale;

/**
 * Memory a network needs while training, before anything is allocated: float32 weights, the
 * optimiser's state (sgd none; momentum, nesterov and rmsprop one value per weight; adam two)
 * and the activations of one batch, kept for the backward pass and matched by as many gradients.
 * Frozen layers are counted as trainable, so the figure is an upper bound.
 */
public record MemoryEstimate(long weightBytes, long updaterBytes, long activationBytes, int batchSize, String optimizer) {
    /** float32. */
    public static final int BYTES_PER_VALUE = 4;
    private static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "nesterov", "adam", "rmsprop");
    private static final String[] UNITS = {"KB", "MB", "GB", "TB", "PB", "EB"};

    /** Weights, optimiser state and activations together. */
    public long total() { return Sizes.add(weightBytes, updaterBytes, activationBytes); }

    /**
     * @param batchSize examples per batch, at least 1
     * @param optimizer sgd, momentum, nesterov, rmsprop or adam
     */
    public static MemoryEstimate of(ShapeReport report, int batchSize, String optimizer) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        int slots = updaterSlots(optimizer);
        long params = report.totalParams();
        long values = 0;
        for (LayerInfo info : report.infos().values()) {
            if (info.output() != null) values = Sizes.add(values, info.output().size());
        }
        long weights = Sizes.mul(params, BYTES_PER_VALUE);
        long updater = Sizes.mul(weights, slots);
        long activations = Sizes.mul(values, batchSize, BYTES_PER_VALUE, 2);
        return new MemoryEstimate(weights, updater, activations, batchSize, optimizer);
    }

    /** Values of optimiser state kept per weight. */
    public static int updaterSlots(String optimizer) {
        return switch (optimizer == null ? "" : optimizer) {
            case "sgd" -> 0;
            case "momentum", "nesterov", "rmsprop" -> 1;
            case "adam" -> 2;
            default -> throw new IllegalArgumentException("unknown optimizer '" + optimizer + "'; use one of: "
                    + String.join(", ", OPTIMIZERS));
        };
    }

    /** "512 B", "48.2 KB", "12.3 MB", "1.0 GB" (decimal units, as disks and downloads count). */
    public static String format(long bytes) {
        if (bytes < 1000) return bytes + " B";
        double value = bytes;
        int unit = -1;
        while (value >= 999.95 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** "weights 48.2 KB, adam state 96.5 KB, activations 1.2 MB at batch 32: 1.3 MB". */
    @Override public String toString() {
        return "weights " + format(weightBytes) + ", " + optimizer + " state " + format(updaterBytes)
                + ", activations " + format(activationBytes) + " at batch " + batchSize + ": " + format(total());
    }
}
