package io.layerlab.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private static final List<String> DESIGN_LAYER_TYPES = List.of("Input", "Dense", "Activation", "Dropout",
            "Conv2D", "MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling2D", "Flatten", "BatchNormalization",
            "LSTM", "GRU", "SimpleRNN", "Embedding", "SelfAttention", "Add", "Concatenate", "Output", "SequenceOutput");
    private static final List<String> DESIGN_ACTIVATIONS = List.of("linear", "step", "sigmoid", "tanh", "relu",
            "leakyrelu", "prelu", "elu", "swish", "gelu", "maxout", "softmax");

    @Test
    void namesEveryLayerAndActivationOfTheDesign() {
        assertThat(Catalog.layerTypes()).containsExactlyInAnyOrderElementsOf(DESIGN_LAYER_TYPES);
        assertThat(Catalog.activationNames()).containsExactlyInAnyOrderElementsOf(DESIGN_ACTIVATIONS);
    }

    @Test
    void everyKindExplainsItselfAndHasValidDefaults() {
        for (LayerKind k : Catalog.layers()) {
            assertThat(k.summary()).as(k.type()).isNotBlank();
            assertThat(k.explanation()).as(k.type()).hasSizeGreaterThan(40);
            for (ParamSpec p : k.params()) {
                assertThat(p.coerce(p.defaultValue()).isOk()).as(k.type() + "." + p.name() + " default").isTrue();
                assertThat(p.description()).as(k.type() + "." + p.name()).isNotBlank();
            }
        }
        for (ActivationKind a : Catalog.activations()) {
            assertThat(a.explanation()).as(a.name()).hasSizeGreaterThan(40);
            assertThat(a.formula()).as(a.name()).isNotBlank();
        }
    }

    @Test
    void coercionExplainsWhatIsValid() {
        ParamSpec units = Catalog.layer("Dense").orElseThrow().param("units").orElseThrow();
        assertThat(units.coerce(-3).error()).contains("-3").contains("from 1 to 1000000");
        assertThat(units.coerce("abc").error()).contains("whole number");
        assertThat(units.coerce(8.0).value()).isEqualTo(8);

        ParamSpec rate = Catalog.layer("Dropout").orElseThrow().param("rate").orElseThrow();
        assertThat(rate.coerce(1.0).error()).contains("below 1");
        assertThat(rate.coerce(0).value()).isEqualTo(0.0);

        ParamSpec kernel = Catalog.layer("Conv2D").orElseThrow().param("kernel").orElseThrow();
        assertThat(kernel.coerce(List.of(0, 3)).error()).contains("holds 0");
        assertThat(kernel.coerce(List.of(3)).error()).contains("has 1 values");
        assertThat(kernel.coerce(List.of(5, 5)).value()).isEqualTo(List.of(5, 5));

        ParamSpec fn = Catalog.layer("Activation").orElseThrow().param("function").orElseThrow();
        assertThat(fn.coerce("relu6").error()).contains("one of:").contains("leakyrelu");
    }

    @Test
    void activationParametersDefaultToTheChosenFunctionsOwn() {
        assertThat(Catalog.effectiveParam("Activation", Map.of("function", "elu"), "alpha")).isEqualTo(1.0);
        assertThat(Catalog.effectiveParam("Activation", Map.of("function", "leakyrelu"), "alpha")).isEqualTo(0.01);
        assertThat(Catalog.effectiveParam("Activation", Map.of("function", "elu", "alpha", 0.5), "alpha")).isEqualTo(0.5);
        assertThat(Catalog.effectiveParam("Dense", Map.of(), "units")).isEqualTo(16);
    }
}
