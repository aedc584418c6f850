package io.layerlab.train.sweep;

import io.layerlab.project.Project;
import io.layerlab.train.InPlaceUpdates;
import io.layerlab.train.ProjectRun;
import io.layerlab.train.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The learning-rate range test (Leslie Smith, 2015; popularised by fastai's {@code lr_find}): one
 * pass of training in which the learning rate grows exponentially, iteration by iteration, from
 * {@link Settings#minRate()} to {@link Settings#maxRate()}. The loss first barely moves (rate too
 * small), then falls, then explodes (rate too large); a good rate lies on the falling part.
 *
 * <p>The project's network, optimizer, batch size and seed are used; its learning rate is replaced
 * by the ramp, set once as an exponential schedule over DL4J's iteration counter (every updater we
 * compile reads its rate from its schedule each iteration, so nothing is rebuilt between
 * iterations). The rate recorded for each point is read back from the network before that
 * iteration, so it is the one the update used. Training data repeats in further epochs if the
 * ramp is longer than one pass.
 *
 * <p>While it runs, the loss is averaged with an exponential moving average (bias-corrected, as
 * fastai does); the test stops early once that average exceeds {@link Settings#explodeFactor()}
 * times its lowest value, or the loss is not finite. See {@link LrRangeResult} for how a rate is
 * suggested from the whole curve.
 */
public final class LrRangeTest {
    /**
     * @param minRate       the first iteration's rate, above 0
     * @param maxRate       the last iteration's rate, above {@code minRate}
     * @param iterations    how many updates the ramp takes, at least 10
     * @param smoothing     weight of the past in the running average, from 0 (none) to below 1
     * @param explodeFactor stop when the smoothed loss exceeds this many times its lowest value
     * @param batchSize     null for the project's batch size
     */
    public record Settings(double minRate, double maxRate, int iterations, double smoothing, double explodeFactor,
                           Integer batchSize) {
        public Settings {
            if (!(minRate > 0) || !Double.isFinite(minRate)) {
                throw new IllegalArgumentException("the range test's lowest rate must be a number above 0, was " + minRate);
            }
            if (!(maxRate > minRate) || !Double.isFinite(maxRate)) {
                throw new IllegalArgumentException("the range test's highest rate must be above its lowest rate "
                        + LearningRates.format(minRate) + ", was " + maxRate);
            }
            if (iterations < 10 || iterations > 100_000) {
                throw new IllegalArgumentException("the range test needs 10 to 100000 iterations, was " + iterations);
            }
            if (!(smoothing >= 0 && smoothing < 1)) {
                throw new IllegalArgumentException("smoothing must be at least 0 and below 1, was " + smoothing);
            }
            if (!(explodeFactor > 1)) {
                throw new IllegalArgumentException("the explode factor must be above 1, was " + explodeFactor);
            }
            if (batchSize != null && batchSize < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
            }
        }

        /**
         * 1e-6 to 10 over 600 iterations (about 86 per decade: the minibatch loss scatters, and more
         * points per decade average it out), running average 0.9, stop at 4× the lowest running
         * average, the project's batch size.
         */
        public static Settings defaults() {
            return new Settings(1e-6, 10, 600, 0.9, 4, null);
        }

        public Settings withRange(double min, double max) {
            return new Settings(min, max, iterations, smoothing, explodeFactor, batchSize);
        }

        public Settings withIterations(int count) {
            return new Settings(minRate, maxRate, count, smoothing, explodeFactor, batchSize);
        }

        public Settings withBatchSize(Integer size) {
            return new Settings(minRate, maxRate, iterations, smoothing, explodeFactor, size);
        }
    }

    /**
     * One iteration of the test: the rate it trained with, its minibatch loss, and the running
     * (exponential, bias-corrected) average of the losses so far, which live charts draw and which
     * decides when the loss exploded.
     */
    public record Point(int iteration, double learningRate, double loss, double smoothedLoss) { }

    /** Receives each point on the test's thread as it is measured; must return quickly. */
    public interface Listener {
        void onPoint(Point point);
    }

    private final Project project;
    private final Settings settings;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean stopRequested;

    public LrRangeTest(Project project, Settings settings) {
        this.project = Objects.requireNonNull(project, "project");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public LrRangeTest addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Ends the test before its next iteration; safe from any thread. */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Runs the test on the calling thread.
     *
     * @throws io.layerlab.compile.CompileException when the graph cannot be compiled or does not fit the data
     * @throws io.layerlab.data.DataException when the data section is invalid
     */
    public LrRangeResult run() {
        TrainingSpec base = project.training();
        TrainingSpec training = base.withLearningRate(settings.minRate())
                .withBatchSize(settings.batchSize() == null ? base.batchSize() : settings.batchSize());
        ProjectRun prepared = ProjectRun.prepare(project, training);
        ComputationGraph net = prepared.network();
        DataSetIterator data = prepared.data().trainIterator(training.batchSize(), training.shuffle(), training.seed());
        String rateLayer = firstLayerWithRate(net);
        double growth = Math.pow(settings.maxRate() / settings.minRate(), 1.0 / (settings.iterations() - 1));
        net.setLearningRate(new ExponentialSchedule(ScheduleType.ITERATION, settings.minRate(), growth));
        Nd4j.getRandom().setSeed(training.seed());

        List<Point> points = new ArrayList<>(settings.iterations());
        double average = 0;
        double lowest = Double.POSITIVE_INFINITY;
        LrRangeResult.Ending ending = LrRangeResult.Ending.COMPLETED;
        InPlaceUpdates.attachTo(net);
        for (int i = 0; i < settings.iterations(); i++) {
            if (stopRequested || Thread.currentThread().isInterrupted()) {
                ending = LrRangeResult.Ending.STOPPED;
                break;
            }
            if (!data.hasNext()) data.reset();
            double rate = currentRate(net, rateLayer, i, growth);
            DataSet batch = data.next();
            net.fit(batch);
            double loss = net.score();
            if (!Double.isFinite(loss)) {
                ending = LrRangeResult.Ending.EXPLODED;
                break;
            }
            average = settings.smoothing() * average + (1 - settings.smoothing()) * loss;
            double smoothed = average / (1 - Math.pow(settings.smoothing(), i + 1));
            Point point = new Point(i + 1, rate, loss, smoothed);
            points.add(point);
            for (Listener l : listeners) l.onPoint(point);
            lowest = Math.min(lowest, smoothed);
            if (smoothed > settings.explodeFactor() * lowest) {
                ending = LrRangeResult.Ending.EXPLODED;
                break;
            }
        }
        return LrRangeResult.of(points, ending, training.optimizer(), training.batchSize(), settings);
    }

    private double currentRate(ComputationGraph net, String layer, int iteration, double growth) {
        if (layer != null) {
            Double rate = net.getLearningRate(layer);
            if (rate != null) return rate;
        }
        return settings.minRate() * Math.pow(growth, iteration);
    }

    private static String firstLayerWithRate(ComputationGraph net) {
        for (Layer layer : net.getLayers()) {
            if (layer.numParams() > 0) {
                String name = layer.conf().getLayer().getLayerName();
                if (net.getLearningRate(name) != null) return name;
            }
        }
        return null;
    }
}
