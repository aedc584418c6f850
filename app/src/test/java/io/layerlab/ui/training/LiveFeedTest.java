package io.layerlab.ui.training;

import io.layerlab.train.EpochEvent;
import io.layerlab.train.IterationEvent;
import io.layerlab.train.LayerStats;
import io.layerlab.train.LayerStatsEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveFeedTest {

    @Test
    void aDrainTakesEveryLossInOrderEveryEpochAndOnlyTheNewestStatistics() {
        LiveFeed feed = new LiveFeed();
        for (int i = 1; i <= 5; i++) {
            feed.onIteration(new IterationEvent(i, 1, 1.0 / i, 100));
        }
        feed.onEpoch(new EpochEvent(1, 5, 0.5, 0.6, 0.7, 0.01, 100, 1, true));
        feed.stats(new LayerStatsEvent(2, 1, List.of(new LayerStats("a", "relu", 1, 0, Double.NaN, 1e-3))));
        feed.stats(new LayerStatsEvent(4, 1, List.of(new LayerStats("a", "relu", 2, 0, Double.NaN, 1e-3))));
        assertThat(feed.hasNews()).isTrue();

        FeedBatch batch = feed.drain();

        assertThat(batch.lossCount()).isEqualTo(5);
        assertThat(batch.losses()).containsExactly(1f, 0.5f, 1f / 3, 0.25f, 0.2f);
        assertThat(batch.iteration()).isEqualTo(5);
        assertThat(batch.epochs()).extracting(EpochEvent::epoch).containsExactly(1);
        assertThat(batch.stats().iteration()).isEqualTo(4);
        assertThat(feed.hasNews()).isFalse();
        FeedBatch empty = feed.drain();
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.iteration()).isEqualTo(5);
    }

    @Test
    void pausesAreReportedUntilResumed() {
        LiveFeed feed = new LiveFeed();
        feed.onPaused(3);
        assertThat(feed.drain().paused()).isTrue();
        assertThat(feed.drain().paused()).isTrue();
        feed.onResumed(3);
        assertThat(feed.drain().paused()).isFalse();
    }

    @Test
    void everyLossArrivesOnceWhileTheTrainingThreadWritesAndTheUiDrains() throws Exception {
        LiveFeed feed = new LiveFeed();
        int total = 200_000;
        Thread trainer = new Thread(() -> {
            for (int i = 1; i <= total; i++) {
                feed.onIteration(new IterationEvent(i, 1, i, 0));
            }
            feed.failed(new IllegalStateException("end of test"));
        });
        trainer.start();
        FloatList received = new FloatList();
        while (true) {
            FeedBatch batch = feed.drain();
            received.addAll(batch.losses(), batch.lossCount());
            if (batch.ended()) {
                break;
            }
        }
        trainer.join();

        assertThat(received.size()).isEqualTo(total);
        for (int i = 0; i < total; i++) {
            assertThat(received.get(i)).isEqualTo(i + 1f);
        }
    }
}
