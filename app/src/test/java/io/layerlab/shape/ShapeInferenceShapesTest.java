package io.layerlab.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Output shapes, parameter counts and multiply-adds worked out by hand, as DL4J computes them. */
class ShapeInferenceShapesTest {

    /** Input of {@code shape} wired into one layer "x"; returns x's info after checking x had no problems. */
    private static LayerInfo layerAfter(List<Integer> shape, String type, Object... params) {
        ShapeReport report = Graphs.create()
                .node("in", "Input", "shape", shape)
                .node("x", type, params)
                .wire("in", "x")
                .infer();
        assertThat(report.diagnosticsFor("x")).isEmpty();
        return report.info("x").orElseThrow();
    }

    private static void assertLayer(LayerInfo info, TensorShape output, long params, long multiplyAdds) {
        assertThat(info.output()).isEqualTo(output);
        assertThat(info.params()).as("parameters").isEqualTo(params);
        assertThat(info.multiplyAdds()).as("multiply-adds").isEqualTo(multiplyAdds);
    }

    @Nested
    class Core {
        @Test
        void inputShapesGiveTheirKind() {
            assertThat(layerAfter(List.of(4), "Dropout").output()).isEqualTo(TensorShape.features(4));
            assertThat(layerAfter(List.of(10, 3), "Dropout").output()).isEqualTo(TensorShape.sequence(10, 3));
            assertThat(layerAfter(List.of(28, 28, 1), "Dropout").output()).isEqualTo(TensorShape.image(28, 28, 1));
        }

        @Test
        void denseLearnsAWeightPerInputAndUnitPlusABiasPerUnit() {
            assertLayer(layerAfter(List.of(2), "Dense", "units", 8), TensorShape.features(8), 2 * 8 + 8, 16);
        }

        @Test
        void outputIsADenseLayer() {
            assertLayer(layerAfter(List.of(16), "Output", "units", 10), TensorShape.features(10), 16 * 10 + 10, 160);
        }

        @Test
        void batchNormalizationLearnsFourValuesPerFeatureOrChannel() {
            assertLayer(layerAfter(List.of(10), "BatchNormalization"), TensorShape.features(10), 40, 10);
            assertLayer(layerAfter(List.of(8, 8, 6), "BatchNormalization"), TensorShape.image(8, 8, 6), 24, 8 * 8 * 6);
        }

        @Test
        void flattenUnrollsImagesAndSequences() {
            assertLayer(layerAfter(List.of(12, 12, 8), "Flatten"), TensorShape.features(1152), 0, 0);
            assertLayer(layerAfter(List.of(10, 4), "Flatten"), TensorShape.features(40), 0, 0);
        }

        @Test
        void activationAndDropoutKeepTheShapeAndLearnNothing() {
            assertLayer(layerAfter(List.of(5, 5, 2), "Activation", "function", "tanh"), TensorShape.image(5, 5, 2), 0, 0);
            assertLayer(layerAfter(List.of(7), "Activation", "function", "leakyrelu", "alpha", 0.2), TensorShape.features(7), 0, 0);
            assertLayer(layerAfter(List.of(7), "Dropout", "rate", 0.3), TensorShape.features(7), 0, 0);
        }
    }

    @Nested
    class PRelu {
        @Test
        void anActivationNodeWithPreluLearnsOneAlphaPerValue() {
            assertLayer(layerAfter(List.of(3, 3, 2), "Activation", "function", "prelu"), TensorShape.image(3, 3, 2), 18, 18);
        }

        @Test
        void aDenseWithPreluAddsOneAlphaPerUnit() {
            assertLayer(layerAfter(List.of(4), "Dense", "units", 8, "activation", "prelu"),
                    TensorShape.features(8), 4 * 8 + 8 + 8, 4 * 8 + 8);
        }

        @Test
        void aConvolutionWithPreluAddsOneAlphaPerOutputValue() {
            // 6×6×1, 3×3 valid, 2 filters -> 4×4×2: 9*1*2 + 2 weights and biases, 32 alphas.
            assertLayer(layerAfter(List.of(6, 6, 1), "Conv2D", "filters", 2, "kernel", List.of(3, 3), "activation", "prelu"),
                    TensorShape.image(4, 4, 2), 20 + 32, 4 * 4 * 2 * 9 + 32);
        }

        @Test
        void anLstmWithPreluAddsOneAlphaPerOutputValue() {
            LayerInfo last = layerAfter(List.of(5, 3), "LSTM", "units", 4, "activation", "prelu");
            LayerInfo all = layerAfter(List.of(5, 3), "LSTM", "units", 4, "activation", "prelu", "returnSequences", true);
            long lstm = 4 * (3 * 4 + 4 * 4 + 4);
            assertThat(last.params()).isEqualTo(lstm + 4);
            assertThat(all.params()).isEqualTo(lstm + 5 * 4);
        }
    }

    @Nested
    class Convolution {
        @Test
        void validConvolutionWithStrideTruncates() {
            // floor((28 - 5) / 2) + 1 = 12
            assertLayer(layerAfter(List.of(28, 28, 1), "Conv2D", "filters", 8, "kernel", List.of(5, 5),
                            "stride", List.of(2, 2), "padding", "valid"),
                    TensorShape.image(12, 12, 8), 5 * 5 * 1 * 8 + 8, 12L * 12 * 8 * 25);
        }

        @Test
        void sameConvolutionGivesInputOverStrideRoundedUp() {
            assertLayer(layerAfter(List.of(28, 28, 3), "Conv2D", "filters", 16, "kernel", List.of(3, 3),
                            "stride", List.of(2, 2), "padding", "same"),
                    TensorShape.image(14, 14, 16), 3 * 3 * 3 * 16 + 16, 14L * 14 * 16 * 27);
            assertThat(layerAfter(List.of(7, 9, 1), "Conv2D", "stride", List.of(2, 3), "padding", "same").output())
                    .isEqualTo(TensorShape.image(4, 3, 16));
        }

        @Test
        void convolutionWithDifferentKernelHeightAndWidth() {
            assertLayer(layerAfter(List.of(10, 8, 2), "Conv2D", "filters", 4, "kernel", List.of(3, 1)),
                    TensorShape.image(8, 8, 4), 3 * 1 * 2 * 4 + 4, 8L * 8 * 4 * 3 * 2);
        }

        @Test
        void poolingDefaultsToTwoByTwoWithStrideTwo() {
            assertLayer(layerAfter(List.of(28, 28, 8), "MaxPooling2D"), TensorShape.image(14, 14, 8), 0, 0);
            assertLayer(layerAfter(List.of(7, 7, 4), "AveragePooling2D"), TensorShape.image(3, 3, 4), 0, 0);
            assertLayer(layerAfter(List.of(7, 7, 4), "MaxPooling2D", "padding", "same"), TensorShape.image(4, 4, 4), 0, 0);
        }

        @Test
        void poolingWithItsOwnWindowAndStride() {
            assertThat(layerAfter(List.of(5, 5, 3), "MaxPooling2D", "pool", List.of(3, 3), "stride", List.of(1, 1)).output())
                    .isEqualTo(TensorShape.image(3, 3, 3));
        }

        @Test
        void globalAveragePoolingKeepsOneValuePerChannel() {
            assertLayer(layerAfter(List.of(7, 7, 32), "GlobalAveragePooling2D"), TensorShape.features(32), 0, 0);
        }
    }

    @Nested
    class Recurrent {
        @Test
        void lstmReturningTheLastStepGivesFeatures() {
            // 4 * (n_in*u + u*u + u) = 4 * (8*16 + 16*16 + 16) = 1600
            assertLayer(layerAfter(List.of(10, 8), "LSTM", "units", 16), TensorShape.features(16), 1600,
                    10L * 4 * (8 * 16 + 16 * 16));
        }

        @Test
        void lstmReturningSequencesGivesOneOutputPerStep() {
            assertLayer(layerAfter(List.of(10, 8), "LSTM", "units", 16, "returnSequences", true),
                    TensorShape.sequence(10, 16), 1600, 10L * 4 * (8 * 16 + 16 * 16));
        }

        @Test
        void simpleRnnHasOneInputMatrixOneRecurrentMatrixAndABias() {
            assertLayer(layerAfter(List.of(5, 3), "SimpleRNN", "units", 4), TensorShape.features(4),
                    3 * 4 + 4 * 4 + 4, 5L * (3 * 4 + 4 * 4));
        }

        @Test
        void sequenceOutputPredictsAtEveryStep() {
            assertLayer(layerAfter(List.of(10, 16), "SequenceOutput", "units", 3), TensorShape.sequence(10, 3),
                    16 * 3 + 3, 10L * 16 * 3);
        }
    }

    @Nested
    class Merges {
        @Test
        void concatenateJoinsFeatures() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(4))
                    .node("a", "Dense", "units", 8).node("b", "Dense", "units", 4).node("cat", "Concatenate")
                    .wire("in", "a").wire("in", "b").wire("a", "cat", 0).wire("b", "cat", 1).infer();
            assertThat(r.outputShape("cat")).isEqualTo(TensorShape.features(12));
            assertThat(r.info("cat").orElseThrow().params()).isZero();
        }

        @Test
        void concatenateJoinsImageChannels() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(8, 8, 2))
                    .node("a", "Conv2D", "filters", 3, "padding", "same").node("b", "Conv2D", "filters", 5, "kernel", List.of(1, 1))
                    .node("cat", "Concatenate")
                    .wire("in", "a").wire("in", "b").wire("a", "cat", 0).wire("b", "cat", 1).infer();
            assertThat(r.outputShape("cat")).isEqualTo(TensorShape.image(8, 8, 8));
        }

        @Test
        void concatenateJoinsSequenceFeatures() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(10, 3))
                    .node("a", "LSTM", "units", 2, "returnSequences", true).node("cat", "Concatenate")
                    .wire("in", "a").wire("in", "cat", 0).wire("a", "cat", 1).infer();
            assertThat(r.outputShape("cat")).isEqualTo(TensorShape.sequence(10, 5));
        }

        @Test
        void addKeepsTheCommonShape() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(16))
                    .node("a", "Dense", "units", 16).node("add", "Add")
                    .wire("in", "add", 0).wire("in", "a").wire("a", "add", 1).infer();
            assertThat(r.outputShape("add")).isEqualTo(TensorShape.features(16));
            assertThat(r.diagnosticsFor("add")).isEmpty();
        }
    }

    @Test
    void theOrderPutsEveryLayerAfterTheLayersFeedingIt() {
        ShapeReport r = Graphs.create()
                .node("out", "Output", "units", 2)
                .node("add", "Add")
                .node("b", "Dense", "units", 4)
                .node("a", "Dense", "units", 4)
                .node("in", "Input", "shape", List.of(4))
                .wire("in", "a").wire("a", "b").wire("b", "add", 1).wire("in", "add", 0).wire("add", "out")
                .infer();
        List<String> order = r.order();
        assertThat(order).containsExactlyInAnyOrder("in", "a", "b", "add", "out");
        assertThat(order.indexOf("in")).isLessThan(order.indexOf("a"));
        assertThat(order.indexOf("a")).isLessThan(order.indexOf("b"));
        assertThat(order.indexOf("b")).isLessThan(order.indexOf("add"));
        assertThat(order.indexOf("add")).isLessThan(order.indexOf("out"));
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void totalsSumEveryLayer() {
        ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(2))
                .node("h", "Dense", "units", 8).node("out", "Output", "units", 2)
                .chain("in", "h", "out").infer();
        assertThat(r.totalParams()).isEqualTo(24 + 18);
        assertThat(r.totalMultiplyAdds()).isEqualTo(16 + 16);
    }
}
