package io.layerlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TrainingCoreTest {
    @Test
    void theTrainingThreadGetsTheLastCoreAloneTheOthersTheRestAndAllGetThemBack() throws Exception {
        Optional<BitSet> processCores = TrainingCore.affinityOf(0);
        assumeTrue(processCores.isPresent() && processCores.get().cardinality() >= 2, "needs Linux and two cores or more");
        BitSet all = processCores.get();
        int last = all.length() - 1;
        BitSet rest = (BitSet) all.clone();
        rest.clear(last);

        CountDownLatch bystanderReady = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger bystanderTid = new AtomicInteger();
        Thread bystander = new Thread(() -> {
            try {
                bystanderTid.set(TrainingCore.currentTid());
                bystanderReady.countDown();
                done.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "window-like");
        bystander.start();
        bystanderReady.await();

        AtomicReference<BitSet> whileTraining = new AtomicReference<>();
        AtomicReference<BitSet> bystanderWhileTraining = new AtomicReference<>();
        AtomicReference<BitSet> vmThreadWhileTraining = new AtomicReference<>();
        AtomicReference<BitSet> afterwards = new AtomicReference<>();
        AtomicReference<Boolean> bound = new AtomicReference<>();
        Thread trainer = new Thread(() -> {
            try (TrainingCore core = TrainingCore.claimHere()) {
                bound.set(core.bound());
                whileTraining.set(TrainingCore.affinityOf(0).orElseThrow());
                bystanderWhileTraining.set(TrainingCore.affinityOf(bystanderTid.get()).orElseThrow());
                vmThreadWhileTraining.set(TrainingCore.affinityOf(tidNamed("VM Thread")).orElseThrow());
            }
            afterwards.set(TrainingCore.affinityOf(0).orElseThrow());
        }, "trainer");
        trainer.start();
        trainer.join();
        BitSet bystanderAfterwards = TrainingCore.affinityOf(bystanderTid.get()).orElseThrow();
        done.countDown();
        bystander.join();

        assertThat(bound.get()).isTrue();
        assertThat(whileTraining.get()).as("the training thread's cores while it trains").isEqualTo(BitSet.valueOf(new long[] {1L << last}));
        assertThat(bystanderWhileTraining.get()).as("another thread's cores meanwhile").isEqualTo(rest);
        assertThat(vmThreadWhileTraining.get()).as("the VM thread, which works while training waits").isEqualTo(all);
        assertThat(afterwards.get()).as("the training thread's cores afterwards").isEqualTo(all);
        assertThat(bystanderAfterwards).as("the other thread's cores afterwards").isEqualTo(all);
    }

    @Test
    void turnedOffItBindsNothing() throws Exception {
        assumeTrue(TrainingCore.affinityOf(0).map(BitSet::cardinality).orElse(0) >= 2, "needs Linux and two cores or more");
        System.setProperty(TrainingCore.ENABLED_PROPERTY, "false");
        try (TrainingCore core = TrainingCore.claimHere()) {
            assertThat(core.bound()).isFalse();
            assertThat(TrainingCore.affinityOf(0).orElseThrow().cardinality()).isGreaterThanOrEqualTo(2);
        } finally {
            System.clearProperty(TrainingCore.ENABLED_PROPERTY);
        }
    }

    private static int tidNamed(String name) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip().equals(name);
                } catch (java.io.IOException e) {
                    return false;
                }
            }).map(t -> Integer.parseInt(t.getFileName().toString())).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
