package io.layerlab.train.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Short observations read off a sweep's measured curves, each naming its numbers. What is measured:
 * <ul>
 *   <li><b>diverged</b>: runs whose loss became NaN or exploded (see {@link SweepRun}), with the
 *       peak or non-finite loss and its iteration;</li>
 *   <li><b>oscillated</b>: per combination (averaged over its repeats that did not diverge), the
 *       epoch-to-epoch steps of the loss curve change direction in at least
 *       {@value #OSCILLATION_DIRECTION_CHANGES} of the step pairs, and the curve moves back and forth
 *       (travel beyond its net change) by at least {@value #OSCILLATION_STEP} of the untrained loss
 *       per epoch, so the small wobble of a converged curve is not counted;</li>
 *   <li><b>too slow</b>: combinations whose completed runs' loss fell from the untrained network's
 *       to their last epoch by less than a third ({@link #TOO_SLOW_SHARE}) of the largest fall in
 *       the sweep (by less than {@value #TOO_SLOW_FALL} of the untrained loss when there is nothing
 *       to compare with);</li>
 *   <li><b>noise by batch size</b>: the standard deviation of each run's per-iteration loss around
 *       its centred moving average over {@value #NOISE_WINDOW} iterations (its first epoch left out,
 *       where the trend bends most), the median per batch size, smallest batch against largest;</li>
 *   <li><b>target</b>: which combination reached the target loss in the fewest epochs (and, if
 *       another one, in the least time), or how close the best came;</li>
 *   <li><b>best</b> and, with repeats, <b>repeat spread</b>: the lowest final loss and the combination
 *       whose repeats disagree most.</li>
 * </ul>
 * The untrained loss is the run's epoch 0 (see {@link #startingLoss}).
 */
public final class CurveObservations {
    public static final double OSCILLATION_DIRECTION_CHANGES = 0.4;
    public static final double OSCILLATION_STEP = 0.075;
    public static final double TOO_SLOW_SHARE = 1.0 / 3;
    public static final double TOO_SLOW_FALL = 0.10;
    public static final int NOISE_WINDOW = 11;
    /** Noise ratios closer to 1 than this are reported as "about as noisy". */
    static final double NOISE_SAME = 1.15;
    private static final int MIN_NOISE_ITERATIONS = 20;
    private static final int MIN_OSCILLATION_STEPS = 4;

    private CurveObservations() { }

    public static List<Observation> of(SweepResult result) {
        List<RunCurves> curves = result.runs().stream().filter(r -> r.history() != null).map(SweepRun::curves).toList();
        return of(curves, result.spec().targetLoss(), result.validated());
    }

    /**
     * @param runs       the runs, in plan order
     * @param targetLoss the sweep's target loss, or null
     * @param validated  whether {@link RunCurves#epochLoss()} holds validation losses (it names them so)
     */
    public static List<Observation> of(List<RunCurves> runs, Double targetLoss, boolean validated) {
        String lossName = validated ? "validation loss" : "training loss";
        Map<Combination, List<RunCurves>> groups = new LinkedHashMap<>();
        for (RunCurves run : runs) groups.computeIfAbsent(run.key().combination(), c -> new ArrayList<>()).add(run);
        List<Observation> observations = new ArrayList<>();
        diverged(groups).ifPresent(observations::add);
        oscillated(groups, lossName).ifPresent(observations::add);
        tooSlow(groups, lossName).ifPresent(observations::add);
        batchNoise(runs).ifPresent(observations::add);
        if (targetLoss != null) target(groups, targetLoss, lossName).ifPresent(observations::add);
        best(groups, lossName).ifPresent(observations::add);
        repeatSpread(groups, lossName).ifPresent(observations::add);
        return List.copyOf(observations);
    }

    // --- measures, public so a view can show them beside the curves ---

    /**
     * The untrained network's loss: the run's epoch-0 loss when measured, otherwise its first
     * minibatch loss (measured before the first update), otherwise its first epoch's loss.
     */
    public static double startingLoss(RunCurves run) {
        if (Double.isFinite(run.initialLoss())) return run.initialLoss();
        if (run.iterationLoss().length > 0 && Float.isFinite(run.iterationLoss()[0])) return run.iterationLoss()[0];
        return run.epochLoss().length > 0 ? run.epochLoss()[0] : Double.NaN;
    }

    /**
     * How a loss curve moves from epoch to epoch.
     *
     * @param steps            epoch-to-epoch differences counted
     * @param directionChanges how often consecutive differences have opposite signs
     * @param backAndForth     movement per step beyond the net change: (sum of |differences| minus
     *                         |last - first|) / steps; 0 for a curve that only falls (or only rises)
     */
    public record Oscillation(int steps, int directionChanges, double backAndForth) {
        /** Share of step pairs that changed direction. */
        public double changeRate() {
            return steps < 2 ? 0 : directionChanges / (double) (steps - 1);
        }
    }

    /** The finite values of {@code curve}, in order, measured as an {@link Oscillation}. */
    public static Oscillation oscillation(double[] curve) {
        double[] finite = Arrays.stream(curve).filter(Double::isFinite).toArray();
        int steps = Math.max(0, finite.length - 1);
        int changes = 0;
        double travel = 0;
        double previous = 0;
        for (int i = 1; i < finite.length; i++) {
            double step = finite[i] - finite[i - 1];
            travel += Math.abs(step);
            if (previous != 0 && step * previous < 0) changes++;
            if (step != 0) previous = step;
        }
        double net = steps == 0 ? 0 : Math.abs(finite[finite.length - 1] - finite[0]);
        return new Oscillation(steps, changes, steps == 0 ? 0 : (travel - net) / steps);
    }

    /**
     * Standard deviation of the per-iteration loss around its centred moving average of
     * {@value #NOISE_WINDOW} iterations, leaving out the first {@code skip} iterations; NaN when fewer
     * than 20 iterations remain or any is not finite.
     */
    public static double iterationNoise(float[] losses, int skip) {
        int from = Math.max(0, skip);
        int n = losses.length;
        if (n - from < MIN_NOISE_ITERATIONS) return Double.NaN;
        double[] prefix = new double[n - from + 1];
        for (int i = from; i < n; i++) {
            if (!Float.isFinite(losses[i])) return Double.NaN;
            prefix[i - from + 1] = prefix[i - from] + losses[i];
        }
        int half = NOISE_WINDOW / 2;
        double squares = 0;
        for (int i = from; i < n; i++) {
            int lo = Math.max(from, i - half);
            int hi = Math.min(n - 1, i + half);
            double trend = (prefix[hi - from + 1] - prefix[lo - from]) / (hi - lo + 1);
            double residual = losses[i] - trend;
            squares += residual * residual;
        }
        return Math.sqrt(squares / (n - from));
    }

    /**
     * How far the curve fell from the untrained loss to its last epoch, as a share of the untrained
     * loss (negative when it rose); NaN without epochs.
     */
    public static double fall(RunCurves run) {
        double start = startingLoss(run);
        if (run.epochLoss().length == 0 || !(start > 0)) return Double.NaN;
        return (start - run.epochLoss()[run.epochLoss().length - 1]) / start;
    }

    // --- the observations ---

    private static java.util.Optional<Observation> diverged(Map<Combination, List<RunCurves>> groups) {
        boolean showOptimizer = groups.keySet().stream().map(Combination::optimizer).distinct().count() > 1;
        Map<String, List<Combination>> divergedByRate = new LinkedHashMap<>();
        Map<String, List<Combination>> allByRate = new LinkedHashMap<>();
        for (Map.Entry<Combination, List<RunCurves>> g : groups.entrySet()) {
            String rate = rateLabel(g.getKey(), showOptimizer);
            allByRate.computeIfAbsent(rate, k -> new ArrayList<>()).add(g.getKey());
            if (g.getValue().stream().anyMatch(RunCurves::diverged)) {
                divergedByRate.computeIfAbsent(rate, k -> new ArrayList<>()).add(g.getKey());
            }
        }
        if (divergedByRate.isEmpty()) return java.util.Optional.empty();
        List<String> items = new ArrayList<>();
        List<Combination> involved = new ArrayList<>();
        for (Map.Entry<String, List<Combination>> e : divergedByRate.entrySet()) {
            List<Combination> combos = e.getValue();
            involved.addAll(combos);
            List<RunCurves> runs = combos.stream().flatMap(c -> groups.get(c).stream()).filter(RunCurves::diverged).toList();
            boolean everyBatchSize = combos.size() > 1 && combos.size() == allByRate.get(e.getKey()).size()
                    && runs.size() == combos.stream().mapToInt(c -> groups.get(c).size()).sum();
            if (everyBatchSize) {
                items.add(e.getKey() + " with every batch size tried (" + divergencePoints(runs) + ")");
                continue;
            }
            for (Combination c : combos) {
                List<RunCurves> all = groups.get(c);
                List<RunCurves> diverged = all.stream().filter(RunCurves::diverged).toList();
                String share = all.size() > 1 ? " in " + diverged.size() + " of " + all.size() + " runs" : "";
                items.add(c.label() + share + " (" + divergencePoints(diverged) + ")");
            }
        }
        return java.util.Optional.of(new Observation(Observation.Kind.DIVERGED,
                "Diverged: " + String.join("; ", items) + ".", involved));
    }

    /** Per diverged run, its non-finite last loss or its peak loss, with the iteration: "loss NaN at iteration 3". */
    private static String divergencePoints(List<RunCurves> runs) {
        List<String> points = new ArrayList<>();
        for (RunCurves r : runs) {
            float[] losses = r.iterationLoss();
            if (losses.length == 0) continue;
            int at = losses.length - 1;
            if (Float.isFinite(losses[at])) {
                for (int i = 0; i < losses.length; i++) {
                    if (losses[i] > losses[at]) at = i;
                }
            }
            points.add("loss " + num(losses[at]) + " at iteration " + (at + 1));
        }
        return points.isEmpty() ? "before its first iteration" : String.join(", ", points.stream().distinct().toList());
    }

    private static java.util.Optional<Observation> oscillated(Map<Combination, List<RunCurves>> groups, String lossName) {
        List<String> items = new ArrayList<>();
        List<Combination> involved = new ArrayList<>();
        for (Map.Entry<Combination, List<RunCurves>> g : groups.entrySet()) {
            List<RunCurves> healthy = g.getValue().stream().filter(r -> !r.diverged()).toList();
            if (healthy.isEmpty()) continue;
            double changeRate = 0;
            double backAndForth = 0;
            double start = 0;
            int steps = 0;
            int changes = 0;
            for (RunCurves r : healthy) {
                Oscillation o = oscillation(r.epochLoss());
                changeRate += o.changeRate();
                backAndForth += o.backAndForth();
                start += startingLoss(r);
                steps += o.steps();
                changes += o.directionChanges();
            }
            int n = healthy.size();
            changeRate /= n;
            backAndForth /= n;
            start /= n;
            if (steps / n < MIN_OSCILLATION_STEPS || !(start > 0)) continue;
            if (changeRate >= OSCILLATION_DIRECTION_CHANGES && backAndForth >= OSCILLATION_STEP * start) {
                involved.add(g.getKey());
                String changed = n == 1
                        ? "changed direction " + changes + " times in " + steps + " epochs"
                        : "changed direction in " + percent(changeRate) + " of its epochs";
                items.add(g.getKey().label() + " (the " + lossName + " " + changed + " and moved back and forth by "
                        + num(backAndForth) + " per epoch, " + percent(backAndForth / start) + " of the untrained loss "
                        + num(start) + ")");
            }
        }
        if (items.isEmpty()) return java.util.Optional.empty();
        return java.util.Optional.of(new Observation(Observation.Kind.OSCILLATED,
                "Oscillated: " + String.join("; ", items) + ".", involved));
    }

    private static java.util.Optional<Observation> tooSlow(Map<Combination, List<RunCurves>> groups, String lossName) {
        Map<Combination, Double> falls = new LinkedHashMap<>();
        for (Map.Entry<Combination, List<RunCurves>> g : groups.entrySet()) {
            double fall = g.getValue().stream().filter(r -> r.status() == RunStatus.COMPLETED)
                    .mapToDouble(CurveObservations::fall).filter(Double::isFinite).average().orElse(Double.NaN);
            if (Double.isFinite(fall)) falls.put(g.getKey(), fall);
        }
        if (falls.isEmpty()) return java.util.Optional.empty();
        Combination best = falls.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        double bestFall = falls.get(best);
        double limit = falls.size() > 1 && bestFall > 0 ? TOO_SLOW_SHARE * bestFall : TOO_SLOW_FALL;
        List<String> items = new ArrayList<>();
        List<Combination> involved = new ArrayList<>();
        int epochs = 0;
        for (Map.Entry<Combination, Double> e : falls.entrySet()) {
            if (e.getValue() >= limit) continue;
            List<RunCurves> completed = groups.get(e.getKey()).stream().filter(r -> r.status() == RunStatus.COMPLETED).toList();
            RunCurves r = completed.get(0);
            epochs = Math.max(epochs, r.epochLoss().length);
            involved.add(e.getKey());
            String change = lossName + (e.getValue() >= 0 ? " fell " + percent(e.getValue()) : " rose " + percent(-e.getValue()));
            String detail = completed.size() > 1 ? " on average over " + completed.size() + " runs"
                    : ", " + num(startingLoss(r)) + " → " + num(r.epochLoss()[r.epochLoss().length - 1]);
            items.add(e.getKey().label() + " (" + change + detail + ")");
        }
        if (items.isEmpty()) return java.util.Optional.empty();
        String text = "Too slow to learn in " + epochs + (epochs == 1 ? " epoch" : " epochs") + ": " + String.join("; ", items) + ". ";
        text += limit == TOO_SLOW_FALL || involved.contains(best)
                ? "Each fell less than " + percent(TOO_SLOW_FALL) + " from the untrained network's loss."
                : "That is less than a third of the " + percent(bestFall) + " fall at " + best.label() + ".";
        return java.util.Optional.of(new Observation(Observation.Kind.TOO_SLOW, text, involved));
    }

    private static java.util.Optional<Observation> batchNoise(List<RunCurves> runs) {
        Map<Integer, List<Double>> noiseByBatch = new TreeMap<>();
        for (RunCurves r : runs) {
            if (r.diverged() || r.status() == RunStatus.FAILED) continue;
            int epochs = r.trainLoss().length;
            int perEpoch = epochs == 0 ? 0 : (int) Math.ceil(r.iterationLoss().length / (double) epochs);
            double noise = iterationNoise(r.iterationLoss(), epochs >= 3 ? perEpoch : 0);
            if (Double.isFinite(noise)) noiseByBatch.computeIfAbsent(r.key().batchSize(), b -> new ArrayList<>()).add(noise);
        }
        if (noiseByBatch.size() < 2) return java.util.Optional.empty();
        Map<Integer, Double> median = new TreeMap<>();
        noiseByBatch.forEach((batch, values) -> median.put(batch, median(values)));
        int small = ((TreeMap<Integer, Double>) median).firstKey();
        int large = ((TreeMap<Integer, Double>) median).lastKey();
        double ratio = median.get(small) / median.get(large);
        String scatter = "standard deviation of the per-iteration training loss around its moving average, median over runs: "
                + median.entrySet().stream().map(e -> "batch " + e.getKey() + " " + num(e.getValue()))
                .collect(Collectors.joining(", "));
        String text;
        if (ratio >= NOISE_SAME) {
            text = "Batch " + small + " curves are " + times(ratio) + " noisier than batch " + large + " (" + scatter + ").";
        } else if (ratio <= 1 / NOISE_SAME) {
            text = "Batch " + large + " curves are " + times(1 / ratio) + " noisier than batch " + small + " (" + scatter + ").";
        } else {
            text = "Batch " + small + " curves are about as noisy as batch " + large + " (" + scatter + ").";
        }
        return java.util.Optional.of(new Observation(Observation.Kind.BATCH_NOISE, text, List.of()));
    }

    private static java.util.Optional<Observation> target(Map<Combination, List<RunCurves>> groups, double target, String lossName) {
        List<RunCurves> reached = groups.values().stream().flatMap(List::stream).filter(r -> r.epochsToTarget() != null).toList();
        int total = (int) groups.values().stream().mapToLong(List::size).sum();
        if (reached.isEmpty()) {
            return bestCurvePoint(groups).map(p -> new Observation(Observation.Kind.TARGET,
                    "No run reached the target " + lossName + " " + num(target) + "; the lowest was " + num(p.loss)
                            + " (" + p.run.key().label() + ", epoch " + p.epoch + ").", List.of(p.run.key().combination())));
        }
        RunCurves fewestEpochs = reached.stream().min(Comparator.comparingInt(RunCurves::epochsToTarget)
                .thenComparingDouble(r -> seconds(r.secondsToTarget()))).orElseThrow();
        RunCurves soonest = reached.stream().min(Comparator.comparingDouble((RunCurves r) -> seconds(r.secondsToTarget()))
                .thenComparingInt(RunCurves::epochsToTarget)).orElseThrow();
        StringBuilder text = new StringBuilder(fewestEpochs.key().label()).append(" reached the target ").append(lossName)
                .append(' ').append(num(target)).append(" first, at epoch ").append(fewestEpochs.epochsToTarget());
        if (fewestEpochs.secondsToTarget() != null) text.append(" (").append(secs(fewestEpochs.secondsToTarget())).append(')');
        List<Combination> involved = new ArrayList<>(List.of(fewestEpochs.key().combination()));
        if (soonest != fewestEpochs && !soonest.key().combination().equals(fewestEpochs.key().combination())) {
            text.append("; in time, ").append(soonest.key().label()).append(" was sooner: ")
                    .append(secs(soonest.secondsToTarget())).append(" at epoch ").append(soonest.epochsToTarget());
            involved.add(soonest.key().combination());
        }
        text.append(". ").append(reached.size()).append(" of ").append(total).append(total == 1 ? " run" : " runs").append(" reached it.");
        return java.util.Optional.of(new Observation(Observation.Kind.TARGET, text.toString(), involved));
    }

    private record CurvePoint(RunCurves run, int epoch, double loss) { }

    private static java.util.Optional<CurvePoint> bestCurvePoint(Map<Combination, List<RunCurves>> groups) {
        CurvePoint best = null;
        for (List<RunCurves> runs : groups.values()) {
            for (RunCurves r : runs) {
                for (int e = 0; e < r.epochLoss().length; e++) {
                    double v = r.epochLoss()[e];
                    if (Double.isFinite(v) && (best == null || v < best.loss)) best = new CurvePoint(r, e + 1, v);
                }
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private static java.util.Optional<Observation> best(Map<Combination, List<RunCurves>> groups, String lossName) {
        Combination bestCombination = null;
        double bestMean = Double.POSITIVE_INFINITY;
        List<Double> bestFinals = List.of();
        for (Map.Entry<Combination, List<RunCurves>> g : groups.entrySet()) {
            List<Double> finals = finals(g.getValue());
            if (finals.isEmpty()) continue;
            double mean = finals.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            if (mean < bestMean) {
                bestMean = mean;
                bestCombination = g.getKey();
                bestFinals = finals;
            }
        }
        if (bestCombination == null) return java.util.Optional.empty();
        StringBuilder text = new StringBuilder("Lowest final ").append(lossName).append(": ").append(num(bestMean))
                .append(" at ").append(bestCombination.label());
        if (bestFinals.size() > 1) {
            text.append(" (mean of ").append(bestFinals.size()).append(" runs, ")
                    .append(num(bestFinals.stream().mapToDouble(Double::doubleValue).min().orElseThrow())).append(" to ")
                    .append(num(bestFinals.stream().mapToDouble(Double::doubleValue).max().orElseThrow())).append(')');
        }
        List<Double> accuracies = groups.get(bestCombination).stream().filter(r -> !r.diverged() && r.finalAccuracy() != null)
                .map(RunCurves::finalAccuracy).toList();
        if (!accuracies.isEmpty()) {
            text.append(", validation accuracy ").append(String.format(Locale.ROOT, "%.3f",
                    accuracies.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
        }
        return java.util.Optional.of(new Observation(Observation.Kind.BEST, text.append('.').toString(), List.of(bestCombination)));
    }

    private static java.util.Optional<Observation> repeatSpread(Map<Combination, List<RunCurves>> groups, String lossName) {
        Combination widest = null;
        double widestRange = -1;
        double lo = 0;
        double hi = 0;
        int count = 0;
        List<Double> ranges = new ArrayList<>();
        for (Map.Entry<Combination, List<RunCurves>> g : groups.entrySet()) {
            List<Double> finals = finals(g.getValue());
            if (finals.size() < 2) continue;
            double min = finals.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = finals.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            ranges.add(max - min);
            if (max - min > widestRange) {
                widestRange = max - min;
                widest = g.getKey();
                lo = min;
                hi = max;
                count = finals.size();
            }
        }
        if (widest == null) return java.util.Optional.empty();
        String text = "Seeds matter most at " + widest.label() + ": its final " + lossName + " ranged from " + num(lo) + " to "
                + num(hi) + " over " + count + " runs";
        if (ranges.size() > 1) text += "; the median range over all settings is " + num(median(ranges));
        return java.util.Optional.of(new Observation(Observation.Kind.REPEAT_SPREAD, text + ".", List.of(widest)));
    }

    // --- helpers ---

    private static List<Double> finals(List<RunCurves> runs) {
        List<Double> finals = new ArrayList<>();
        for (RunCurves r : runs) {
            if (r.diverged() || r.epochLoss().length == 0) continue;
            double v = r.epochLoss()[r.epochLoss().length - 1];
            if (Double.isFinite(v)) finals.add(v);
        }
        return finals;
    }

    /** "lr 10", with the optimizer (when the sweep varies it) and activation: what "every batch size" is relative to. */
    private static String rateLabel(Combination c, boolean showOptimizer) {
        return SweepPlan.label(c.learningRate(), null, showOptimizer ? c.optimizer() : null, c.activation());
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static double seconds(Double s) {
        return s == null ? Double.POSITIVE_INFINITY : s;
    }

    /** Three significant digits: 0.0431, 1.25, 48.2; NaN and infinities by name. */
    static String num(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "infinite" : "-infinite";
        if (v == 0) return "0";
        if (Math.abs(v) < 1e-4) return String.format(Locale.ROOT, "%.2e", v);
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String percent(double share) {
        double p = share * 100;
        return (Math.abs(p) < 10 ? String.format(Locale.ROOT, "%.1f", p) : String.format(Locale.ROOT, "%.0f", p)) + "%";
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, "%.1f×", ratio);
    }

    private static String secs(double s) {
        return String.format(Locale.ROOT, s < 10 ? "%.2f s" : "%.1f s", s);
    }
}
