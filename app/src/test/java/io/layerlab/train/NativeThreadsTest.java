package io.layerlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class NativeThreadsTest {

    @Test
    void theSmallestHeldLimitAppliesAndTheFormerCountReturnsWithTheLastLease() {
        int original = Nd4j.factory().blas().getMaxThreads();
        Nd4j.factory().blas().setMaxThreads(2);
        try {
            NativeThreads.Lease one = NativeThreads.limit(1);
            assertThat(NativeThreads.currentBlasThreads()).isEqualTo(1);
            NativeThreads.Lease two = NativeThreads.limit(2);
            assertThat(NativeThreads.currentBlasThreads()).isEqualTo(1);
            one.close();
            assertThat(NativeThreads.currentBlasThreads()).isEqualTo(2);
            two.close();
            two.close();
            assertThat(NativeThreads.currentBlasThreads()).isEqualTo(2);
            assertThat(NativeThreads.currentMasterThreads()).isLessThanOrEqualTo(Nd4j.getEnvironment().maxThreads());
        } finally {
            Nd4j.factory().blas().setMaxThreads(original);
        }
    }

    @Test
    void parallelRunsShareTheCoresAndEachGetsAtLeastOne() {
        assertThat(NativeThreads.perRun(8, 2)).isEqualTo(4);
        assertThat(NativeThreads.perRun(2, 2)).isEqualTo(1);
        assertThat(NativeThreads.perRun(2, 3)).isEqualTo(1);
        assertThat(NativeThreads.perRun(4, 1)).isEqualTo(4);
    }

    @Test
    void oneRunAloneTrainsWithOneNativeThreadOnTwoCoresOrFewer() {
        assertThat(NativeThreads.forOneRun(1)).isEqualTo(1);
        assertThat(NativeThreads.forOneRun(2)).isEqualTo(1);
        assertThat(NativeThreads.forOneRun(4)).isZero();
    }

    @Test
    void aTrainerHoldsThatLimitWhileItRunsAndGivesTheFormerCountBack() {
        int original = Nd4j.factory().blas().getMaxThreads();
        Nd4j.factory().blas().setMaxThreads(2);
        try {
            int expected = NativeThreads.forOneRun(Runtime.getRuntime().availableProcessors()) == 1 ? 1 : 2;
            java.util.List<Integer> during = new java.util.ArrayList<>();
            Trainer trainer = new Trainer(TinyProblems.classifier(3, TinyProblems.adam(0.05)),
                    TinyProblems.batches(TinyProblems.xor(40, 1), 10), TinyProblems.spec("adam", 0.05, 2),
                    io.layerlab.data.Task.CLASSIFICATION);
            trainer.addObserver(new TrainingObserver() {
                @Override public void onIteration(IterationEvent event) {
                    during.add(NativeThreads.currentBlasThreads());
                }
            }, ObserverRate.everyIteration());
            trainer.run();
            assertThat(during).isNotEmpty().containsOnly(expected);
            assertThat(NativeThreads.currentBlasThreads()).isEqualTo(2);
        } finally {
            Nd4j.factory().blas().setMaxThreads(original);
        }
    }
}
