package io.layerlab.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.graph.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeCaptionsTest {
    @Test
    void denseShowsUnitsAndItsActivationSeparately() {
        Node dense = Node.of("dense1", "Dense", Map.of("units", 64, "activation", "relu"));
        assertThat(NodeCaptions.keyParams(dense)).isEqualTo("64 units");
        assertThat(NodeCaptions.activationName(dense)).isEqualTo("ReLU");
    }

    @Test
    void convolutionShowsFiltersKernelAndPaddingAndStrideWhenNotOne() {
        assertThat(NodeCaptions.keyParams(Node.of("c", "Conv2D",
                Map.of("filters", 16, "kernel", List.of(3, 3), "padding", "same")))).isEqualTo("16 filters 3×3 same");
        assertThat(NodeCaptions.keyParams(Node.of("c", "Conv2D",
                Map.of("filters", 8, "kernel", List.of(5, 5), "stride", List.of(2, 2)))))
                .isEqualTo("8 filters 5×5 valid · stride 2×2");
    }

    @Test
    void absentParametersShowTheirDefaults() {
        assertThat(NodeCaptions.keyParams(Node.of("d", "Dropout", Map.of()))).isEqualTo("rate 0.5");
        assertThat(NodeCaptions.keyParams(Node.of("p", "MaxPooling2D", Map.of()))).isEqualTo("2×2 valid");
        assertThat(NodeCaptions.activationName(Node.of("o", "Output", Map.of()))).isEqualTo("Softmax");
    }

    @Test
    void inputNamesTheKindOfShape() {
        assertThat(NodeCaptions.keyParams(Node.of("in", "Input", Map.of("shape", List.of(28, 28, 1))))).isEqualTo("28×28×1 image");
        assertThat(NodeCaptions.keyParams(Node.of("in", "Input", Map.of("shape", List.of(2))))).isEqualTo("2 features");
        assertThat(NodeCaptions.keyParams(Node.of("in", "Input", Map.of("shape", List.of(10, 8))))).isEqualTo("10 steps × 8");
    }

    @Test
    void outputsNameTheirLoss() {
        assertThat(NodeCaptions.keyParams(Node.of("o", "Output", Map.of("units", 10, "loss", "mcxent")))).isEqualTo("10 units · mcxent loss");
    }

    @Test
    void activationNodesShowTheFunctionAndItsOwnParameters() {
        Node leaky = Node.of("a", "Activation", Map.of("function", "leakyrelu", "alpha", 0.2));
        assertThat(NodeCaptions.activationName(leaky)).isEqualTo("Leaky ReLU");
        assertThat(NodeCaptions.keyParams(leaky)).isEqualTo("alpha 0.2");
        assertThat(NodeCaptions.keyParams(Node.of("r", "Activation", Map.of("function", "relu")))).isEmpty();
    }

    @Test
    void layersWithoutAnActivationHaveNone() {
        assertThat(NodeCaptions.activationName(Node.of("f", "Flatten", Map.of()))).isNull();
        assertThat(NodeCaptions.activationName(Node.of("d", "Dropout", Map.of()))).isNull();
    }

    @Test
    void recurrentLayersSayWhenTheyReturnEveryStepAndFrozenLayersSaySo() {
        assertThat(NodeCaptions.keyParams(Node.of("l", "LSTM", Map.of("units", 64, "returnSequences", true, "frozen", true))))
                .isEqualTo("64 units · all steps · frozen");
    }

    @Test
    void parameterCountsAreCompact() {
        assertThat(NodeCaptions.paramCount(0)).isEqualTo("0");
        assertThat(NodeCaptions.paramCount(4160)).isEqualTo("4,160");
        assertThat(NodeCaptions.paramCount(12_345)).isEqualTo("12.3K");
        assertThat(NodeCaptions.paramCount(1_000_000)).isEqualTo("1M");
        assertThat(NodeCaptions.paramCountLabel(1)).isEqualTo("1 param");
    }
}
