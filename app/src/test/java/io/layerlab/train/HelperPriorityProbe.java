package io.layerlab.train;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import io.layerlab.nd4j.Nd4jFixes;

/**
 * Run in a JVM of its own by {@link BackgroundPriorityTest}: puts LayerLab's ND4J fixes in (which start
 * the thread that frees ND4J's buffers), lowers the helper threads (with {@code -Dprobe.meanwhile=true}:
 * only the JVM's, from a thread of their own, as the designer starts), then prints
 * each thread's name and nice value as Linux reports them ({@code /proc/self/task/TID/stat}).
 */
public final class HelperPriorityProbe {
    private HelperPriorityProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("probe.meanwhile")) {
            // As the designer starts: the JVM's own helpers, from a thread of their own, nothing else loaded.
            BackgroundPriority.lowerHelperThreadsMeanwhile().join();
        } else {
            Nd4jFixes.install();
            System.out.println("lowered " + BackgroundPriority.lowerHelperThreads());
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name;
                String stat;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                    stat = Files.readString(task.resolve("stat"));
                } catch (NoSuchFileException ended) {
                    continue; // a thread that ended since the list was read (the lowering thread, just joined)
                }
                // Fields after the parenthesised name: state is field 3, nice field 19.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                System.out.println("thread " + name + " nice " + fields[16]);
            }
        }
    }
}
