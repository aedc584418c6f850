package io.layerlab.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The formats the dashboard's tables show numbers in, sorted by the numbers. */
class NumericTextTest {

    private static List<String> sorted(String... texts) {
        List<String> list = new ArrayList<>(List.of(texts));
        list.sort(NumericText.ORDER);
        return list;
    }

    @Test
    void scientificNotationSortsByValue() {
        assertThat(sorted("3.88e-4", "6.25e-5", "1.78e-02")).containsExactly("6.25e-5", "3.88e-4", "1.78e-02");
    }

    @Test
    void wholeNumbersSharesAndFractionsOfARun() {
        assertThat(sorted("128", "16", "64")).containsExactly("16", "64", "128");
        assertThat(sorted("100.0%", "96.3%", "17%")).containsExactly("17%", "96.3%", "100.0%");
        assertThat(sorted("100", "47 / 100", "3 / 100")).containsExactly("3 / 100", "47 / 100", "100");
        assertThat(sorted("10.2 s", "2.7 s", "0.0 s")).as("the Experiments' times").containsExactly("0.0 s", "2.7 s", "10.2 s");
    }

    @Test
    void clocksSortByTheirSeconds() {
        assertThat(sorted("1:02:03", "0:09", "10:00", "2:00")).containsExactly("0:09", "2:00", "10:00", "1:02:03");
        assertThat(NumericText.value("1:02:03")).hasValue(3723);
    }

    @Test
    void cellsWithoutANumberComeLast() {
        assertThat(sorted("—", "0.01", "", "1e-4")).containsExactly("1e-4", "0.01", "", "—");
        assertThat(NumericText.value("—")).isEmpty();
        assertThat(NumericText.value(null)).isEmpty();
    }
}
