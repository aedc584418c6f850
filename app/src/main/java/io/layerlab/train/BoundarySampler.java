package io.layerlab.train;

import org.deeplearning4j.nn.graph.ComputationGraph;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Evaluates a {@link DecisionBoundary} on the training thread as the network learns: once before the
 * first iteration, at the iterations its {@link ObserverRate} admits, and once at the end with the
 * weights the run keeps (the best epoch's). Between those, it also skips iterations as needed to
 * spend at most {@link #TIME_SHARE} of the training time: a larger network gets fewer frames, not a
 * slower run.
 */
public final class BoundarySampler implements TrainingObserver {
    /** Four frames a second: a live picture without costing the training measurable time. */
    public static final ObserverRate DEFAULT_RATE = ObserverRate.atMostEvery(Duration.ofMillis(250));
    /** The largest share of training time spent drawing boundaries. */
    public static final double TIME_SHARE = 0.01;

    private final DecisionBoundary boundary;
    private final ComputationGraph net;
    private final Consumer<BoundaryFrame> sink;
    private final DutyCycle duty = new DutyCycle(TIME_SHARE);
    private long spentNanos;
    private int frames;

    public BoundarySampler(DecisionBoundary boundary, ComputationGraph net, Consumer<BoundaryFrame> sink) {
        this.boundary = boundary;
        this.net = net;
        this.sink = sink;
    }

    /** Time spent evaluating boundaries between the first and the last iteration. */
    public long spentNanos() {
        return spentNanos;
    }

    /** Boundaries evaluated between the first and the last iteration. */
    public int frames() {
        return frames;
    }

    @Override
    public void onStart(StartEvent event) {
        sink.accept(boundary.evaluate(net, 0));
    }

    @Override
    public void onIteration(IterationEvent event) {
        long start = System.nanoTime();
        if (duty.ready(start)) {
            BoundaryFrame frame = boundary.evaluate(net, event.iteration());
            long cost = System.nanoTime() - start;
            duty.spent(start, cost);
            spentNanos += cost;
            frames++;
            sink.accept(frame);
        }
    }

    @Override
    public void onFinished(TrainingResult result) {
        sink.accept(boundary.evaluate(net, result.iterations()));
    }
}
