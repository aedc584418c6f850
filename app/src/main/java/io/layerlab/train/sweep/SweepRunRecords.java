package io.layerlab.train.sweep;

import io.layerlab.project.Project;
import io.layerlab.shape.ShapeInference;
import io.layerlab.train.RunHistory;
import io.layerlab.train.RunLog;
import io.layerlab.train.RunRecord;
import io.layerlab.train.RunSetup;
import io.layerlab.train.TrainingResult;

/**
 * Turns a finished sweep run into a run of the training dashboard's {@link RunLog}: its settings
 * (the sweep's copy of the project with the run's learning rate, batch size, optimizer, epochs,
 * seed and activation), every curve it measured, its metrics and how it ended. The best epoch is
 * chosen the way the trainer chooses it (lowest validation loss, or training loss without
 * validation data; the first of equals), so the record's metrics are that epoch's. The sweep does
 * not keep networks, so the record has no evaluation on held-out data.
 */
public final class SweepRunRecords {
    private SweepRunRecords() {
    }

    /**
     * A record of {@code run} with the next id and colour of {@code log}, named after the run's
     * combination ("Run 4 (sweep lr 0.1 · batch 32)"), and added to the log.
     *
     * @param project the project the run trained: {@link SweepResult#projectOf} or its plan's run
     * @throws IllegalArgumentException when the run failed before training (it has no curves)
     */
    public static RunRecord add(SweepRun run, Project project, RunLog log) {
        if (run.history() == null) {
            throw new IllegalArgumentException("Sweep run " + run.key().label() + " failed before training, so it has no curves to show"
                    + (run.message() == null ? "" : ": " + run.message()));
        }
        RunSetup begun = log.begin(project, project.training(), project.data());
        RunSetup setup = new RunSetup(begun.id(), begun.name() + " (sweep " + run.key().label() + ")", begun.colourIndex(),
                begun.training(), begun.data(), begun.graphVersion(), begun.nodes(), begun.edges(), begun.projectJson(),
                begun.startedAt());
        RunRecord record = new RunRecord(setup, result(run, project), null);
        log.add(record);
        return record;
    }

    /** What the trainer would have reported for {@code run}: the best epoch's metrics over the run's whole history. */
    static TrainingResult result(SweepRun run, Project project) {
        RunHistory history = run.history();
        double[] train = history.trainLosses();
        double[] val = history.valLosses();
        double[] accuracy = history.valAccuracies();
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int e = 0; e < train.length; e++) {
            double loss = run.validated() ? val[e] : train[e];
            if (loss < bestLoss) {
                bestLoss = loss;
                best = e + 1;
            }
        }
        Double trainLoss = best > 0 ? finite(train[best - 1]) : meanOfFinite(history.iterationLosses());
        Double valLoss = best > 0 && run.validated() ? finite(val[best - 1]) : null;
        Double valAccuracy = best > 0 ? finite(accuracy[best - 1]) : null;
        long parameters = ShapeInference.infer(project.graph()).totalParams();
        String hint = run.message();
        return new TrainingResult(run.epochs(), run.iterations(), trainLoss, valLoss, valAccuracy, best, valLoss, parameters,
                run.seconds(), Double.NaN, run.stopReason(), hint, history);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static Double meanOfFinite(float[] values) {
        double sum = 0;
        int n = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }
}
