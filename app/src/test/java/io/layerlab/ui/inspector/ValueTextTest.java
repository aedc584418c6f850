package io.layerlab.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.catalog.ParamType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTextTest {
    @Test
    void listsAreReadInTheWaysPeopleWriteThem() {
        assertThat(ValueText.parse(ParamType.INT_LIST, "3, 3")).isEqualTo(List.of(3L, 3L));
        assertThat(ValueText.parse(ParamType.INT_LIST, "[28, 28, 1]")).isEqualTo(List.of(28L, 28L, 1L));
        assertThat(ValueText.parse(ParamType.INT_LIST, "3x3")).isEqualTo(List.of(3L, 3L));
        assertThat(ValueText.parse(ParamType.INT_LIST, "5 5")).isEqualTo(List.of(5L, 5L));
        assertThat(ValueText.parse(ParamType.INT_LIST, "3, a")).isEqualTo(List.of(3L, "a"));
    }

    @Test
    void numbersAreParsedAndEverythingElseIsKeptForTheErrorMessage() {
        assertThat(ValueText.parse(ParamType.INT, "64")).isEqualTo(64L);
        assertThat(ValueText.parse(ParamType.DOUBLE, "0.001")).isEqualTo(0.001);
        assertThat(ValueText.parse(ParamType.DOUBLE, "1e-3")).isEqualTo(0.001);
        assertThat(ValueText.parse(ParamType.INT, "abc")).isEqualTo("abc");
        assertThat(ValueText.parse(ParamType.DOUBLE, "NaN")).isEqualTo("NaN");
        assertThat(ValueText.parse(ParamType.INT, "  ")).isNull();
    }

    @Test
    void valuesAreFormattedWithoutNoise() {
        assertThat(ValueText.format(List.of(3, 3))).isEqualTo("3, 3");
        assertThat(ValueText.format(0.01)).isEqualTo("0.01");
        assertThat(ValueText.format(1.0)).isEqualTo("1");
        assertThat(ValueText.format(0.00001)).isEqualTo("0.00001");
        assertThat(ValueText.format(16)).isEqualTo("16");
    }
}
