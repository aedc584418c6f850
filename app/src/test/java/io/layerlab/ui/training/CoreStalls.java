package io.layerlab.ui.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The times a core was not available to anything in this system, as tools/stall-probe recorded them
 * (a real-time thread per core, woken every 2 ms: "cpu start end" in epoch nanoseconds per late wake-up).
 * Lets the dashboard benchmark tell a pulse the machine stalled from one the dashboard made slow.
 */
final class CoreStalls {
    private record Span(int cpu, long start, long end) {
    }

    private final List<Span> spans;

    private CoreStalls(List<Span> spans) {
        this.spans = spans;
    }

    /** Reads the probe's file; lines it cannot read are skipped (the probe may be writing its last one). */
    static CoreStalls read(Path file) {
        List<Span> spans = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 3) {
                    try {
                        spans.add(new Span(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])));
                    } catch (NumberFormatException skipped) {
                        // a partly written last line
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the stall probe's file " + file, e);
        }
        return new CoreStalls(spans);
    }

    /** The longest single stall of any core overlapping {@code from}..{@code to}, in ms (0 when none did). */
    double longestWithin(Instant from, Instant to) {
        long a = nanos(from);
        long b = nanos(to);
        long longest = 0;
        for (Span s : spans) {
            if (s.end() > a && s.start() < b) {
                longest = Math.max(longest, s.end() - s.start());
            }
        }
        return longest / 1e6;
    }

    /** How many stalls of at least {@code ms} began between {@code from} and {@code to}, and the longest of them. */
    double[] countAndLongest(Instant from, Instant to, double ms) {
        long a = nanos(from);
        long b = nanos(to);
        int count = 0;
        long longest = 0;
        for (Span s : spans) {
            long length = s.end() - s.start();
            if (s.start() >= a && s.start() < b && length >= ms * 1e6) {
                count++;
                longest = Math.max(longest, length);
            }
        }
        return new double[]{count, longest / 1e6};
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
