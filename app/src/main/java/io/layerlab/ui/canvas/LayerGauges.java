package io.layerlab.ui.canvas;

import io.layerlab.train.LayerStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one layer's training statistics say, as the small gauges its node shows: one per measure
 * that applies to the layer (gradients and step sizes only where there are weights, dead units
 * only for ReLU, saturation only for sigmoid and tanh), each with a fill, a health level and a
 * sentence in plain words. The thresholds are those of {@link LayerStats#concerns()} for a
 * warning, with a caution band before them. Plain logic, no JavaFX.
 *
 * @param gauges in a fixed order: gradient, dead units, saturation, update ratio
 */
public record LayerGauges(List<Gauge> gauges) {
    /** Below this mean |gradient| the layer learns slowly (a warning from {@link LayerStats#VANISHING_GRADIENT}). */
    static final double SMALL_GRADIENT = 1e-5;
    /** From this fraction of dead or saturated units on, it is worth watching (a warning from 0.5). */
    static final double NOTABLE_FRACTION = 0.2;
    static final double SERIOUS_FRACTION = 0.5;
    /** Update ratios between these are comfortably near the healthy 1e-3. */
    static final double LOW_UPDATE = 1e-4;
    static final double HIGH_UPDATE = 1e-2;

    /** How a measure looks. */
    public enum Level { HEALTHY, CAUTION, WARNING }

    /** The measures, with the word a gauge is captioned with. */
    public enum Measure {
        GRADIENT("grad", "Mean |gradient|"),
        DEAD_UNITS("dead", "Dead ReLUs"),
        SATURATION("sat", "Saturated outputs"),
        UPDATE_RATIO("step", "Update / weight");

        private final String caption;
        private final String title;

        Measure(String caption, String title) {
            this.caption = caption;
            this.title = title;
        }

        /** The short word under which the gauge is drawn: "grad", "dead", "sat", "step". */
        public String caption() { return caption; }

        public String title() { return title; }
    }

    /**
     * One gauge.
     *
     * @param fill    how full the bar is, 0 to 1 (logarithmic for gradients and update ratios)
     * @param text    the value as shown: "3.2e-03", "45%"
     * @param reading what it means, in a sentence
     */
    public record Gauge(Measure measure, double value, double fill, Level level, String text, String reading) { }

    public LayerGauges {
        gauges = List.copyOf(gauges);
    }

    /** The gauges for the measures this sample has (NaN measures are left out). */
    public static LayerGauges of(LayerStats stats) {
        List<Gauge> out = new ArrayList<>(4);
        double g = stats.meanAbsGradient();
        if (!Double.isNaN(g)) out.add(gradient(g));
        if (!Double.isNaN(stats.deadFraction())) out.add(dead(stats.deadFraction()));
        if (!Double.isNaN(stats.saturatedFraction())) out.add(saturated(stats.saturatedFraction(), stats.activation()));
        if (!Double.isNaN(stats.updateRatio())) out.add(update(stats.updateRatio()));
        return new LayerGauges(out);
    }

    public boolean isEmpty() { return gauges.isEmpty(); }

    /** The measures shown, in order. */
    public List<Measure> measures() { return gauges.stream().map(Gauge::measure).toList(); }

    /** The worst level among the gauges (healthy when there are none). */
    public Level worst() {
        Level worst = Level.HEALTHY;
        for (Gauge g : gauges) if (g.level().compareTo(worst) > 0) worst = g.level();
        return worst;
    }

    /** The tooltip's account: one line per gauge, its title, value and meaning. */
    public String reading() {
        StringBuilder sb = new StringBuilder("While training (latest sample):");
        for (Gauge g : gauges) {
            sb.append("\n• ").append(g.measure().title()).append(' ').append(g.text()).append(": ").append(g.reading());
        }
        return sb.toString();
    }

    private static Gauge gradient(double g) {
        String text = scientific(g);
        Level level = g < LayerStats.VANISHING_GRADIENT ? Level.WARNING : g < SMALL_GRADIENT ? Level.CAUTION : Level.HEALTHY;
        String reading = switch (level) {
            case HEALTHY -> "the gradient reaches this layer.";
            case CAUTION -> "small; this layer learns slowly.";
            case WARNING -> "the gradient has vanished, so this layer has almost stopped learning. "
                    + "ReLU instead of sigmoid/tanh, BatchNormalization or a skip connection help.";
        };
        return new Gauge(Measure.GRADIENT, g, logFill(g, -8, 0), level, text, reading);
    }

    private static Gauge dead(double f) {
        Level level = fractionLevel(f);
        String reading = switch (level) {
            case HEALTHY -> f == 0 ? "every ReLU still fires for some example." : "a few ReLUs output 0 for every example.";
            case CAUTION -> "these ReLUs output 0 for every example and no longer learn.";
            case WARNING -> "most ReLUs output 0 for every example and no longer learn. "
                    + "A lower learning rate or LeakyReLU helps.";
        };
        return new Gauge(Measure.DEAD_UNITS, f, clamp(f), level, percent(f), reading);
    }

    private static Gauge saturated(double f, String activation) {
        Level level = fractionLevel(f);
        String fn = activation == null ? "the activation" : activation;
        String reading = switch (level) {
            case HEALTHY -> "outputs stay mostly in " + fn + "'s responsive middle.";
            case CAUTION -> "many outputs sit in " + fn + "'s flat tails, where the gradient almost vanishes.";
            case WARNING -> "most outputs sit in " + fn + "'s flat tails, where the gradient almost vanishes. "
                    + "Normalised inputs, a lower learning rate or ReLU help.";
        };
        return new Gauge(Measure.SATURATION, f, clamp(f), level, percent(f), reading);
    }

    private static Gauge update(double r) {
        Level level;
        String reading;
        if (r > LayerStats.LARGE_UPDATE) {
            level = Level.WARNING;
            reading = "very large steps (about 1e-3 is healthy): the learning rate is probably too high.";
        } else if (r < LayerStats.TINY_UPDATE) {
            level = Level.WARNING;
            reading = "the weights barely change (about 1e-3 is healthy): the learning rate may be too low.";
        } else if (r > HIGH_UPDATE) {
            level = Level.CAUTION;
            reading = "large steps (about 1e-3 is healthy).";
        } else if (r < LOW_UPDATE) {
            level = Level.CAUTION;
            reading = "small steps (about 1e-3 is healthy): this layer learns slowly.";
        } else {
            level = Level.HEALTHY;
            reading = "each step changes the weights by a healthy share of their size (about 1e-3).";
        }
        return new Gauge(Measure.UPDATE_RATIO, r, logFill(r, -7, 0), level, scientific(r), reading);
    }

    private static Level fractionLevel(double f) {
        return f >= SERIOUS_FRACTION ? Level.WARNING : f >= NOTABLE_FRACTION ? Level.CAUTION : Level.HEALTHY;
    }

    /** Where log10(value) falls between the two decades, 0 to 1; 0 for zero or negative values. */
    private static double logFill(double value, int lowDecade, int highDecade) {
        if (!(value > 0)) return 0;
        return clamp((Math.log10(value) - lowDecade) / (highDecade - lowDecade));
    }

    private static double clamp(double v) { return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v)); }

    private static String scientific(double v) { return String.format(Locale.ROOT, "%.1e", v); }

    private static String percent(double f) { return Math.round(f * 100) + "%"; }
}
