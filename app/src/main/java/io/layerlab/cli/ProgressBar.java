package io.layerlab.cli;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar redrawn in place on a terminal (stderr), or sparse plain lines when piped. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean interactive;
    private long lastDraw;
    private int lastPercentPrinted = -1;

    ProgressBar(PrintStream err) {
        this.err = err;
        this.interactive = System.console() != null;
    }

    /** On a terminal redraws at most 10 times a second; on a pipe prints a line per 10%. */
    void update(int done, int total, String detail) {
        double f = total == 0 ? 1 : Math.min(1, done / (double) total);
        int percent = (int) Math.round(f * 100);
        long now = System.nanoTime();
        if (interactive) {
            if (done < total && now - lastDraw < 100_000_000L) return;
        } else if (percent / 10 == lastPercentPrinted / 10 && done < total) {
            return;
        }
        lastDraw = now;
        lastPercentPrinted = percent;
        int filled = (int) Math.round(f * WIDTH);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        String line = String.format(Locale.ROOT, "[%s] %3d%% %d/%d %s", bar, percent, done, total, detail);
        if (interactive) err.print("\r" + line + "   ");
        else err.println(line);
        err.flush();
    }

    void finish() {
        if (interactive) err.println();
    }
}
