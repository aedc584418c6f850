package io.layerlab.train;

import io.layerlab.data.Task;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.AsyncDataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Trains one initialised DL4J {@link ComputationGraph} for {@link TrainingSpec#epochs()} epochs,
 * once. {@link #run()} trains on the calling thread; {@link #start(Executor)} on a worker. Neither
 * touches any UI thread: observers receive events on the training thread.
 *
 * <h2>The loop</h2>
 * One {@code net.fit(minibatch)} per iteration, as a hand-written DL4J loop would do, and nothing
 * that waits on the device in between: {@code net.score()} only reads the loss DL4J already computed
 * during backpropagation, so the divergence guard sees every iteration for free, while event objects
 * are built only for iterations some observer asked for. Data from a source that says it benefits
 * ({@link DataSetIterator#asyncSupported()}) is prefetched on a background thread; in-memory
 * sources say they do not, and are read directly.
 *
 * <h2>Control</h2>
 * {@link #pause()}, {@link #resume()} and {@link #stop()} may be called from any thread and take
 * effect between iterations: a stop requested during an iteration ends the run after it. Interrupting
 * the training thread (e.g. {@code shutdownNow()} of its executor) stops the run the same way. Paused
 * time counts neither towards the run's seconds nor its samples per second.
 *
 * <h2>Best weights</h2>
 * After each epoch the trainer scores it by validation loss, or by the epoch's mean training loss
 * when there is no validation data, and keeps a copy of the parameters of the best epoch. At the end
 * of every run (completed, stopped or diverged) the network gets the best epoch's parameters back,
 * and the result's metrics are that epoch's: the model handed on is the best one seen, not the last.
 * Validation loss rather than accuracy, because it also moves when accuracy is flat and exists for
 * regression. If no epoch completed, the network keeps its current parameters: after a divergence
 * they are not finite, which {@code bestEpoch == 0} of a diverged result signals. Only a best epoch
 * that later epochs overwrite is copied, so an improving run copies nothing at its last epoch.
 *
 * <h2>Reproducibility</h2>
 * The trainer seeds ND4J's random generator of the training thread with {@link TrainingSpec#seed()}
 * (dropout draws from it), and adds no randomness of its own: the same initialised network, the
 * same data in the same order and the same seed give the same losses. Shuffling between epochs is
 * the data source's job (its {@code reset()}), seeded by the data seed.
 */
public final class Trainer {
    private final ComputationGraph net;
    private final DataSetIterator trainData;
    private final DataSetIterator validationData;
    private final TrainingSpec spec;
    private final Task task;
    private final List<Registration> registrations = new ArrayList<>();
    private final RunControl control = new RunControl();
    private final AtomicReference<TrainerState> state = new AtomicReference<>(TrainerState.READY);

    /**
     * @param net            an initialised network ({@code init()} called) with one input and one output
     * @param trainData      minibatches for one epoch; must support {@code reset()} to train for several epochs
     * @param validationData held-out minibatches, or null (or an empty iterator) to train without validation
     * @param spec           epochs, seed, and the optimizer and learning rate (which the hints name)
     * @param task           classification (accuracy is measured) or regression
     */
    public Trainer(ComputationGraph net, DataSetIterator trainData, DataSetIterator validationData,
                   TrainingSpec spec, Task task) {
        this.net = Objects.requireNonNull(net, "net");
        this.trainData = Objects.requireNonNull(trainData, "trainData");
        this.validationData = hasExamples(validationData) ? validationData : null;
        this.spec = Objects.requireNonNull(spec, "spec");
        this.task = Objects.requireNonNull(task, "task");
        if (net.getLayers() == null) {
            throw new IllegalArgumentException("The network is not initialised: call init() on it before training.");
        }
        if (net.getNumInputArrays() != 1 || net.getNumOutputArrays() != 1) {
            throw new IllegalArgumentException("The trainer trains networks with one input and one output; this one has "
                    + net.getNumInputArrays() + " inputs and " + net.getNumOutputArrays() + " outputs.");
        }
        if (spec.epochs() < 1) {
            throw new IllegalArgumentException("training.epochs must be at least 1, was " + spec.epochs());
        }
        if (spec.epochs() > 1 && !trainData.resetSupported()) {
            throw new IllegalArgumentException("The training data cannot be replayed (its iterator does not support reset), "
                    + "so it can be trained for 1 epoch only, not " + spec.epochs() + ".");
        }
        if (this.validationData != null && !this.validationData.resetSupported() && spec.epochs() > 1) {
            throw new IllegalArgumentException("The validation data cannot be replayed (its iterator does not support reset), "
                    + "so it cannot be measured after each of " + spec.epochs() + " epochs.");
        }
    }

    /** Without validation data: the best epoch is chosen by training loss. */
    public Trainer(ComputationGraph net, DataSetIterator trainData, TrainingSpec spec, Task task) {
        this(net, trainData, null, spec, task);
    }

    /** Registers {@code observer} to receive events at {@code rate}. Only before the run starts. */
    public Trainer addObserver(TrainingObserver observer, ObserverRate rate) {
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(rate, "rate");
        if (state.get() != TrainerState.READY) {
            throw new IllegalStateException("Observers must be added before the run starts.");
        }
        registrations.add(new Registration(observer, new Throttle(rate)));
        return this;
    }

    /** Asks the run to halt before its next iteration; it then waits for {@link #resume()} or {@link #stop()}. */
    public void pause() {
        control.pause();
    }

    public void resume() {
        control.resume();
    }

    /** Asks the run to end before its next iteration, also when paused. Safe to call at any time. */
    public void stop() {
        control.stop();
    }

    public TrainerState state() {
        return state.get();
    }

    public ComputationGraph network() {
        return net;
    }

    /**
     * Runs {@link #run()} on {@code executor}. Cancelling the future does not stop training; call
     * {@link #stop()} (the future then completes with a "stopped" result).
     */
    public CompletableFuture<TrainingResult> start(Executor executor) {
        return CompletableFuture.supplyAsync(this::run, executor);
    }

    /** Trains on the calling thread and returns when the run has ended; a trainer runs once. */
    public TrainingResult run() {
        if (!state.compareAndSet(TrainerState.READY, TrainerState.RUNNING)) {
            throw new IllegalStateException("This trainer has already run; create a new Trainer for another run.");
        }
        DataSetIterator source = null;
        NativeThreads.Lease threads = NativeThreads.forOneRunHere();
        try {
            Nd4j.getRandom().setSeed(spec.seed());
            if (trainData.resetSupported()) {
                trainData.reset();
            }
            source = trainData.asyncSupported() ? new AsyncDataSetIterator(trainData, 2, true) : trainData;
            return new TrainingRun(net, source, validationData, spec, task,
                    registrations.toArray(new Registration[0]), control, state).execute();
        } finally {
            if (source instanceof AsyncDataSetIterator prefetching) {
                prefetching.shutdown();
            }
            state.set(TrainerState.FINISHED);
            threads.close();
        }
    }

    private static boolean hasExamples(DataSetIterator data) {
        if (data == null) {
            return false;
        }
        if (data.resetSupported()) {
            data.reset();
        }
        return data.hasNext();
    }
}
