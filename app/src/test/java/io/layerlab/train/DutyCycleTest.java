package io.layerlab.train;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DutyCycleTest {
    @Test
    void workThatTookLongerWaitsProportionallyLongerBeforeItMayRunAgain() {
        DutyCycle duty = new DutyCycle(0.01);
        assertThat(duty.ready(0)).isTrue();

        duty.spent(1_000, 2_000);          // 2 µs of work: the next may start 200 µs after it started

        assertThat(duty.ready(200_999)).isFalse();
        assertThat(duty.ready(201_000)).isTrue();
        duty.spent(300_000, 20_000);       // ten times the work, ten times the wait
        assertThat(duty.ready(2_299_999)).isFalse();
        assertThat(duty.ready(2_300_000)).isTrue();
    }

    @Test
    void aShareOfOneNeverHoldsWorkBack() {
        DutyCycle always = new DutyCycle(1.0);
        always.spent(0, 5);
        assertThat(always.ready(5)).isTrue();
        assertThatThrownBy(() -> new DutyCycle(0)).hasMessageContaining("share must be above 0");
    }
}
