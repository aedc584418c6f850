package io.layerlab.train;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Evaluates a {@link DecisionBoundary} as the network learns: once before the first iteration, at
 * the iterations its {@link ObserverRate} admits, and once at the end with the weights the run keeps
 * (the best epoch's).
 *
 * <p>The training thread only copies the parameters; a copy of the network on a worker thread of
 * its own (lowered like the threads that serve training, see {@link BackgroundPriority}) evaluates
 * the grid. Evaluated on the training thread, a 64x64 grid through the spiral sample's network took
 * about 4 ms a frame, 1 % of the run, and its four thousand rows of activations went through the
 * training's caches: in alternating rounds of the dashboard benchmark the training thread needed
 * 1.072 times the command line's CPU with it there, 0.993 with the worker (speed ratio 0.878
 * against 0.946). A frame is taken only while the worker is idle, and the worker spends at most
 * {@link #SHARE_BESIDE_TRAINING} of its time on frames ({@link #SHARE_ON_ONE_CORE} on one core): a
 * larger network gets fewer frames, not a slower run. The last frame is delivered before the run
 * ends.
 */
public final class BoundarySampler implements TrainingObserver {
    /** Four frames a second: a live picture without costing the training measurable time. */
    public static final ObserverRate DEFAULT_RATE = ObserverRate.atMostEvery(Duration.ofMillis(250));
    /** The worker's largest share of a core where training has others: a larger network still redraws often. */
    static final double SHARE_BESIDE_TRAINING = 0.1;
    /** The share where the worker and the training share the only core. */
    static final double SHARE_ON_ONE_CORE = 0.01;
    /** The worker's thread name (it yields to the window like the helper threads, see {@link BackgroundPriority}). */
    public static final String WORKER_THREAD_NAME = "LayerLab boundary";

    private static final Logger LOG = LoggerFactory.getLogger(BoundarySampler.class);
    /** One worker for every run: ND4J sets up each thread that calls it once, not each run. */
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread();
            task.run();
        }, WORKER_THREAD_NAME);
        thread.setDaemon(true);
        return thread;
    });

    private final DecisionBoundary boundary;
    private final ComputationGraph net;
    private final Consumer<BoundaryFrame> sink;
    /** Guarded by this: the training thread asks it, the worker records in it. */
    private final DutyCycle duty = new DutyCycle(Runtime.getRuntime().availableProcessors() > 1 ? SHARE_BESIDE_TRAINING : SHARE_ON_ONE_CORE);
    private final AtomicBoolean busy = new AtomicBoolean();
    /** Taken on the training thread before it trains: the worker builds its copy of the network from it. */
    private ComputationGraphConfiguration configuration;
    /** The worker's copy of the network (worker thread only). */
    private ComputationGraph copy;
    private long spentNanos;
    private int frames;

    /** @param sink takes each frame, in order, on the worker; its time counts toward the worker's share */
    public BoundarySampler(DecisionBoundary boundary, ComputationGraph net, Consumer<BoundaryFrame> sink) {
        this.boundary = boundary;
        this.net = net;
        this.sink = sink;
    }

    /** Time the worker spent evaluating frames between the first and the last iteration. */
    public synchronized long spentNanos() {
        return spentNanos;
    }

    /** Frames evaluated between the first and the last iteration. */
    public synchronized int frames() {
        return frames;
    }

    @Override
    public void onStart(StartEvent event) {
        configuration = net.getConfiguration().clone();
        busy.set(true);
        drawLater(0, false);
    }

    @Override
    public void onIteration(IterationEvent event) {
        if (busy.get()) {
            return;
        }
        synchronized (this) {
            if (!duty.ready(System.nanoTime())) {
                return;
            }
        }
        busy.set(true);
        drawLater(event.iteration(), true);
    }

    @Override
    public void onFinished(TrainingResult result) {
        Future<?> last = drawLater(result.iterations(), false);
        try {
            last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("The last decision boundary could not be drawn", e.getCause());
        }
    }

    /** Copies the parameters as they are now (training thread) and has the worker draw their frame. */
    private Future<?> drawLater(int iteration, boolean counted) {
        INDArray parameters = net.params().dup();
        return WORKER.submit(() -> evaluate(parameters, iteration, counted));
    }

    /** On the worker: the frame for these parameters, handed to the sink. */
    private void evaluate(INDArray parameters, int iteration, boolean counted) {
        long start = System.nanoTime();
        try {
            if (copy == null) {
                copy = new ComputationGraph(configuration);
                copy.init(parameters, false);
            } else {
                copy.setParams(parameters);
            }
            BoundaryFrame frame = boundary.evaluate(copy, iteration);
            // The sink may prepare the frame for showing there: its time counts toward the worker's share.
            sink.accept(frame);
            long cost = System.nanoTime() - start;
            if (counted) {
                // The first frame also builds the copy, and the last comes after training: neither sets the pace.
                synchronized (this) {
                    duty.spent(start, cost);
                    spentNanos += cost;
                    frames++;
                }
            }
        } catch (RuntimeException e) {
            // A frame is a picture of the run, not part of it: the run goes on without it.
            LOG.warn("A decision boundary frame could not be drawn at iteration {}", iteration, e);
        } finally {
            busy.set(false);
        }
    }
}
