package io.layerlab.train;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A copy of the network's parameters at its best epoch so far (lowest selection loss). Before
 * any epoch completes it holds the initial parameters, so a run that diverges in its first epoch
 * can still hand back finite weights. One buffer, reused: keeping a new best is one copy.
 */
final class BestWeights {
    private final INDArray snapshot;
    private int epoch;
    private double loss = Double.POSITIVE_INFINITY;

    BestWeights(ComputationGraph net) {
        this.snapshot = net.params().dup();
    }

    /** Keeps the network's current parameters if {@code epochLoss} beats the best so far; NaN never does. */
    boolean offer(int epochNumber, double epochLoss, ComputationGraph net) {
        if (!(epochLoss < loss)) {
            return false;
        }
        snapshot.assign(net.params());
        epoch = epochNumber;
        loss = epochLoss;
        return true;
    }

    /** 0 while no epoch has been kept (the snapshot then holds the initial parameters). */
    int epoch() {
        return epoch;
    }

    void restoreInto(ComputationGraph net) {
        net.setParams(snapshot);
    }
}
