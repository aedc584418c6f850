package io.layerlab.shape;

import java.util.Arrays;
import java.util.List;

/**
 * The shape of one example flowing along a wire, without the batch dimension:
 * {@code [n]} features, {@code [h, w, c]} an image (channels last, as Keras writes it), or
 * {@code [t, f]} a sequence of t steps with f features each.
 */
public final class TensorShape {
    public enum Kind { FEATURES, IMAGE, SEQUENCE }

    private final Kind kind;
    private final int[] dims;

    private TensorShape(Kind kind, int... dims) {
        this.kind = kind;
        this.dims = dims.clone();
    }

    public static TensorShape features(int n) { return new TensorShape(Kind.FEATURES, n); }

    public static TensorShape image(int h, int w, int c) { return new TensorShape(Kind.IMAGE, h, w, c); }

    public static TensorShape sequence(int t, int f) { return new TensorShape(Kind.SEQUENCE, t, f); }

    /** From an Input node's {@code shape} parameter: 1, 2 or 3 values. */
    public static TensorShape fromList(List<Integer> shape) {
        return switch (shape.size()) {
            case 1 -> features(shape.get(0));
            case 2 -> sequence(shape.get(0), shape.get(1));
            case 3 -> image(shape.get(0), shape.get(1), shape.get(2));
            default -> throw new IllegalArgumentException("a shape has 1, 2 or 3 values, not " + shape.size());
        };
    }

    public Kind kind() { return kind; }

    public int[] dims() { return dims.clone(); }

    public int dim(int i) { return dims[i]; }

    public int rank() { return dims.length; }

    /** Features of a vector, or the last axis: channels of an image, features of a sequence step. */
    public int lastDim() { return dims[dims.length - 1]; }

    /** Values in one example (what Flatten produces). */
    public long size() {
        long s = 1;
        for (int d : dims) s *= d;
        return s;
    }

    // Convenience accessors; each is only meaningful for its kind.
    public int height() { return dims[0]; }
    public int width() { return dims[1]; }
    public int channels() { return dims[2]; }
    public int timeSteps() { return dims[0]; }

    public List<Integer> toList() { return Arrays.stream(dims).boxed().toList(); }

    @Override public boolean equals(Object o) {
        return o instanceof TensorShape s && s.kind == kind && Arrays.equals(s.dims, dims);
    }

    @Override public int hashCode() { return kind.hashCode() * 31 + Arrays.hashCode(dims); }

    /** As the project file writes it: {@code [28, 28, 1]}. */
    @Override public String toString() { return Arrays.toString(dims); }

    /** For wire labels: {@code 28×28×1}, {@code 10 steps × 8}, {@code 64}. */
    public String label() {
        return switch (kind) {
            case FEATURES -> String.valueOf(dims[0]);
            case IMAGE -> dims[0] + "×" + dims[1] + "×" + dims[2];
            case SEQUENCE -> dims[0] + "×" + dims[1] + " seq";
        };
    }
}
