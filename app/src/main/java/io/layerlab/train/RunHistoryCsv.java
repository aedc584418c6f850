package io.layerlab.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * The per-epoch history of several runs in one CSV table, a row per run and epoch, so curves can be
 * compared in a spreadsheet: header {@value #HEADER}; missing values (no validation data, accuracy
 * of a regression) are empty fields.
 */
public final class RunHistoryCsv {
    public static final String HEADER = "run,epoch,trainLoss,valLoss,valAccuracy,learningRate,seconds";

    private RunHistoryCsv() {
    }

    public static void write(List<RunRecord> runs, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        StringBuilder row = new StringBuilder(128);
        for (RunRecord run : runs) {
            RunHistory h = run.history();
            double[] train = h.trainLosses();
            double[] val = h.valLosses();
            double[] accuracy = h.valAccuracies();
            double[] rate = h.learningRates();
            double[] seconds = h.epochSeconds();
            for (int i = 0; i < train.length; i++) {
                row.setLength(0);
                row.append(quoted(run.name())).append(',').append(i + 1);
                for (double v : new double[]{train[i], val[i], accuracy[i], rate[i], seconds[i]}) {
                    row.append(',');
                    if (!Double.isNaN(v)) {
                        row.append(v);
                    }
                }
                out.write(row.append('\n').toString());
            }
        }
    }

    /** Writes through a temporary file renamed into place, so a failure never leaves half a table. */
    public static void write(List<RunRecord> runs, Path file) {
        try {
            io.layerlab.project.AtomicFile.writeText(file, out -> write(runs, out));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the run history to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
