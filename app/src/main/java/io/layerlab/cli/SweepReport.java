package io.layerlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerlab.train.sweep.CombinationSummary;
import io.layerlab.train.sweep.LearningRates;
import io.layerlab.train.sweep.Observation;
import io.layerlab.train.sweep.RunKey;
import io.layerlab.train.sweep.SweepResult;
import io.layerlab.train.sweep.SweepRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A sweep's result as the command line shows it: tables and observations, or one JSON object. */
final class SweepReport {
    private final SweepResult result;

    SweepReport(SweepResult result) {
        this.result = result;
    }

    /** One row per run; then, with repeats, one per combination; then the observations and the total time. */
    String text() {
        boolean optimizers = result.spec().optimizers().size() > 1;
        boolean activations = result.spec().activation() != null;
        boolean repeats = result.spec().repeats() > 1;
        boolean target = result.spec().targetLoss() != null;
        String loss = result.validated() ? "val loss" : "train loss";
        List<String> columns = new ArrayList<>(List.of(">run", ">lr", ">batch"));
        if (optimizers) columns.add("optimizer");
        if (activations) columns.add("activation");
        if (repeats) columns.add(">seed");
        columns.addAll(List.of(">final " + loss, ">best " + loss, ">val acc"));
        if (target) columns.add(">epochs to " + LearningRates.format(result.spec().targetLoss()));
        columns.addAll(List.of(">epochs", ">time", "status"));
        TextTable runs = new TextTable(columns);
        for (SweepRun r : result.runs()) {
            RunKey k = r.key();
            List<String> cells = new ArrayList<>(List.of(String.valueOf(k.index() + 1), LearningRates.format(k.learningRate()),
                    String.valueOf(k.batchSize())));
            if (optimizers) cells.add(k.optimizer());
            if (activations) cells.add(k.activation());
            if (repeats) cells.add(String.valueOf(k.seed()));
            cells.addAll(List.of(num(r.finalLoss()), num(r.bestLoss()), accuracy(r.finalAccuracy())));
            if (target) cells.add(r.epochsToTarget() == null ? "-" : String.valueOf(r.epochsToTarget()));
            cells.addAll(List.of(String.valueOf(r.epochs()), String.format(Locale.ROOT, "%.1f s", r.seconds()), r.status().id()));
            runs.row(cells);
        }
        StringBuilder out = new StringBuilder(runs.toString()).append('\n');
        if (repeats) {
            TextTable combos = new TextTable(List.of("setting", ">runs", ">mean final " + loss, ">lowest", ">highest",
                    ">mean val acc", ">diverged"));
            for (CombinationSummary c : result.combinations()) {
                combos.row(List.of(c.combination().label(), String.valueOf(c.runs().size()), num(c.finalLossMean()),
                        num(c.finalLossMin()), num(c.finalLossMax()), accuracy(c.finalAccuracyMean()),
                        String.valueOf(c.diverged())));
            }
            out.append('\n').append(combos).append('\n');
        }
        List<Observation> observations = result.observations();
        if (!observations.isEmpty()) {
            out.append('\n');
            for (Observation o : observations) out.append("- ").append(o.text()).append('\n');
        }
        out.append('\n').append(summaryLine());
        return out.toString();
    }

    String summaryLine() {
        String line = String.format(Locale.ROOT, "%d %s in %.1f s, %d at a time (%d native %s each)", result.runs().size(),
                result.runs().size() == 1 ? "run" : "runs", result.seconds(), result.parallelism(), result.threadsPerRun(),
                result.threadsPerRun() == 1 ? "thread" : "threads");
        if (result.cancelled()) line += "; cancelled, " + result.notStarted() + " runs not started";
        return line + ".";
    }

    ObjectNode json(String project) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("project", project);
        root.put("lossMeasuredOn", result.lossMeasuredOn());
        root.put("epochs", result.plan().epochs());
        root.put("repeats", result.spec().repeats());
        putNumber(root, "targetLoss", result.spec().targetLoss());
        root.put("parallelism", result.parallelism());
        root.put("threadsPerRun", result.threadsPerRun());
        root.put("seconds", result.seconds());
        root.put("cancelled", result.cancelled());
        root.put("notStarted", result.notStarted());
        ArrayNode runs = root.putArray("runs");
        for (SweepRun r : result.runs()) {
            ObjectNode o = runs.addObject();
            putKey(o, r.key());
            o.put("repeat", r.key().repeat() + 1);
            o.put("seed", r.key().seed());
            o.put("status", r.status().id());
            o.put("diverged", r.diverged());
            if (r.stopReason() == null) o.putNull("stopReason"); else o.put("stopReason", r.stopReason().id());
            o.put("epochs", r.epochs());
            o.put("iterations", r.iterations());
            putNumber(o, "initialLoss", r.initialLoss());
            putNumber(o, "finalLoss", r.finalLoss());
            putNumber(o, "bestLoss", r.bestLoss());
            putNumber(o, "finalAccuracy", r.finalAccuracy());
            putNumber(o, "bestAccuracy", r.bestAccuracy());
            if (r.epochsToTarget() == null) o.putNull("epochsToTarget"); else o.put("epochsToTarget", r.epochsToTarget());
            o.put("seconds", r.seconds());
            o.put("message", r.message());
        }
        ArrayNode combos = root.putArray("combinations");
        for (CombinationSummary c : result.combinations()) {
            ObjectNode o = combos.addObject();
            o.put("label", c.combination().label());
            o.put("learningRate", c.combination().learningRate());
            o.put("batchSize", c.combination().batchSize());
            o.put("optimizer", c.combination().optimizer());
            o.put("activation", c.combination().activation());
            o.put("runs", c.runs().size());
            o.put("diverged", c.diverged());
            putNumber(o, "finalLossMean", c.finalLossMean());
            putNumber(o, "finalLossMin", c.finalLossMin());
            putNumber(o, "finalLossMax", c.finalLossMax());
            putNumber(o, "finalAccuracyMean", c.finalAccuracyMean());
        }
        result.best().ifPresentOrElse(b -> root.put("best", b.combination().label()), () -> root.putNull("best"));
        ArrayNode observations = root.putArray("observations");
        for (Observation ob : result.observations()) {
            observations.addObject().put("kind", ob.kind().name().toLowerCase(Locale.ROOT)).put("text", ob.text());
        }
        return root;
    }

    private static void putKey(ObjectNode o, RunKey k) {
        o.put("run", k.index() + 1);
        o.put("label", k.label());
        o.put("learningRate", k.learningRate());
        o.put("batchSize", k.batchSize());
        o.put("optimizer", k.optimizer());
        o.put("activation", k.activation());
    }

    /** JSON has no NaN: a missing or non-finite number is written as null. */
    private static void putNumber(ObjectNode o, String name, Double v) {
        if (v == null || !Double.isFinite(v)) o.putNull(name); else o.put(name, v);
    }

    private static String num(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String accuracy(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
