package io.layerlab.train;

/**
 * A network's decision over a square grid of points in the plane of a 2-D data set, row by row from
 * the top (largest y) down, each row from the left (smallest x). Cell {@code (row, column)} is at
 * index {@code row * size + column}; its centre is at {@link #x(int)}, {@link #y(int)}.
 *
 * @param classes    the predicted class of each cell
 * @param confidence the probability the network gives its predicted class, per cell
 * @param iteration  the training iteration the network had completed (0 before training)
 */
public record BoundaryFrame(int size, double minX, double maxX, double minY, double maxY, int classCount,
                            byte[] classes, float[] confidence, int iteration) {

    public double x(int column) {
        return minX + (column + 0.5) * (maxX - minX) / size;
    }

    public double y(int row) {
        return maxY - (row + 0.5) * (maxY - minY) / size;
    }

    public int classAt(int row, int column) {
        return classes[row * size + column];
    }

    public float confidenceAt(int row, int column) {
        return confidence[row * size + column];
    }
}
