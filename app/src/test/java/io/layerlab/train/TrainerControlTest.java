package io.layerlab.train;

import io.layerlab.data.Task;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainerControlTest {
    private static final int ITERATIONS_PER_EPOCH = 5;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @AfterEach
    void shutDown() {
        worker.shutdownNow();
    }

    private static Trainer trainer(int epochs) {
        DataSet train = TinyProblems.xor(100, 1);
        ComputationGraph net = TinyProblems.classifier(7, TinyProblems.adam(0.05));
        return new Trainer(net, TinyProblems.batches(train, 100 / ITERATIONS_PER_EPOCH),
                TinyProblems.spec("adam", 0.05, epochs), Task.CLASSIFICATION);
    }

    @Test
    void pauseHaltsIterationsUntilResumed() throws Exception {
        Trainer trainer = trainer(2);
        List<Integer> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch paused = new CountDownLatch(1);
        AtomicInteger pausedAfter = new AtomicInteger();
        AtomicInteger resumedAfter = new AtomicInteger();
        trainer.addObserver(new TrainingObserver() {
            @Override
            public void onIteration(IterationEvent event) {
                seen.add(event.iteration());
                if (event.iteration() == 3) {
                    trainer.pause();
                }
            }

            @Override
            public void onPaused(int iteration) {
                pausedAfter.set(iteration);
                paused.countDown();
            }

            @Override
            public void onResumed(int iteration) {
                resumedAfter.set(iteration);
            }
        }, ObserverRate.everyIteration());

        var result = trainer.start(worker);
        assertThat(paused.await(60, TimeUnit.SECONDS)).isTrue();
        int iterationsAtPause = trainer.network().getIterationCount();
        // A pause that did not hold would let the remaining iterations run meanwhile.
        Thread.sleep(300);
        assertThat(trainer.state()).isEqualTo(TrainerState.PAUSED);
        assertThat(seen).containsExactly(1, 2, 3);
        assertThat(trainer.network().getIterationCount()).isEqualTo(iterationsAtPause);

        trainer.resume();
        TrainingResult finished = result.get(60, TimeUnit.SECONDS);

        assertThat(pausedAfter.get()).isEqualTo(3);
        assertThat(resumedAfter.get()).isEqualTo(3);
        assertThat(finished.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(finished.iterations()).isEqualTo(2 * ITERATIONS_PER_EPOCH);
        assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(trainer.state()).isEqualTo(TrainerState.FINISHED);
    }

    @Test
    void stopEndsTheRunAfterTheCurrentIteration() {
        Trainer trainer = trainer(3);
        trainer.addObserver(new TrainingObserver() {
            @Override
            public void onIteration(IterationEvent event) {
                if (event.iteration() == 7) {
                    trainer.stop();
                }
            }
        }, ObserverRate.everyIteration());

        TrainingResult result = trainer.run();

        assertThat(result.stopReason()).isEqualTo(StopReason.STOPPED);
        assertThat(result.diverged()).isFalse();
        assertThat(result.iterations()).isEqualTo(7);
        assertThat(result.history().iterations()).isEqualTo(7);
        assertThat(result.epochs()).isEqualTo(1);
        assertThat(result.bestEpoch()).isEqualTo(1);
        assertThat(trainer.network().getIterationCount()).isEqualTo(7);
    }

    @Test
    void stopWhilePausedEndsTheRun() throws Exception {
        Trainer trainer = trainer(3);
        CountDownLatch paused = new CountDownLatch(1);
        trainer.addObserver(new TrainingObserver() {
            @Override
            public void onIteration(IterationEvent event) {
                if (event.iteration() == 2) {
                    trainer.pause();
                }
            }

            @Override
            public void onPaused(int iteration) {
                paused.countDown();
            }
        }, ObserverRate.everyIteration());

        var result = trainer.start(worker);
        assertThat(paused.await(60, TimeUnit.SECONDS)).isTrue();
        trainer.stop();
        TrainingResult stopped = result.get(60, TimeUnit.SECONDS);

        assertThat(stopped.stopReason()).isEqualTo(StopReason.STOPPED);
        assertThat(stopped.iterations()).isEqualTo(2);
        assertThat(stopped.epochs()).isZero();
        assertThat(stopped.bestEpoch()).isZero();
        assertThat(stopped.trainLoss()).isPositive();
    }

    @Test
    void aTrainerRunsOnce() {
        Trainer trainer = trainer(1);
        trainer.run();
        assertThatThrownBy(trainer::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("already run");
        assertThatThrownBy(() -> trainer.addObserver(new TrainingObserver() { }, ObserverRate.everyIteration()))
                .isInstanceOf(IllegalStateException.class);
    }
}
