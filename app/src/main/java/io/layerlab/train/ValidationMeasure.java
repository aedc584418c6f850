package io.layerlab.train;

import io.layerlab.data.Task;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Loss and (for classification) accuracy of a network over a whole data set, in inference mode
 * (no dropout). The loss is the example-weighted mean of the minibatch losses, so it equals the
 * loss of the data taken as one batch.
 *
 * @param accuracy null for regression
 */
record ValidationMeasure(double loss, Double accuracy) {

    static ValidationMeasure of(ComputationGraph net, DataSetIterator data, Task task) {
        if (data.resetSupported()) {
            data.reset();
        }
        double lossSum = 0;
        long examples = 0;
        double correct = 0;
        double counted = 0;
        while (data.hasNext()) {
            DataSet batch = data.next();
            int n = batch.numExamples();
            lossSum += net.score(batch, false) * n;
            examples += n;
            if (task == Task.CLASSIFICATION) {
                INDArray[] featureMasks = batch.getFeaturesMaskArray() == null ? null : new INDArray[]{batch.getFeaturesMaskArray()};
                INDArray[] labelMasks = batch.getLabelsMaskArray() == null ? null : new INDArray[]{batch.getLabelsMaskArray()};
                INDArray output = net.output(false, new INDArray[]{batch.getFeatures()}, featureMasks, labelMasks)[0];
                double[] hits = hits(batch.getLabels(), output, batch.getLabelsMaskArray());
                correct += hits[0];
                counted += hits[1];
            }
        }
        if (examples == 0) {
            throw new IllegalArgumentException("The validation data is empty; give it at least one example or train without validation.");
        }
        Double accuracy = task == Task.CLASSIFICATION ? (counted == 0 ? null : correct / counted) : null;
        return new ValidationMeasure(lossSum / examples, accuracy);
    }

    /**
     * {correct predictions, predictions counted}. Several classes: the largest output is the
     * prediction; one output (a sigmoid): above 0.5 predicts the positive class. Sequence outputs
     * [batch, classes, time] count every (masked-in) time step.
     */
    static double[] hits(INDArray labels, INDArray output, INDArray labelMask) {
        INDArray flatLabels = labels;
        INDArray flatOutput = output;
        INDArray mask = labelMask;
        if (labels.rank() == 3) {
            long classes = labels.size(1);
            long steps = labels.size(0) * labels.size(2);
            flatLabels = labels.permute(0, 2, 1).dup('c').reshape(steps, classes);
            flatOutput = output.permute(0, 2, 1).dup('c').reshape(steps, classes);
            mask = labelMask == null ? null : labelMask.dup('c').reshape(steps);
        } else if (labelMask != null) {
            mask = labelMask.getColumn(0);
        }
        INDArray right;
        if (flatLabels.size(1) == 1) {
            right = flatOutput.gt(0.5).eq(flatLabels.gt(0.5));
        } else {
            right = flatOutput.argMax(1).eq(flatLabels.argMax(1));
        }
        INDArray rightAsNumber = right.castTo(DataType.DOUBLE).reshape(right.length());
        if (mask == null) {
            return new double[]{rightAsNumber.sumNumber().doubleValue(), rightAsNumber.length()};
        }
        INDArray weights = mask.castTo(DataType.DOUBLE).reshape(rightAsNumber.length());
        return new double[]{rightAsNumber.mul(weights).sumNumber().doubleValue(), weights.sumNumber().doubleValue()};
    }
}
