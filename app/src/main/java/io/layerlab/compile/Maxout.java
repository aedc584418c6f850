package io.layerlab.compile;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.Arrays;

/**
 * Maxout without weights of its own: splits the features (or channels) into consecutive groups
 * of {@code pieces} values and keeps the largest of each group, so n values become n / pieces.
 * Features, channels of an image and features of every step of a sequence all sit on axis 1 in
 * DL4J's layouts ([batch, n], [batch, c, h, w], [batch, f, t]), which is the axis it groups.
 *
 * <p>A layer with the maxout activation is its linear version with pieces times the outputs,
 * followed by this; the linear functions of a unit are then the layer's outputs of one group.
 * Its two fields are written to DL4J's JSON and read back, so saved models restore it.
 */
public final class Maxout extends SameDiffLambdaLayer {
    private int pieces;
    /** One example's input in DL4J's layout: [n], [c, h, w] or [f, t]; recorded when DL4J sets the input type. */
    private long[] inputShape;

    /** For DL4J's JSON reader. */
    public Maxout() { }

    public Maxout(int pieces) {
        if (pieces < 2) throw new IllegalArgumentException("maxout takes the largest of 2 or more pieces, not " + pieces);
        this.pieces = pieces;
    }

    // Getters and setters are how DL4J's JSON writer and reader see the fields.
    public int getPieces() { return pieces; }

    public void setPieces(int pieces) { this.pieces = pieces; }

    public long[] getInputShape() { return inputShape == null ? null : inputShape.clone(); }

    public void setInputShape(long[] inputShape) { this.inputShape = inputShape == null ? null : inputShape.clone(); }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        long[] shape = inputType.getShape(false);
        if (shape[0] % pieces != 0) {
            throw new IllegalArgumentException("maxout with " + pieces + " pieces needs a multiple of " + pieces
                    + " features or channels, got " + shape[0]);
        }
        inputShape = shape;
    }

    @Override
    public SDVariable defineLayer(SameDiff sameDiff, SDVariable layerInput) {
        // [batch, n, rest...] -> [batch, n / pieces, pieces, rest...], then the largest along the pieces axis.
        long[] grouped = new long[inputShape.length + 2];
        grouped[0] = -1;
        grouped[1] = inputShape[0] / pieces;
        grouped[2] = pieces;
        System.arraycopy(inputShape, 1, grouped, 3, inputShape.length - 1);
        return sameDiff.max(sameDiff.reshape(layerInput, grouped), 2);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (inputType instanceof InputType.InputTypeFeedForward f) {
            return InputType.feedForward(f.getSize() / pieces);
        }
        if (inputType instanceof InputType.InputTypeConvolutional c) {
            return InputType.convolutional(c.getHeight(), c.getWidth(), c.getChannels() / pieces);
        }
        if (inputType instanceof InputType.InputTypeRecurrent r) {
            return InputType.recurrent(r.getSize() / pieces, r.getTimeSeriesLength());
        }
        throw new IllegalArgumentException("maxout takes features, an image or a sequence, not " + inputType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Maxout m && m.pieces == pieces && Arrays.equals(m.inputShape, inputShape);
    }

    @Override
    public int hashCode() { return 31 * pieces + Arrays.hashCode(inputShape); }

    @Override
    public String toString() { return "Maxout(pieces=" + pieces + ")"; }
}
