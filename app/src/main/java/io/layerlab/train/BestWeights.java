package io.layerlab.train;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Remembers the network's best epoch so far (lowest selection loss) and gives its parameters back
 * at the end. Copies only what can be lost: the parameters of a best epoch that later epochs will
 * overwrite. When the final epoch is the best, the network already holds its parameters and nothing
 * is copied; the copy buffer is allocated once, when first needed, and reused.
 */
final class BestWeights {
    private INDArray snapshot;
    private int epoch;
    private double loss = Double.POSITIVE_INFINITY;
    /** Whether the network's current parameters are the best epoch's (no later update has run). */
    private boolean networkHoldsBest;

    /**
     * Records epoch {@code epochNumber} if {@code epochLoss} beats the best so far (NaN never does).
     *
     * @param finalEpoch no update will follow, so the network keeps these parameters without a copy
     */
    boolean offer(int epochNumber, double epochLoss, boolean finalEpoch, ComputationGraph net) {
        if (!(epochLoss < loss)) {
            networkHoldsBest = false;
            return false;
        }
        if (!finalEpoch) {
            if (snapshot == null) {
                snapshot = net.params().dup();
            } else {
                snapshot.assign(net.params());
            }
        }
        epoch = epochNumber;
        loss = epochLoss;
        networkHoldsBest = true;
        return true;
    }

    /** The network is about to be updated again (a new epoch starts). */
    void networkChanging() {
        networkHoldsBest = false;
    }

    /** 0 while no epoch has been recorded. */
    int epoch() {
        return epoch;
    }

    /** Gives the network the best epoch's parameters, if it does not hold them already. */
    void restoreInto(ComputationGraph net) {
        if (epoch > 0 && !networkHoldsBest) {
            net.setParams(snapshot);
            networkHoldsBest = true;
        }
    }
}
