package io.layerlab.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How a frame's share of new bitmap work is handed out. */
class CanvasDetailBudgetTest {
    @Test
    void aFrameTakesOnWorkUpToItsShareAndTheNextFrameStartsAfresh() {
        DetailBudget budget = new DetailBudget(2);
        assertThat(budget.trySpend(0.5)).isTrue();
        assertThat(budget.trySpend(1.0)).isTrue();
        assertThat(budget.trySpend(0.5)).isTrue();
        assertThat(budget.trySpend(0.1)).as("the share is used up").isFalse();
        assertThat(budget.spentAny()).isTrue();

        budget.frameDone();
        assertThat(budget.spentAny()).isFalse();
        assertThat(budget.trySpend(2.0)).isTrue();
    }

    @Test
    void theFirstItemOfAFrameIsTakenEvenWhenDearerThanTheShareSoWorkNeverStalls() {
        DetailBudget budget = new DetailBudget(1);
        assertThat(budget.trySpend(5)).isTrue();
        assertThat(budget.trySpend(0.01)).isFalse();
    }

    @Test
    void aShareMustBePositive() {
        assertThatThrownBy(() -> new DetailBudget(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above 0");
    }
}
