package io.layerlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import io.layerlab.nd4j.NativeBufferGuard;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {
    @Test
    void aTrainingThreadAsksForLessOfTheCpuAndOnlyItself() throws Exception {
        Optional<Integer> mine = BackgroundPriority.currentNice();
        assumeTrue(mine.isPresent(), "nice values are read on Linux only");
        assumeTrue(mine.get() < BackgroundPriority.BACKGROUND_NICE, "this test already runs at a nice value of " + mine.get());
        AtomicReference<Optional<Integer>> workerNice = new AtomicReference<>();
        AtomicReference<Integer> workerPriority = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread();
            workerNice.set(BackgroundPriority.currentNice());
            workerPriority.set(Thread.currentThread().getPriority());
        });
        worker.start();
        worker.join();

        assertThat(workerNice.get()).contains(BackgroundPriority.BACKGROUND_NICE);
        assertThat(workerPriority.get()).isEqualTo(Thread.MIN_PRIORITY);
        assertThat(BackgroundPriority.currentNice()).as("the caller's own priority").isEqualTo(mine);
    }

    @Test
    void turnedOffATrainingThreadKeepsItsPriority() throws Exception {
        Optional<Integer> mine = BackgroundPriority.currentNice();
        assumeTrue(mine.isPresent(), "nice values are read on Linux only");
        AtomicReference<Optional<Integer>> workerNice = new AtomicReference<>();
        System.setProperty(BackgroundPriority.ENABLED_PROPERTY, "false");
        try {
            Thread worker = new Thread(() -> {
                BackgroundPriority.lowerCurrentThread();
                workerNice.set(BackgroundPriority.currentNice());
            });
            worker.start();
            worker.join();
        } finally {
            System.clearProperty(BackgroundPriority.ENABLED_PROPERTY);
        }

        assertThat(workerNice.get()).isEqualTo(mine);
    }

    private static final String LOWERED = " nice " + BackgroundPriority.BACKGROUND_NICE;

    @Test
    void theCollectorsAndCompilersThreadsFollowAndTheRestKeepTheirPriority() throws Exception {
        assertThat(probeReport("-XX:+UseZGC")).anyMatch(l -> l.startsWith("thread ZWorker") && l.endsWith(LOWERED))
                .anyMatch(l -> l.startsWith("thread C2 CompilerThre") && l.endsWith(LOWERED))
                .anyMatch(l -> l.startsWith("thread Reference Handl") && l.endsWith(LOWERED))
                .anyMatch(l -> l.equals("thread " + NativeBufferGuard.DEALLOCATOR_THREAD_NAME + LOWERED))
                .anyMatch(l -> l.equals("thread VM Thread nice 0"));
    }

    /** The designer lowers the JVM's helpers as it starts, from a thread of its own; the thread that started it keeps its priority. */
    @Test
    void atTheDesignersStartTheCompilersAreLoweredMeanwhile() throws Exception {
        assertThat(probeReport("-Dprobe.meanwhile=true")).anyMatch(l -> l.startsWith("thread C2 CompilerThre") && l.endsWith(LOWERED))
                .anyMatch(l -> l.startsWith("thread C1 CompilerThre") && l.endsWith(LOWERED))
                .anyMatch(l -> l.startsWith("thread Reference Handl") && l.endsWith(LOWERED))
                .anyMatch(l -> l.equals("thread java nice 0"));
    }

    /** Each thread's name and nice value in a JVM of its own that ran {@link HelperPriorityProbe} with {@code options}. */
    private static List<String> probeReport(String... options) throws Exception {
        assumeTrue(BackgroundPriority.currentNice().orElse(BackgroundPriority.BACKGROUND_NICE) < BackgroundPriority.BACKGROUND_NICE,
                "nice values are read on Linux only, and this JVM must not already run niced");
        return ChildJvm.run(HelperPriorityProbe.class, options);
    }
}
