package io.layerlab.ui.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortableTextTest {

    @Test
    void numbersSortAsNumbersNotAsText() {
        List<SortableText> batches = new ArrayList<>(List.of(SortableText.of("128", 128), SortableText.of("16", 16),
                SortableText.of("64", 64)));
        Collections.sort(batches);
        assertThat(batches).extracting(SortableText::text).containsExactly("16", "64", "128");

        List<SortableText> times = new ArrayList<>(List.of(SortableText.of("10.2 s", 10.2), SortableText.of("2.7 s", 2.7)));
        Collections.sort(times);
        assertThat(times).extracting(SortableText::text).containsExactly("2.7 s", "10.2 s");
    }

    @Test
    void aCellWithNoNumberSortsAfterTheNumbers() {
        List<SortableText> losses = new ArrayList<>(List.of(SortableText.of("—", null), SortableText.of("0.6275", 0.6275),
                SortableText.of("0.0008711", 0.0008711)));
        Collections.sort(losses);
        assertThat(losses).extracting(SortableText::text).containsExactly("0.0008711", "0.6275", "—");
    }

    @Test
    void wordsSortAsWordsAndShowAsThemselves() {
        List<SortableText> statuses = new ArrayList<>(List.of(SortableText.of("diverged"), SortableText.of("completed")));
        Collections.sort(statuses);
        assertThat(statuses).extracting(SortableText::toString).containsExactly("completed", "diverged");
    }
}
