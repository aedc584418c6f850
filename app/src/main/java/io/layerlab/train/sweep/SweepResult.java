package io.layerlab.train.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every run a sweep trained, in plan order, with their aggregation over repeats.
 *
 * @param runs          the runs that started (all of them unless cancelled), in plan order
 * @param cancelled     whether the sweep was cancelled; stopped runs are among {@code runs}
 * @param notStarted    planned runs a cancel kept from starting
 * @param seconds       wall-clock time from the first run's start to the last run's end
 * @param parallelism   runs trained at once
 * @param threadsPerRun native threads each run was limited to
 */
public record SweepResult(SweepPlan plan, List<SweepRun> runs, boolean cancelled, int notStarted, double seconds,
                          int parallelism, int threadsPerRun) {
    /** Header of {@link #writeRunsCsv}: one row per run. */
    public static final String RUNS_CSV_HEADER = "run,learningRate,batchSize,optimizer,activation,repeat,seed,status,"
            + "epochs,iterations,finalLoss,bestLoss,finalAccuracy,bestAccuracy,epochsToTarget,seconds,lossMeasuredOn,message";
    /** Header of {@link #writeEpochsCsv}: one row per run per completed epoch. */
    public static final String EPOCHS_CSV_HEADER = "run,learningRate,batchSize,optimizer,activation,repeat,epoch,"
            + "trainLoss,valLoss,valAccuracy,seconds";

    public SweepResult {
        runs = List.copyOf(runs);
    }

    public SweepSpec spec() { return plan.spec(); }

    /** Whether the losses are validation losses (the project holds validation data back) rather than training losses. */
    public boolean validated() {
        return runs.stream().anyMatch(SweepRun::validated);
    }

    /** "validation" or "training": what the runs' losses were measured on. */
    public String lossMeasuredOn() {
        return validated() ? "validation" : "training";
    }

    /** Per combination that has runs, in plan order, its runs aggregated over the repeats. */
    public List<CombinationSummary> combinations() {
        Map<Combination, List<SweepRun>> byCombination = new LinkedHashMap<>();
        for (Combination c : plan.combinations()) byCombination.put(c, new ArrayList<>());
        for (SweepRun run : runs) byCombination.get(run.key().combination()).add(run);
        List<CombinationSummary> summaries = new ArrayList<>();
        for (Map.Entry<Combination, List<SweepRun>> e : byCombination.entrySet()) {
            if (!e.getValue().isEmpty()) summaries.add(CombinationSummary.of(e.getKey(), e.getValue()));
        }
        return summaries;
    }

    /** The combination with the lowest mean final loss among those with a run that did not diverge. */
    public Optional<CombinationSummary> best() {
        return combinations().stream().filter(c -> c.finalLossMean() != null)
                .min(Comparator.comparingDouble(CombinationSummary::finalLossMean));
    }

    /** The run with the lowest final loss among those that did not diverge or fail. */
    public Optional<SweepRun> bestRun() {
        return runs.stream().filter(r -> !r.diverged() && r.finalLoss() != null)
                .min(Comparator.comparingDouble(SweepRun::finalLoss));
    }

    /**
     * The project {@code run} trained: the sweep's copy, with the run's learning rate, batch size,
     * optimizer, epochs, seed and activation. To open the run in the dashboard, or to keep its settings.
     */
    public io.layerlab.project.Project projectOf(RunKey run) {
        return plan.runs().get(run.index()).project();
    }

    /** Runs that ended with {@code status}. */
    public List<SweepRun> runs(RunStatus status) {
        return runs.stream().filter(r -> r.status() == status).toList();
    }

    /** Observations read off the measured curves. */
    public List<Observation> observations() {
        return CurveObservations.of(this);
    }

    /** One row per run (header {@value #RUNS_CSV_HEADER}); missing values are empty fields. */
    public void writeRunsCsv(Writer out) throws IOException {
        out.write(RUNS_CSV_HEADER);
        out.write('\n');
        for (SweepRun r : runs) {
            RunKey k = r.key();
            StringBuilder row = keyColumns(new StringBuilder(), k);
            row.append(',').append(k.seed()).append(',').append(r.status().id())
                    .append(',').append(r.epochs()).append(',').append(r.iterations());
            value(row, r.finalLoss());
            value(row, r.bestLoss());
            value(row, r.finalAccuracy());
            value(row, r.bestAccuracy());
            row.append(',').append(r.epochsToTarget() == null ? "" : r.epochsToTarget().toString());
            row.append(',').append(r.seconds());
            row.append(',').append(r.history() == null ? "" : r.validated() ? "validation" : "training");
            row.append(',').append(quoted(r.message()));
            out.write(row.append('\n').toString());
        }
    }

    /** One row per run per completed epoch (header {@value #EPOCHS_CSV_HEADER}): the curves. */
    public void writeEpochsCsv(Writer out) throws IOException {
        out.write(EPOCHS_CSV_HEADER);
        out.write('\n');
        for (SweepRun r : runs) {
            if (r.history() == null) continue;
            double[] train = r.history().trainLosses();
            double[] val = r.history().valLosses();
            double[] acc = r.history().valAccuracies();
            double[] sec = r.history().epochSeconds();
            for (int e = 0; e < train.length; e++) {
                StringBuilder row = keyColumns(new StringBuilder(), r.key()).append(',').append(e + 1);
                value(row, train[e]);
                value(row, val[e]);
                value(row, acc[e]);
                value(row, sec[e]);
                out.write(row.append('\n').toString());
            }
        }
    }

    /** Writes {@code runs.csv}-style rows to {@code file}, through a temporary file renamed into place. */
    public void writeRunsCsv(Path file) {
        writeAtomically(file, this::writeRunsCsv);
    }

    public void writeEpochsCsv(Path file) {
        writeAtomically(file, this::writeEpochsCsv);
    }

    private interface CsvBody {
        void write(Writer out) throws IOException;
    }

    private static void writeAtomically(Path file, CsvBody body) {
        try {
            io.layerlab.project.AtomicFile.writeText(file, body::write);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private static StringBuilder keyColumns(StringBuilder row, RunKey k) {
        return row.append(k.index() + 1).append(',').append(k.learningRate()).append(',').append(k.batchSize())
                .append(',').append(k.optimizer()).append(',').append(k.activation() == null ? "" : k.activation())
                .append(',').append(k.repeat() + 1);
    }

    private static void value(StringBuilder row, Double v) {
        row.append(',');
        if (v != null && Double.isFinite(v)) row.append(v);
    }

    private static void value(StringBuilder row, double v) {
        row.append(',');
        if (Double.isFinite(v)) row.append(v);
    }

    private static String quoted(String text) {
        if (text == null) return "";
        return '"' + text.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }
}
