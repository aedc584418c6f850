package io.layerlab.ui.training;

import io.layerlab.train.BoundaryFrame;
import io.layerlab.train.ClassifierSnapshots;
import io.layerlab.train.LearningRateSchedule;
import io.layerlab.train.RunEvaluation;
import io.layerlab.train.RunRecord;
import io.layerlab.train.RunSetup;
import io.layerlab.train.StopReason;
import io.layerlab.ui.support.AxisTicks;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One run in the dashboard's list, live or finished: its setup, its curves as drawn, and the
 * numbers the list shows. Updated on the JavaFX thread only.
 */
public final class RunRow {
    private final RunSetup setup;
    private final RunCurves curves = new RunCurves();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Preparing");
    private final ReadOnlyIntegerWrapper epochsDone = new ReadOnlyIntegerWrapper(this, "epochsDone");
    private final ReadOnlyDoubleWrapper valLoss = new ReadOnlyDoubleWrapper(this, "valLoss", Double.NaN);
    private final ReadOnlyDoubleWrapper valAccuracy = new ReadOnlyDoubleWrapper(this, "valAccuracy", Double.NaN);
    private final ReadOnlyDoubleWrapper seconds = new ReadOnlyDoubleWrapper(this, "seconds", Double.NaN);
    private final ReadOnlyObjectWrapper<RunRecord> record = new ReadOnlyObjectWrapper<>(this, "record");
    private final CellValues<RunRow> cellValues = new CellValues<>();
    /** Written once by the training thread before the run trains, hence volatile; read by the drawing pad. */
    private volatile ClassifierSnapshots pictureClassifier;
    private PreparedRun prepared;
    private BoundaryFrame boundary;
    private TrainedRun trained;
    private String noWeights;
    /** Why a finished run that was not trained here (a sweep's, a saved one) shows no decision regions; null if trained here. */
    private String noBoundary;

    RunRow(RunSetup setup) {
        this.setup = setup;
    }

    /** What the runs table shows of this row. */
    CellValues<RunRow> cellValues() {
        return cellValues;
    }

    public RunSetup setup() {
        return setup;
    }

    public int id() {
        return setup.id();
    }

    public String name() {
        return setup.name();
    }

    public int colourIndex() {
        return setup.colourIndex();
    }

    /** "lr 0.01", with the schedule when there is one. */
    public String learningRateText() {
        String rate = AxisTicks.format(setup.training().learningRate());
        LearningRateSchedule schedule = setup.schedule();
        return schedule.isNone() ? rate : rate + ", " + schedule.describe();
    }

    /** "Preparing", "Running", "Paused", "Completed", "Stopped", "Diverged". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty epochsDoneProperty() {
        return epochsDone.getReadOnlyProperty();
    }

    /**
     * Validation loss of the epoch whose network the run keeps (the best so far while it trains): what
     * the exported model, the drawing pad and the progress line's "kept epoch" report. NaN without
     * validation data.
     */
    public ReadOnlyDoubleProperty valLossProperty() {
        return valLoss.getReadOnlyProperty();
    }

    /** Validation accuracy of the epoch the run keeps, as {@link #valLossProperty()} (NaN for regression or without validation data). */
    public ReadOnlyDoubleProperty valAccuracyProperty() {
        return valAccuracy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty secondsProperty() {
        return seconds.getReadOnlyProperty();
    }

    /** The finished run as kept with the project; null while it trains. */
    public ReadOnlyObjectProperty<RunRecord> recordProperty() {
        return record.getReadOnlyProperty();
    }

    public RunRecord record() {
        return record.get();
    }

    public boolean isFinished() {
        return record.get() != null;
    }

    /** The network this run trained, held since it finished in this session; null otherwise (see {@link #noWeightsReason()}). */
    public TrainedRun trained() {
        return trained;
    }

    /** Why {@link #trained()} is null for a finished run, in a sentence that names the run; null while it has weights or trains. */
    public String noWeightsReason() {
        return trained != null ? null : noWeights;
    }

    RunCurves curves() {
        return curves;
    }

    PreparedRun prepared() {
        return prepared;
    }

    BoundaryFrame boundary() {
        return boundary;
    }

    RunEvaluation evaluation() {
        return record.get() == null ? null : record.get().evaluation();
    }

    void prepared(PreparedRun run) {
        prepared = run;
        status.set("Running");
    }

    void trained(TrainedRun run) {
        trained = run;
    }

    void noWeights(String reason) {
        noWeights = reason;
    }

    void noBoundary(String reason) {
        noBoundary = reason;
    }

    /** Why this run shows no decision regions although it finished, or null. */
    String noBoundaryReason() {
        return noBoundary;
    }

    void boundary(BoundaryFrame frame) {
        boundary = frame;
    }

    /** What a run read back with its network trained on, and its final decision regions (null unless points in a plane); its status stays. */
    void restoredBoundary(PreparedRun points, BoundaryFrame frame) {
        prepared = points;
        boundary = frame;
        noBoundary = null;
    }

    void status(String text) {
        status.set(text);
    }

    void epochsChanged(double elapsedSeconds) {
        epochsDone.set(curves.epochs());
        int kept = (curves.bestEpoch() > 0 ? curves.bestEpoch() : curves.epochs()) - 1;
        if (kept >= 0) {
            valLoss.set(curves.valLoss(kept));
            valAccuracy.set(curves.valAccuracy(kept));
        }
        seconds.set(elapsedSeconds);
    }

    void finished(RunRecord finished) {
        curves.completeFrom(finished.history(), finished.bestEpoch(), finished.stopReason() == StopReason.DIVERGED);
        record.set(finished);
        epochsDone.set(finished.result().epochs());
        // A run that diverged before any epoch kept nothing: its last numbers, as they are.
        valLoss.set(finished.bestValLoss() != null ? finished.bestValLoss() : finished.finalValLoss());
        valAccuracy.set(finished.bestValAccuracy() != null ? finished.bestValAccuracy() : finished.finalValAccuracy());
        seconds.set(finished.seconds());
        status.set(switch (finished.stopReason()) {
            case COMPLETED -> "Completed";
            case STOPPED -> "Stopped";
            case DIVERGED -> "Diverged";
        });
    }

    /** Copies of the network to classify drawings with, when the run trains on pictures to classify; else null. */
    ClassifierSnapshots pictureClassifier() {
        return pictureClassifier;
    }

    void pictureClassifier(ClassifierSnapshots snapshots) {
        pictureClassifier = snapshots;
    }

    @Override
    public String toString() {
        return setup.name();
    }
}
