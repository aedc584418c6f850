package io.layerlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keras' own numbers, as its model.summary() prints them, for each layer rule of the counter. */
class KerasParamCounterTest {
    private final List<KerasLayer> layers = new ArrayList<>();

    @Test
    void convolutionPoolingAndBatchNormFollowKerasShapesAndCounts() {
        add("x", "Input", "shape", List.of(28, 28, 1));
        add("c", "Conv2D", "x", "filters", 32, "kernel_size", List.of(3, 3), "strides", List.of(1, 1), "padding", "valid");
        add("s", "Conv2D", "c", "filters", 8, "kernel_size", List.of(5, 5), "strides", List.of(2, 2), "padding", "same");
        add("b", "BatchNormalization", "s");
        add("p", "MaxPooling2D", "b", "pool_size", List.of(3, 3), "strides", List.of(2, 2), "padding", "valid");
        add("q", "AveragePooling2D", "p", "pool_size", List.of(2, 2), "strides", List.of(2, 2), "padding", "same");
        add("g", "GlobalAveragePooling2D", "q");
        add("f", "Flatten", "q");

        Map<String, KerasParamCounter.Count> counts = count();
        assertThat(counts.get("c")).isEqualTo(count(320, 26, 26, 32));
        assertThat(counts.get("s")).isEqualTo(count(5 * 5 * 32 * 8 + 8, 13, 13, 8));
        assertThat(counts.get("b")).isEqualTo(count(32, 13, 13, 8));
        assertThat(counts.get("p")).isEqualTo(count(0, 6, 6, 8));
        assertThat(counts.get("q")).isEqualTo(count(0, 3, 3, 8));
        assertThat(counts.get("g")).isEqualTo(count(0, 8));
        assertThat(counts.get("f")).isEqualTo(count(0, 72));
    }

    @Test
    void recurrentLayersCountKerasGatesAndReturnSequencesDecidesTheShape() {
        add("x", "Input", "shape", List.of(10, 8));
        add("l", "LSTM", "x", "units", 32, "return_sequences", true);
        add("r", "SimpleRNN", "l", "units", 4, "return_sequences", false);
        add("t", "TimeDistributed", "l", "layer", new KerasLayer(null, "Dense", Map.of("units", 5), List.of()));

        Map<String, KerasParamCounter.Count> counts = count();
        assertThat(counts.get("l")).isEqualTo(count(5248, 10, 32));
        assertThat(counts.get("r")).isEqualTo(count(32 * 4 + 4 * 4 + 4, 4));
        assertThat(counts.get("t")).isEqualTo(count(32 * 5 + 5, 10, 5));
    }

    @Test
    void preluLearnsOneSlopePerValueAndActivationsLearnNothing() {
        add("x", "Input", "shape", List.of(6, 6, 3));
        add("p", "PReLU", "x");
        add("a", "LeakyReLU", "p", "alpha", 0.2);
        add("e", "ELU", "a", "alpha", 1.0);
        add("d", "Dropout", "e", "rate", 0.5);
        add("l", "Lambda", "d", "function", new Python.Code("step"));

        Map<String, KerasParamCounter.Count> counts = count();
        assertThat(counts.get("p")).isEqualTo(count(108, 6, 6, 3));
        for (String name : Set.of("a", "e", "d", "l")) assertThat(counts.get(name)).isEqualTo(count(0, 6, 6, 3));
    }

    @Test
    void mergesAddShapesAndJoinTheLastAxis() {
        add("x", "Input", "shape", List.of(4));
        add("y", "Input", "shape", List.of(6));
        add("u", "Dense", "x", "units", 6);
        add("s", "Add", List.of("u", "y"));
        add("c", "Concatenate", List.of("s", "x", "y"));
        add("o", "Dense", "c", "units", 3);

        Map<String, KerasParamCounter.Count> counts = count();
        assertThat(counts.get("u")).isEqualTo(count(30, 6));
        assertThat(counts.get("s")).isEqualTo(count(0, 6));
        assertThat(counts.get("c")).isEqualTo(count(0, 16));
        assertThat(counts.get("o")).isEqualTo(count(51, 3));
        assertThat(KerasParamCounter.total(new KerasModel(List.of(new KerasModel.Block(null, layers, List.of())),
                List.of("x", "y"), List.of(), Set.of()))).isEqualTo(81);
    }

    private Map<String, KerasParamCounter.Count> count() {
        return KerasParamCounter.count(new KerasModel(List.of(new KerasModel.Block(null, layers, List.of())),
                List.of(), List.of(), Set.of()));
    }

    private static KerasParamCounter.Count count(long params, int... shape) {
        return new KerasParamCounter.Count(shape, params);
    }

    private void add(String name, String className, Object inputOrKey, Object... rest) {
        List<String> in;
        List<Object> keysAndValues = new ArrayList<>();
        if (className.equals("Input")) {
            in = List.of();
            keysAndValues.add(inputOrKey);
        } else if (inputOrKey instanceof List<?> list) {
            in = list.stream().map(String::valueOf).toList();
        } else {
            in = List.of((String) inputOrKey);
        }
        keysAndValues.addAll(List.of(rest));
        Map<String, Object> config = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.size(); i += 2) config.put((String) keysAndValues.get(i), keysAndValues.get(i + 1));
        config.put("name", name);
        layers.add(new KerasLayer(name, className, config, in));
    }
}
