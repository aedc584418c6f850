package io.layerlab.train.sweep;

import io.layerlab.project.Project;
import io.layerlab.train.BackgroundPriority;
import io.layerlab.train.EpochEvent;
import io.layerlab.train.IterationEvent;
import io.layerlab.train.NativeThreads;
import io.layerlab.train.ObserverRate;
import io.layerlab.train.ProjectRun;
import io.layerlab.train.StartEvent;
import io.layerlab.train.Trainer;
import io.layerlab.train.TrainingObserver;
import io.layerlab.train.TrainingResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trains every run of a {@link SweepPlan} on a pool of worker threads, each run through
 * {@link ProjectRun} exactly as {@code layerlab train} would train that project with that run's
 * settings, and reports every run's progress to {@link SweepListener}s.
 *
 * <p>Runs start in plan order, {@code parallelism} at a time. While the sweep runs, ND4J's native
 * threads are limited so that the runs share the cores instead of fighting over them
 * ({@link NativeThreads}). Each run seeds its own thread's random generator, so a run's numbers do
 * not depend on which worker trains it or what runs beside it.
 *
 * <p>{@link #cancel()} stops every running run between two of its iterations, and no pending run
 * starts; runs that finished are kept, and the result says it was cancelled.
 */
public final class Sweep {
    /** Iteration events each run sends its listeners at most, per second. */
    public static final int ITERATION_EVENTS_PER_SECOND = 20;

    private final SweepPlan plan;
    private final int parallelism;
    private final List<SweepListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<Trainer> training = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean cancelled;

    /** A sweep of {@code project} using as many workers as there are cores (no more than runs). */
    public Sweep(Project project, SweepSpec spec) {
        this(SweepPlan.of(project, spec), defaultParallelism(spec.runs()));
    }

    /** @param parallelism runs trained at once; 1 trains them one after another */
    public Sweep(SweepPlan plan, int parallelism) {
        this.plan = Objects.requireNonNull(plan, "plan");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallel runs must be at least 1, was " + parallelism);
        }
        this.parallelism = Math.min(parallelism, plan.runs().size());
    }

    /** One worker per core, but no more workers than runs. */
    public static int defaultParallelism(int runs) {
        return Math.max(1, Math.min(runs, Runtime.getRuntime().availableProcessors()));
    }

    public SweepPlan plan() { return plan; }

    public int parallelism() { return parallelism; }

    /** Native threads each run may use: the cores shared out between the parallel runs. */
    public int threadsPerRun() {
        return NativeThreads.perRun(Runtime.getRuntime().availableProcessors(), parallelism);
    }

    /** Adds a listener; add them before the sweep starts to see every event. */
    public Sweep addListener(SweepListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    public void removeListener(SweepListener listener) {
        listeners.remove(listener);
    }

    /**
     * Stops every running run before its next iteration and keeps pending runs from starting. Safe
     * from any thread, also from a listener, and before the sweep starts (then no run starts).
     */
    public void cancel() {
        cancelled = true;
        for (Trainer trainer : training) {
            trainer.stop();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs the sweep on a new background thread; the future completes with the result. */
    public CompletableFuture<SweepResult> start() {
        CompletableFuture<SweepResult> result = new CompletableFuture<>();
        Thread coordinator = new Thread(() -> {
            try {
                result.complete(run());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "layerlab-sweep");
        coordinator.setDaemon(true);
        coordinator.start();
        return result;
    }

    /**
     * Runs the sweep and returns when every run has ended (or was skipped by a cancel). A sweep
     * runs once.
     *
     * @throws io.layerlab.compile.CompileException when a graph variant cannot be compiled or does not fit the data;
     *         no run starts then
     * @throws io.layerlab.data.DataException when the project's data section is invalid
     */
    public SweepResult run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("This sweep has already run; create a new Sweep to run it again.");
        }
        plan.preflight();
        long startNanos = System.nanoTime();
        List<SweepPlan.PlannedRun> runs = plan.runs();
        SweepRun[] outcomes = new SweepRun[runs.size()];
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, workerThreads());
        try (NativeThreads.Lease lease = NativeThreads.limit(threadsPerRun())) {
            for (SweepListener l : listeners) l.onSweepStarted(plan);
            List<Future<?>> tasks = new ArrayList<>(runs.size());
            for (SweepPlan.PlannedRun run : runs) {
                tasks.add(workers.submit(() -> outcomes[run.key().index()] = train(run)));
            }
            awaitAll(tasks);
        } finally {
            workers.shutdownNow();
        }
        List<SweepRun> finished = new ArrayList<>();
        for (SweepRun outcome : outcomes) {
            if (outcome != null) finished.add(outcome);
        }
        SweepResult result = new SweepResult(plan, finished, cancelled, runs.size() - finished.size(),
                (System.nanoTime() - startNanos) / 1e9, parallelism, threadsPerRun());
        for (SweepListener l : listeners) l.onSweepFinished(result);
        return result;
    }

    /** One run on a worker thread; null when a cancel came before it started. */
    private SweepRun train(SweepPlan.PlannedRun run) {
        if (cancelled) return null;
        RunKey key = run.key();
        long startNanos = System.nanoTime();
        SweepRun outcome;
        Trainer trainer = null;
        try {
            ProjectRun prepared = ProjectRun.prepare(run.project(), run.training());
            trainer = prepared.trainer();
            trainer.addObserver(new Relay(key), ObserverRate.atMostEvery(Duration.ofNanos(1_000_000_000L / ITERATION_EVENTS_PER_SECOND)));
            training.add(trainer);
            if (cancelled) return null;
            boolean validated = prepared.data().hasValidation();
            int batch = run.training().batchSize();
            double initialLoss = InitialLoss.of(prepared.network(), validated
                    ? prepared.data().validationIterator(batch) : prepared.data().trainIterator(batch, false, 0));
            TrainingResult result = trainer.run();
            outcome = SweepRun.of(key, result, validated, initialLoss, plan.spec().targetLoss(), secondsSince(startNanos));
        } catch (RuntimeException e) {
            outcome = SweepRun.failed(key, describe(e), secondsSince(startNanos));
        } finally {
            if (trainer != null) training.remove(trainer);
        }
        for (SweepListener l : listeners) l.onRunFinished(outcome);
        return outcome;
    }

    /** Waits for every task; an interrupt of the waiting thread cancels the sweep, which still waits for its runs to stop. */
    private void awaitAll(List<Future<?>> tasks) {
        boolean interrupted = false;
        RuntimeException failure = null;
        for (Future<?> task : tasks) {
            while (true) {
                try {
                    task.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancel();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure != null) throw failure;
    }

    private static String describe(RuntimeException e) {
        if (e instanceof io.layerlab.compile.CompileException ce) {
            return ce.diagnostics().stream().map(Object::toString).reduce((a, b) -> a + "; " + b).orElse(ce.toString());
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            // Batch work: the window showing it (or anything else on the machine) comes first, and
            // so do the threads that work for the training (collector, deallocators, compilers).
            Thread t = new Thread(() -> {
                BackgroundPriority.lowerCurrentThread();
                BackgroundPriority.lowerHelperThreads();
                task.run();
            }, "layerlab-sweep-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Passes one trainer's events on to the sweep's listeners, with the run's key. */
    private final class Relay implements TrainingObserver {
        private final RunKey key;

        Relay(RunKey key) { this.key = key; }

        @Override public void onStart(StartEvent event) {
            for (SweepListener l : listeners) l.onRunStarted(key, event);
        }

        @Override public void onIteration(IterationEvent event) {
            for (SweepListener l : listeners) l.onIteration(key, event);
        }

        @Override public void onEpoch(EpochEvent event) {
            for (SweepListener l : listeners) l.onEpoch(key, event);
        }
    }
}
