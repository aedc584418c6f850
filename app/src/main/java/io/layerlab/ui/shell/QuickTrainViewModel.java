package io.layerlab.ui.shell;

import io.layerlab.compile.CompileException;
import io.layerlab.data.DataException;
import io.layerlab.data.DataProblem;
import io.layerlab.project.Project;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.DiagnosticCode;
import io.layerlab.train.DataFit;
import io.layerlab.train.EpochEvent;
import io.layerlab.train.IterationEvent;
import io.layerlab.train.ObserverRate;
import io.layerlab.train.ProjectRun;
import io.layerlab.train.StopReason;
import io.layerlab.train.Trainer;
import io.layerlab.train.TrainingObserver;
import io.layerlab.train.TrainingResult;
import io.layerlab.train.TrainingSpec;
import io.layerlab.ui.model.Workspace;
import io.layerlab.ui.support.DialogService;
import io.layerlab.ui.support.TaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Train and Stop: compiles a snapshot of the open project, loads its data and trains it in the
 * background, showing epoch, loss and progress. Problems (the compiler's, the data's, a network
 * that does not fit the data) go to the problems list, never up as exceptions. The full
 * training dashboard builds on this later.
 */
public final class QuickTrainViewModel {
    /** How often the status line follows the loss within an epoch. */
    private static final Duration ITERATION_UPDATES = Duration.ofMillis(250);

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Consumer<String> status;
    private final Runnable showProblems;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final AtomicReference<Trainer> trainer = new AtomicReference<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private Consumer<TrainedNetwork> onFinished = network -> { };

    /**
     * @param showProblems brings the problems list to the front (the compiler found something)
     */
    public QuickTrainViewModel(Workspace workspace, TaskExecutor executor, DialogService dialogs, Consumer<String> status,
                             Runnable showProblems) {
        this.workspace = Objects.requireNonNull(workspace);
        this.executor = Objects.requireNonNull(executor);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.status = Objects.requireNonNull(status);
        this.showProblems = Objects.requireNonNull(showProblems);
    }

    /** Receives the trained network of each run that ended with usable weights (completed or stopped, not diverged). */
    public void setOnFinished(Consumer<TrainedNetwork> onFinished) { this.onFinished = Objects.requireNonNull(onFinished); }

    /** True from Train until the run has ended (or was refused). */
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** "Epoch 3/50 · loss 0.4123 · val accuracy 91.2 %", or what is being prepared. */
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }

    /** Completed share of the run, 0 to 1; negative (indeterminate) while compiling and loading data. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    /** Compiles, loads the data and trains the open project in the background. */
    public void train() {
        if (running.get()) return;
        // A copy: the person keeps editing the original while this one trains.
        Project snapshot = MainViewModel.snapshot(workspace.document().project());
        running.set(true);
        stopRequested.set(false);
        progress.set(-1);
        progressText.set("Compiling…");
        status.accept("Compiling the network and loading the data…");
        workspace.setCompilerDiagnostics(List.of());
        executor.execute(() -> prepare(snapshot), prepared -> {
            if (prepared.run() == null) {
                refuse(prepared.problems());
            } else if (stopRequested.get()) {
                ended("Training stopped before it started");
            } else {
                workspace.setCompilerDiagnostics(prepared.problems());
                run(prepared.run());
            }
        }, failure -> {
            ended("Training failed");
            dialogs.showError("Cannot train", MainViewModel.describe(failure));
        });
    }

    /** Asks the run to end after the current iteration; the best weights seen are kept. */
    public void stop() {
        stopRequested.set(true);
        Trainer t = trainer.get();
        if (t != null) t.stop();
        if (running.get()) progressText.set("Stopping…");
    }

    /** A run ready to start (with warnings to show), or the problems that prevent one. */
    private record Prepared(ProjectRun run, List<Diagnostic> problems) { }

    private static Prepared prepare(Project project) {
        try {
            ProjectRun run = ProjectRun.prepare(project);
            return new Prepared(run, DataFit.check(project.graph(), run.data()));
        } catch (CompileException e) {
            return new Prepared(null, e.diagnostics());
        } catch (DataException e) {
            List<Diagnostic> problems = new ArrayList<>();
            for (DataProblem p : e.problems()) {
                problems.add(Diagnostic.error(DiagnosticCode.INVALID_PARAM, null, p.place(), p.message(),
                        "change it in the inspector (click an empty spot of the canvas)"));
            }
            return new Prepared(null, problems);
        }
    }

    private void refuse(List<Diagnostic> problems) {
        workspace.setCompilerDiagnostics(problems);
        long errors = problems.stream().filter(Diagnostic::isError).count();
        ended("Cannot train: " + errors + (errors == 1 ? " problem" : " problems") + " (see Problems)");
        showProblems.run();
    }

    private void run(ProjectRun run) {
        TrainingSpec spec = run.training();
        Trainer t = run.trainer();
        t.addObserver(new Progress(spec.epochs()), ObserverRate.atMostEvery(ITERATION_UPDATES));
        trainer.set(t);
        progressText.set("Epoch 1/" + spec.epochs());
        status.accept("Training " + spec.epochs() + " epochs with " + spec.optimizer() + ", learning rate "
                + spec.learningRate() + ", batch " + spec.batchSize() + "…");
        executor.execute(t::run, result -> finished(run, result), failure -> {
            ended("Training failed");
            dialogs.showError("Training failed", MainViewModel.describe(failure));
        });
    }

    private void finished(ProjectRun run, TrainingResult r) {
        String summary = r.epochs() + (r.epochs() == 1 ? " epoch" : " epochs")
                + (r.trainLoss() == null ? "" : ", loss " + loss(r.trainLoss()))
                + (r.valLoss() == null ? "" : ", validation loss " + loss(r.valLoss()))
                + (r.valAccuracy() == null ? "" : ", validation accuracy " + percent(r.valAccuracy()))
                + String.format(Locale.ROOT, " in %.1f s", r.seconds());
        if (r.stopReason() == StopReason.DIVERGED) {
            ended("Training diverged after " + summary);
            dialogs.showError("Training diverged", r.hint() == null ? "The loss became too large to continue." : r.hint());
        } else if (r.stopReason() == StopReason.STOPPED) {
            ended("Training stopped: best of " + summary);
        } else {
            ended("Training finished: " + summary);
        }
        if (r.stopReason() != StopReason.DIVERGED && r.epochs() > 0) {
            onFinished.accept(new TrainedNetwork("the network trained in the last run", run::saveModel));
        }
        progress.set(r.stopReason() == StopReason.COMPLETED ? 1 : progress.get());
    }

    private void ended(String message) {
        trainer.set(null);
        running.set(false);
        if (progress.get() < 0) progress.set(0);
        progressText.set(message.startsWith("Training finished") ? "Done" : "");
        status.accept(message);
    }

    /**
     * Receives events on the training thread; keeps only the newest and hands it to the UI
     * thread once per batch of events, never one hand-over per event.
     */
    private final class Progress implements TrainingObserver {
        private final int epochs;
        private final AtomicReference<String> latestText = new AtomicReference<>();
        private final AtomicReference<Double> latestProgress = new AtomicReference<>(0.0);
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile EpochEvent lastEpoch;

        Progress(int epochs) { this.epochs = epochs; }

        @Override public void onIteration(IterationEvent e) {
            EpochEvent last = lastEpoch;
            publish("Epoch " + e.epoch() + "/" + epochs + " · loss " + loss(e.loss())
                    + (last == null || last.valAccuracy() == null ? "" : " · val accuracy " + percent(last.valAccuracy())), null);
        }

        @Override public void onEpoch(EpochEvent e) {
            lastEpoch = e;
            publish("Epoch " + e.epoch() + "/" + epochs + " · loss " + loss(e.trainLoss())
                    + (e.valLoss() == null ? "" : " · val loss " + loss(e.valLoss()))
                    + (e.valAccuracy() == null ? "" : " · val accuracy " + percent(e.valAccuracy())), (double) e.epoch() / epochs);
        }

        private void publish(String text, Double done) {
            latestText.set(text);
            if (done != null) latestProgress.set(done);
            if (scheduled.compareAndSet(false, true)) {
                executor.runOnUiThread(() -> {
                    scheduled.set(false);
                    if (!running.get()) return;
                    progressText.set(latestText.get());
                    progress.set(latestProgress.get());
                });
            }
        }
    }

    private static String loss(double value) { return String.format(Locale.ROOT, "%.4f", value); }

    private static String percent(double fraction) { return String.format(Locale.ROOT, "%.1f %%", fraction * 100); }

}
