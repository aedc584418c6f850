package io.layerlab.train.sweep;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * The untrained network's loss over a whole data set (inference mode, example-weighted mean of
 * the minibatch losses): epoch 0 of a run's curve, the same for every learning rate and batch size
 * of one seed. Observations measure falls and explosions against it, since the first minibatch
 * losses of a run scatter with the batch and, at high rates, already include the first updates.
 */
final class InitialLoss {
    private InitialLoss() { }

    /** NaN when the data has no examples. */
    static double of(ComputationGraph net, DataSetIterator data) {
        if (data.resetSupported()) data.reset();
        double sum = 0;
        long examples = 0;
        while (data.hasNext()) {
            DataSet batch = data.next();
            sum += net.score(batch, false) * batch.numExamples();
            examples += batch.numExamples();
        }
        return examples == 0 ? Double.NaN : sum / examples;
    }
}
