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
    void lateFramesShrinkTheShareToACardsWorthAndFramesOnTimeGrowItBack() {
        DetailBudget budget = new DetailBudget(5);
        long t = 1_000_000_000L;
        budget.frameStarted(t);
        assertThat(budget.shareMs()).as("no gap to judge yet").isEqualTo(5);
        for (int i = 0; i < 6; i++) budget.frameStarted(t += 40_000_000L);
        assertThat(budget.shareMs()).as("after late frames").isEqualTo(DetailBudget.CARD_MS);
        assertThat(budget.trySpend(DetailBudget.CARD_MS)).isTrue();
        assertThat(budget.trySpend(DetailBudget.LABEL_MS)).as("one card fills a late frame's share").isFalse();
        budget.frameDone();

        budget.frameStarted(t += 16_700_000L);
        assertThat(budget.shareMs()).isEqualTo(3.0);
        for (int i = 0; i < 10; i++) budget.frameStarted(t += 16_700_000L);
        assertThat(budget.shareMs()).as("back to the full share, never above").isEqualTo(5);

        budget.idle();
        budget.frameStarted(t += 5_000_000_000L);
        assertThat(budget.shareMs()).as("a pause between bursts of work is no late frame").isEqualTo(5);
    }

    @Test
    void aShareMustBePositive() {
        assertThatThrownBy(() -> new DetailBudget(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above 0");
    }
}
