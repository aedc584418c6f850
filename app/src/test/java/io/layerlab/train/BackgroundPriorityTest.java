package io.layerlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {
    @Test
    void aTrainingThreadAsksForLessOfTheCpuAndOnlyItself() throws Exception {
        Optional<Integer> mine = BackgroundPriority.currentNice();
        assumeTrue(mine.isPresent(), "nice values are read on Linux only");
        assumeTrue(mine.get() < BackgroundPriority.TRAINING_NICE, "this test already runs at a nice value of " + mine.get());
        AtomicReference<Optional<Integer>> workerNice = new AtomicReference<>();
        AtomicReference<Integer> workerPriority = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread();
            workerNice.set(BackgroundPriority.currentNice());
            workerPriority.set(Thread.currentThread().getPriority());
        });
        worker.start();
        worker.join();

        assertThat(workerNice.get()).contains(BackgroundPriority.TRAINING_NICE);
        assertThat(workerPriority.get()).isEqualTo(Thread.MIN_PRIORITY);
        assertThat(BackgroundPriority.currentNice()).as("the caller's own priority").isEqualTo(mine);
    }
}
