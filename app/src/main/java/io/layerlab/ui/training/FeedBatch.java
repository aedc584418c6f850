package io.layerlab.ui.training;

import io.layerlab.train.BoundaryFrame;
import io.layerlab.train.EpochEvent;
import io.layerlab.train.LayerStatsEvent;
import io.layerlab.train.RunEvaluation;
import io.layerlab.train.TrainingResult;

import java.util.List;

/**
 * Everything a run reported since the last look, handed from the training thread to the JavaFX
 * thread in one piece. Only the newest statistics and boundary count: older ones were never drawn.
 *
 * @param prepared     set once, when the network is built and the data loaded
 * @param losses       the loss of each new iteration, in order ({@code lossCount} of them)
 * @param iteration    the last iteration reported (0 if none yet)
 * @param epoch        the epoch of that iteration
 * @param samplesPerSecond throughput of the run so far
 * @param paused       whether the run is halted between iterations, as last reported
 * @param result       set when the run has ended
 * @param evaluation   with the result, when the network kept is usable
 * @param failure      set when the run could not start or broke off
 */
record FeedBatch(PreparedRun prepared, float[] losses, int lossCount, int iteration, int epoch, double samplesPerSecond,
                 List<EpochEvent> epochs, LayerStatsEvent stats, BoundaryFrame boundary, boolean paused,
                 TrainingResult result, RunEvaluation evaluation, Throwable failure) {

    boolean isEmpty() {
        return prepared == null && lossCount == 0 && epochs.isEmpty() && stats == null && boundary == null
                && result == null && failure == null;
    }

    boolean ended() {
        return result != null || failure != null;
    }
}
