package io.layerlab.cli;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar redrawn in place on a terminal (stderr), or plain lines when piped. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean interactive;
    private long lastDraw;

    ProgressBar(PrintStream err) {
        this.err = err;
        this.interactive = System.console() != null;
    }

    /** Draws at most 10 times a second on a terminal; on a pipe, prints a line per call. */
    void update(int done, int total, String detail) {
        long now = System.nanoTime();
        if (interactive && done < total && now - lastDraw < 100_000_000L) return;
        lastDraw = now;
        double f = total == 0 ? 1 : Math.min(1, done / (double) total);
        int filled = (int) Math.round(f * WIDTH);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        String line = String.format(Locale.ROOT, "[%s] %3d%% %d/%d %s", bar, Math.round(f * 100), done, total, detail);
        if (interactive) err.print("\r" + line + "   ");
        else err.println(line);
        err.flush();
    }

    void finish() {
        if (interactive) err.println();
    }
}
