package io.layerlab.train.sweep;

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
}
