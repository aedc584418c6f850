package io.layerlab.train;

import io.layerlab.data.LoadedData;
import io.layerlab.data.Task;
import io.layerlab.model.ImageClassifier;
import io.layerlab.shape.TensorShape;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/**
 * Lets a picture be classified while its network trains, without ever running the network that
 * trains: at safe points on the training thread (before the first iteration, at the end of every
 * epoch, and at the end with the weights the run keeps) it copies the parameters, and
 * {@link #classifier()} runs a separate network with the latest copy. A copy is one array copy,
 * far cheaper than an epoch.
 *
 * <p>Register with {@link ObserverRate#epochsOnly()}. {@link #classifier()} may be called from any
 * one thread at a time (the network copy it runs is not thread-safe).
 */
public final class ClassifierSnapshots implements TrainingObserver {
    /** Parameters at a safe point: after {@code epoch} epochs (0 before training), {@code kept} once the run has ended. */
    private record Snapshot(INDArray params, int epoch, boolean kept) { }

    private final ComputationGraphConfiguration configuration;
    private final DataNormalization normalizer;
    private final TensorShape inputShape;
    private final List<String> classNames;
    /** The training network, until the run has ended: then only its copies are kept. */
    private ComputationGraph trained;
    private volatile Snapshot latest;
    private Snapshot applied;
    private ComputationGraph copy;
    private ImageClassifier classifier;

    /**
     * Call before the run starts, on the thread that prepares it.
     *
     * @throws IllegalArgumentException when the data are not pictures to classify (see {@link #supports})
     */
    public ClassifierSnapshots(ComputationGraph net, LoadedData data) {
        if (!supports(data)) {
            throw new IllegalArgumentException("a drawn picture can be classified only by a network trained on pictures to classify; "
                    + "this data is " + data.inputShape() + " for " + data.task().name().toLowerCase(java.util.Locale.ROOT));
        }
        this.trained = net;
        this.configuration = net.getConfiguration().clone();
        this.normalizer = data.normalizer();
        this.inputShape = data.inputShape();
        this.classNames = data.classNames();
    }

    /** Whether {@code data} are pictures to classify, as the {@code shapes} and {@code digits} sources give. */
    public static boolean supports(LoadedData data) {
        return data.task() == Task.CLASSIFICATION && data.inputShape().kind() == TensorShape.Kind.IMAGE;
    }

    public TensorShape inputShape() { return inputShape; }

    public List<String> classNames() { return classNames; }

    /** Whether a copy of the parameters has been taken yet (the run has started). */
    public boolean hasSnapshot() { return latest != null; }

    @Override public void onStart(StartEvent event) {
        take(0, false);
    }

    @Override public void onEpoch(EpochEvent event) {
        take(event.epoch(), false);
    }

    /** The network now holds the weights the run keeps (its best epoch's). */
    @Override public void onFinished(TrainingResult result) {
        take(result.bestEpoch(), true);
        trained = null;
    }

    private void take(int epoch, boolean kept) {
        latest = new Snapshot(trained.params().dup(), epoch, kept);
    }

    /** The epoch whose parameters {@link #classifier()} uses now (0: the initial ones), or -1 before the run has started. */
    public int epoch() {
        Snapshot now = latest;
        return now == null ? -1 : now.epoch();
    }

    /** Whether the latest copy holds the weights the ended run keeps. */
    public boolean isFinal() {
        Snapshot now = latest;
        return now != null && now.kept();
    }

    /**
     * A classifier that runs a copy of the network with the latest parameters copied, or null before
     * the run has started. The copy is built on the first call and updated in place after that.
     */
    public synchronized ImageClassifier classifier() {
        Snapshot now = latest;
        if (now == null) return null;
        if (copy == null) {
            copy = new ComputationGraph(configuration.clone());
            copy.init(now.params(), true);
            classifier = new ImageClassifier(copy, normalizer, inputShape, classNames);
        } else if (now != applied) {
            copy.setParams(now.params());
        }
        applied = now;
        return classifier;
    }
}
