package io.layerlab.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Everything a run measured, as primitive series: the loss of every iteration, and per epoch the
 * training loss, validation loss, validation accuracy, learning rate and elapsed seconds. Values
 * that do not exist (no validation data, accuracy of a regression) are NaN.
 *
 * <p>The trainer appends on its own thread; read the history once the run has finished (from
 * {@link TrainingResult#history()}). Live views use the events instead.
 */
public final class RunHistory {
    public static final String CSV_HEADER = "epoch,trainLoss,valLoss,valAccuracy,learningRate,seconds";

    private final FloatSeries iterationLoss = new FloatSeries();
    private final DoubleSeries trainLoss = new DoubleSeries();
    private final DoubleSeries valLoss = new DoubleSeries();
    private final DoubleSeries valAccuracy = new DoubleSeries();
    private final DoubleSeries learningRate = new DoubleSeries();
    private final DoubleSeries seconds = new DoubleSeries();

    void addIteration(double loss) {
        iterationLoss.add(loss);
    }

    void addEpoch(double train, double validation, double accuracy, double rate, double elapsedSeconds) {
        trainLoss.add(train);
        valLoss.add(validation);
        valAccuracy.add(accuracy);
        learningRate.add(rate);
        seconds.add(elapsedSeconds);
    }

    public int iterations() {
        return iterationLoss.size();
    }

    public int epochs() {
        return trainLoss.size();
    }

    /** Loss of iteration {@code index} (0-based; iteration events count from 1). */
    public float iterationLoss(int index) {
        return iterationLoss.get(index);
    }

    public float[] iterationLosses() {
        return iterationLoss.toArray();
    }

    public double[] trainLosses() {
        return trainLoss.toArray();
    }

    public double[] valLosses() {
        return valLoss.toArray();
    }

    public double[] valAccuracies() {
        return valAccuracy.toArray();
    }

    public double[] learningRates() {
        return learningRate.toArray();
    }

    /** Active seconds since the run started, at the end of each epoch. */
    public double[] epochSeconds() {
        return seconds.toArray();
    }

    /**
     * Writes {@code history.csv}-style rows, one per epoch (numbered from 1), header
     * {@value #CSV_HEADER}; missing values are empty fields.
     */
    public void writeCsv(Writer out) throws IOException {
        out.write(CSV_HEADER);
        out.write('\n');
        StringBuilder row = new StringBuilder(96);
        for (int i = 0; i < epochs(); i++) {
            row.setLength(0);
            row.append(i + 1).append(',');
            appendValue(row, trainLoss.get(i)).append(',');
            appendValue(row, valLoss.get(i)).append(',');
            appendValue(row, valAccuracy.get(i)).append(',');
            appendValue(row, learningRate.get(i)).append(',');
            appendValue(row, seconds.get(i)).append('\n');
            out.write(row.toString());
        }
    }

    /**
     * Writes the CSV to {@code file} through a temporary file in the same folder, renamed into place,
     * so a crash never leaves a half-written history.
     */
    public void writeCsv(Path file) {
        try {
            io.layerlab.project.AtomicFile.writeText(file, this::writeCsv);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the training history to " + file + ": " + e.getMessage(), e);
        }
    }

    private static StringBuilder appendValue(StringBuilder row, double value) {
        return Double.isNaN(value) ? row : row.append(value);
    }

}
