package io.layerlab.shape;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.catalog.Catalog;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each problem is reported as data: the node, the parameter, what is wrong and what would be valid. */
class ShapeInferenceDiagnosticsTest {

    private static Diagnostic only(ShapeReport report, DiagnosticCode code) {
        List<Diagnostic> found = report.diagnostics().stream().filter(d -> d.code() == code).toList();
        assertThat(found).as("diagnostics with code %s in %s", code, report.diagnostics()).hasSize(1);
        return found.get(0);
    }

    private static List<DiagnosticCode> codes(ShapeReport report) {
        return report.diagnostics().stream().map(Diagnostic::code).toList();
    }

    /** Input of {@code shape} → x → Output-free tail; x's problems only. */
    private static ShapeReport fed(List<Integer> shape, String type, Object... params) {
        return Graphs.create().node("in", "Input", "shape", shape).node("x", type, params).wire("in", "x").infer();
    }

    @Nested
    class Types {
        @Test
        void anUnknownTypeIsNamedWithTheKnownOnes() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(2)).node("d", "Dens")
                    .node("out", "Output").chain("in", "d", "out").infer();
            Diagnostic d = only(r, DiagnosticCode.UNKNOWN_TYPE);
            assertThat(d.nodeId()).isEqualTo("d");
            assertThat(d.isError()).isTrue();
            assertThat(d.message()).contains("'Dens'");
            assertThat(d.hint()).contains("Dense", "Conv2D", "LSTM", "Concatenate");
            assertThat(r.outputShape("d")).isNull();
            assertThat(r.diagnosticsFor("out")).as("nothing more is said downstream").isEmpty();
        }

        @Test
        void everyCatalogTypeHasAShapeRule() {
            for (String type : Catalog.layerTypes()) assertThat(ShapeInference.hasRule(type)).as(type).isTrue();
        }

        @Test
        void anEmbeddingTurnsOneTokenIdPerStepIntoAVectorPerStep() {
            ShapeReport r = fed(List.of(12, 1), "Embedding", "vocabulary", 100, "units", 5);
            assertThat(r.errors()).noneMatch(d -> "x".equals(d.nodeId()));
            assertThat(r.info("x").orElseThrow().params()).isEqualTo(500);
            assertThat(r.outputShape("x")).isEqualTo(TensorShape.sequence(12, 5));
        }

        @Test
        void selfAttentionKeepsTheSequenceAndCountsItsFourProjections() {
            ShapeReport r = fed(List.of(10, 8), "SelfAttention", "heads", 2, "headSize", 3);
            assertThat(r.diagnosticsFor("x")).isEmpty();
            assertThat(r.outputShape("x")).isEqualTo(TensorShape.sequence(10, 8));
            assertThat(r.info("x").orElseThrow().params()).isEqualTo(4 * 8 * 2 * 3);
        }

        @Test
        void anEmbeddingTakesASequenceOfOneIdPerStepStraightFromAnInput() {
            Diagnostic flat = only(fed(List.of(12), "Embedding", "vocabulary", 100, "units", 5), DiagnosticCode.WRONG_INPUT_KIND);
            assertThat(flat.message()).contains("takes a sequence of token ids [t, 1]");
            assertThat(flat.hint()).contains("[t, 1]");
            ShapeReport afterDense = Graphs.create().node("in", "Input", "shape", List.of(6, 1))
                    .node("d", "Dropout", "rate", 0.1).node("e", "Embedding", "vocabulary", 10, "units", 3)
                    .wire("in", "d").wire("d", "e").infer();
            assertThat(afterDense.errors()).extracting(Diagnostic::nodeId, Diagnostic::code)
                    .contains(org.assertj.core.groups.Tuple.tuple("e", DiagnosticCode.WRONG_INPUT_KIND));
            assertThat(afterDense.errors().stream().filter(d -> "e".equals(d.nodeId())).findFirst().orElseThrow().message())
                    .contains("which come straight from the data");
        }

        @Test
        void maxoutAsAnActivationNodeDividesTheLastAxisByItsPieces() {
            assertThat(fed(List.of(12), "Activation", "function", "maxout", "pieces", 3).outputShape("x"))
                    .isEqualTo(TensorShape.features(4));
            assertThat(fed(List.of(5, 5, 8), "Activation", "function", "maxout", "pieces", 4).outputShape("x"))
                    .isEqualTo(TensorShape.image(5, 5, 2));
            ShapeReport seq = fed(List.of(7, 6), "Activation", "function", "maxout");
            assertThat(seq.outputShape("x")).isEqualTo(TensorShape.sequence(7, 3));
            assertThat(seq.info("x").orElseThrow().params()).isZero();
        }

        @Test
        void maxoutOnASizeItDoesNotDivideNamesThePieceCountsThatWould() {
            ShapeReport r = fed(List.of(9), "Activation", "function", "maxout", "pieces", 2);
            Diagnostic d = only(r, DiagnosticCode.SHAPE_MISMATCH);
            assertThat(d.nodeId()).isEqualTo("x");
            assertThat(d.param()).isEqualTo("pieces");
            assertThat(d.message()).contains("9 features").contains("groups of 2");
            assertThat(d.hint()).contains("set pieces to 3 or 9").contains("multiple of 2 features (10, for example)");
            assertThat(r.outputShape("x")).isNull();

            ShapeReport prime = fed(List.of(4, 4, 17), "Activation", "function", "maxout", "pieces", 2);
            assertThat(only(prime, DiagnosticCode.SHAPE_MISMATCH).hint()).doesNotContain("set pieces").contains("18");
        }

        @Test
        void maxoutAsALayersActivationCostsPiecesTimesTheWeights() {
            ShapeReport dense = fed(List.of(4), "Dense", "units", 5, "activation", "maxout", "pieces", 3);
            assertThat(dense.diagnosticsFor("x")).isEmpty();
            assertThat(dense.outputShape("x")).isEqualTo(TensorShape.features(5));
            assertThat(dense.info("x").orElseThrow().params()).isEqualTo(3 * (4 * 5 + 5));
            assertThat(dense.info("x").orElseThrow().multiplyAdds()).isEqualTo(3 * 4 * 5);
        }

        @Test
        void maxoutCannotBeTheActivationOfARecurrentLayerOrASequenceOutput() {
            Diagnostic rnn = only(fed(List.of(6, 3), "LSTM", "units", 4, "activation", "maxout"), DiagnosticCode.INVALID_PARAM);
            assertThat(rnn.param()).isEqualTo("activation");
            assertThat(rnn.message()).contains("LSTM 'x'").contains("Dense, Conv2D and Output");
            assertThat(rnn.hint()).contains("Activation node with function maxout after it");

            Diagnostic out = only(fed(List.of(6, 3), "SequenceOutput", "activation", "maxout"), DiagnosticCode.INVALID_PARAM);
            assertThat(out.hint()).contains("before it");
        }

        @Test
        void stepIsCompilable() {
            assertThat(fed(List.of(4), "Activation", "function", "step").diagnosticsFor("x")).isEmpty();
        }
    }

    @Nested
    class Parameters {
        @Test
        void negativeUnitsNameTheNodeTheParameterAndTheValidRange() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(2)).node("h", "Dense", "units", -5)
                    .node("out", "Output").chain("in", "h", "out").infer();
            Diagnostic d = only(r, DiagnosticCode.INVALID_PARAM);
            assertThat(d.nodeId()).isEqualTo("h");
            assertThat(d.param()).isEqualTo("units");
            assertThat(d.message()).contains("Dense 'h'", "units", "-5", "from 1 to 1000000");
            assertThat(d.hint()).contains("units must be a whole number from 1 to 1000000 (default 16)");
            assertThat(r.outputShape("h")).as("a default would describe a network nobody drew").isNull();
            assertThat(r.diagnosticsFor("out")).isEmpty();
        }

        @Test
        void aKernelOfZeroIsInvalid() {
            Diagnostic d = only(fed(List.of(8, 8, 1), "Conv2D", "kernel", List.of(0, 3)), DiagnosticCode.INVALID_PARAM);
            assertThat(d.param()).isEqualTo("kernel");
            assertThat(d.message()).contains("holds 0", "from 1 to");
        }

        @Test
        void anInvalidParameterThatDoesNotChangeTheShapeFallsBackToItsDefault() {
            ShapeReport r = fed(List.of(6), "Dropout", "rate", 1.5);
            Diagnostic d = only(r, DiagnosticCode.INVALID_PARAM);
            assertThat(d.param()).isEqualTo("rate");
            assertThat(d.message()).contains("1.5", "at least 0 and below 1");
            assertThat(r.outputShape("x")).isEqualTo(TensorShape.features(6));
        }

        @Test
        void anUnknownActivationNamesTheValidOnes() {
            Diagnostic d = only(fed(List.of(6), "Dense", "activation", "relu6"), DiagnosticCode.INVALID_PARAM);
            assertThat(d.param()).isEqualTo("activation");
            assertThat(d.hint()).contains("relu", "tanh", "softmax");
        }

        @Test
        void anActivationsAlphaIsCheckedAgainstItsFunctionsRange() {
            Diagnostic d = only(fed(List.of(6), "Activation", "function", "leakyrelu", "alpha", 5.0), DiagnosticCode.INVALID_PARAM);
            assertThat(d.param()).isEqualTo("alpha");
            assertThat(d.message()).contains("leakyrelu", "from 0 to 1");
        }

        @Test
        void anInputShapeOfFourValuesIsInvalid() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(1, 2, 3, 4)).infer();
            Diagnostic d = only(r, DiagnosticCode.INVALID_PARAM);
            assertThat(d.nodeId()).isEqualTo("in");
            assertThat(d.message()).contains("has 4 values", "1 or 2 or 3");
            assertThat(r.outputShape("in")).isNull();
        }

        @Test
        void anUnknownParameterIsAWarningListingTheRealOnes() {
            ShapeReport r = fed(List.of(6), "Dense", "unit", 4);
            Diagnostic d = only(r, DiagnosticCode.INVALID_PARAM);
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.param()).isEqualTo("unit");
            assertThat(d.hint()).contains("units", "activation");
        }
    }

    @Nested
    class Wiring {
        @Test
        void aGraphWithoutAnInputSaysSo() {
            ShapeReport r = Graphs.create().node("h", "Dense").node("out", "Output").chain("h", "out").infer();
            Diagnostic d = only(r, DiagnosticCode.NO_INPUT_NODE);
            assertThat(d.nodeId()).isNull();
            assertThat(d.hint()).contains("[h, w, c]");
        }

        @Test
        void anEmptyGraphNeedsAnInputAndAnOutput() {
            assertThat(codes(Graphs.create().infer())).containsExactly(DiagnosticCode.NO_INPUT_NODE, DiagnosticCode.NO_OUTPUT);
        }

        @Test
        void aLayerWithNoWireInIsMissingItsInput() {
            ShapeReport r = Graphs.create().node("in", "Input").node("h", "Dense").node("out", "Output")
                    .chain("in", "out").wire("h", "out").infer();
            Diagnostic d = r.diagnosticsFor("h").get(0);
            assertThat(d.code()).isEqualTo(DiagnosticCode.MISSING_INPUT);
            assertThat(d.message()).contains("Dense 'h'", "no input");
        }

        @Test
        void twoWiresIntoASingleInputLayerAreTooMany() {
            ShapeReport r = Graphs.create().node("in", "Input").node("a", "Dense").node("b", "Dense").node("out", "Output")
                    .wire("in", "a").wire("in", "b").wire("a", "out").wire("b", "out").infer();
            Diagnostic d = only(r, DiagnosticCode.TOO_MANY_INPUTS);
            assertThat(d.nodeId()).isEqualTo("out");
            assertThat(d.message()).contains("2 wires in", "'a'", "'b'");
            assertThat(d.hint()).contains("Add", "Concatenate");
        }

        @Test
        void aMergeWithOneInputIsReportedAndPassesItsInputOn() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(3)).node("add", "Add").node("out", "Output")
                    .chain("in", "add", "out").infer();
            Diagnostic d = only(r, DiagnosticCode.MISSING_INPUT);
            assertThat(d.nodeId()).isEqualTo("add");
            assertThat(d.message()).contains("only one input", "two or more");
            assertThat(r.outputShape("add")).isEqualTo(TensorShape.features(3));
        }

        @Test
        void aWireIntoAnInputIsBad() {
            ShapeReport r = Graphs.create().node("in", "Input").node("in2", "Input").node("out", "Output")
                    .wire("in", "out").wire("in", "in2").infer();
            Diagnostic d = only(r, DiagnosticCode.BAD_WIRE);
            assertThat(d.nodeId()).isEqualTo("in2");
        }

        @Test
        void aWireOutOfAnOutputIsBad() {
            ShapeReport r = Graphs.create().node("in", "Input").node("out", "Output").node("h", "Dense").node("out2", "Output")
                    .chain("in", "out", "h", "out2").infer();
            Diagnostic d = only(r, DiagnosticCode.BAD_WIRE);
            assertThat(d.nodeId()).isEqualTo("out");
            assertThat(d.message()).contains("feeds 'h'");
        }

        @Test
        void aWireToALayerNotInTheGraphIsBad() {
            Graph g = Graph.of(List.of(Node.of("in", "Input", java.util.Map.of()), Node.of("out", "Output", java.util.Map.of())),
                    List.of(new Edge("in", "out"), new Edge("in", "ghost")));
            Diagnostic d = only(ShapeInference.infer(g), DiagnosticCode.BAD_WIRE);
            assertThat(d.nodeId()).isEqualTo("in");
            assertThat(d.message()).contains("'ghost'");
        }

        @Test
        void aGraphWithoutAnOutputSaysSo() {
            ShapeReport r = fed(List.of(2), "Dense");
            Diagnostic d = only(r, DiagnosticCode.NO_OUTPUT);
            assertThat(d.nodeId()).isNull();
            assertThat(d.hint()).contains("Output");
        }

        @Test
        void anOutputNotReachedFromAnInputIsNamed() {
            ShapeReport r = Graphs.create().node("in", "Input").node("h", "Dense").node("out", "Output").node("out2", "Output")
                    .chain("in", "out").chain("h", "out2").infer();
            Diagnostic d = only(r, DiagnosticCode.OUTPUT_NOT_REACHED);
            assertThat(d.nodeId()).isEqualTo("out2");
            assertThat(d.isError()).isTrue();
            assertThat(only(r, DiagnosticCode.MISSING_INPUT).nodeId()).isEqualTo("h");
        }

        @Test
        void aBranchLeadingNowhereIsADanglingWarning() {
            ShapeReport r = Graphs.create().node("in", "Input").node("h", "Dense").node("side", "Dense").node("out", "Output")
                    .chain("in", "h", "out").wire("h", "side").infer();
            Diagnostic d = only(r, DiagnosticCode.DANGLING);
            assertThat(d.nodeId()).isEqualTo("side");
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).contains("does not lead to any Output");
            assertThat(r.hasErrors()).isFalse();
        }
    }

    @Nested
    class InputKinds {
        @Test
        void aDenseFedAnImageSuggestsFlattenOrGlobalPooling() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(28, 28, 1)).node("dense1", "Dense")
                    .node("out", "Output").chain("in", "dense1", "out").infer();
            Diagnostic d = only(r, DiagnosticCode.WRONG_INPUT_KIND);
            assertThat(d.nodeId()).isEqualTo("dense1");
            assertThat(d.message()).contains("Dense 'dense1'", "an image 28×28×1");
            assertThat(d.hint()).contains("Flatten", "784 features", "GlobalAveragePooling2D");
            assertThat(r.diagnosticsFor("out")).isEmpty();
        }

        @Test
        void aDenseFedASequenceFromAnLstmSuggestsReturnSequencesFalseOnIt() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(10, 3))
                    .node("lstm", "LSTM", "units", 4, "returnSequences", true).node("d", "Dense")
                    .chain("in", "lstm", "d").infer();
            Diagnostic d = only(r, DiagnosticCode.WRONG_INPUT_KIND);
            assertThat(d.nodeId()).isEqualTo("d");
            assertThat(d.message()).contains("a sequence of 10 steps × 4 features");
            assertThat(d.hint()).contains("returnSequences=false on 'lstm'", "Flatten");
        }

        @Test
        void anOutputFedASequenceSuggestsFlattenARecurrentLayerOrSequenceOutput() {
            Diagnostic d = only(fed(List.of(10, 3), "Output"), DiagnosticCode.WRONG_INPUT_KIND);
            assertThat(d.hint()).contains("Flatten (gives 30 features)", "returnSequences=false", "SequenceOutput");
        }

        @Test
        void aConvolutionFedFeaturesNeedsAnImage() {
            Diagnostic d = only(fed(List.of(64), "Conv2D"), DiagnosticCode.WRONG_INPUT_KIND);
            assertThat(d.nodeId()).isEqualTo("x");
            assertThat(d.message()).contains("64 features", "needs an image [h, w, c]");
        }

        @Test
        void poolingFedASequenceNeedsAnImage() {
            Diagnostic d = only(fed(List.of(10, 3), "MaxPooling2D"), DiagnosticCode.WRONG_INPUT_KIND);
            assertThat(d.message()).contains("needs an image [h, w, c]");
            assertThat(only(fed(List.of(10), "GlobalAveragePooling2D"), DiagnosticCode.WRONG_INPUT_KIND).nodeId()).isEqualTo("x");
        }

        @Test
        void recurrentLayersNeedASequence() {
            Diagnostic features = only(fed(List.of(8), "LSTM"), DiagnosticCode.WRONG_INPUT_KIND);
            assertThat(features.message()).contains("8 features", "needs a sequence [t, f]");
            Diagnostic image = only(fed(List.of(8, 8, 1), "SimpleRNN"), DiagnosticCode.WRONG_INPUT_KIND);
            assertThat(image.message()).contains("an image 8×8×1", "needs a sequence [t, f]");
        }

        @Test
        void aSequenceOutputAfterAnLstmKeepingOnlyTheLastStepSuggestsReturnSequences() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(10, 3))
                    .node("lstm", "LSTM").node("out", "SequenceOutput").chain("in", "lstm", "out").infer();
            Diagnostic d = only(r, DiagnosticCode.WRONG_INPUT_KIND);
            assertThat(d.nodeId()).isEqualTo("out");
            assertThat(d.hint()).contains("returnSequences=true on 'lstm'");
        }

        @Test
        void batchNormalizationFedASequenceIsAWrongKind() {
            assertThat(only(fed(List.of(10, 3), "BatchNormalization"), DiagnosticCode.WRONG_INPUT_KIND).nodeId()).isEqualTo("x");
        }

        @Test
        void flatteningFeaturesIsAWarningAndChangesNothing() {
            ShapeReport r = fed(List.of(5), "Flatten");
            Diagnostic d = only(r, DiagnosticCode.WRONG_INPUT_KIND);
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(r.outputShape("x")).isEqualTo(TensorShape.features(5));
        }
    }

    @Nested
    class Sizes {
        @Test
        void aKernelLargerThanItsInputNamesBothSizes() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(3, 3, 1))
                    .node("conv", "Conv2D", "kernel", List.of(5, 5)).node("f", "Flatten").chain("in", "conv", "f").infer();
            Diagnostic d = only(r, DiagnosticCode.KERNEL_TOO_LARGE);
            assertThat(d.nodeId()).isEqualTo("conv");
            assertThat(d.param()).isEqualTo("kernel");
            assertThat(d.message()).contains("5×5 kernel", "only 3×3", "-1×-1");
            assertThat(d.hint()).contains("at most 3×3", "padding to same");
            assertThat(r.outputShape("conv")).isNull();
        }

        @Test
        void aPoolLargerThanItsInputIsReported() {
            Diagnostic d = only(fed(List.of(1, 1, 4), "MaxPooling2D"), DiagnosticCode.KERNEL_TOO_LARGE);
            assertThat(d.param()).isEqualTo("pool");
            assertThat(d.message()).contains("2×2 pool", "only 1×1");
        }

        @Test
        void aLargeKernelWithSamePaddingIsFine() {
            assertThat(fed(List.of(3, 3, 1), "Conv2D", "kernel", List.of(5, 5), "padding", "same").outputShape("x"))
                    .isEqualTo(TensorShape.image(3, 3, 16));
        }

        @Test
        void aDenseOfABillionParametersIsRefusedWithItsMemoryEstimate() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(1_000_000))
                    .node("big", "Dense", "units", 1000).node("out", "Output").chain("in", "big", "out").infer();
            Diagnostic d = only(r, DiagnosticCode.TOO_LARGE);
            assertThat(d.nodeId()).isEqualTo("big");
            assertThat(d.isError()).isTrue();
            assertThat(d.message()).contains("1,000,001,000 parameters", "about 12.0 GB with Adam's state", "4.0 GB");
        }

        @Test
        void aNetworkTooLargeAsAWholeIsReportedAtItsLargestLayer() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(100_000))
                    .node("a", "Dense", "units", 3000).node("b", "Dense", "units", 100_000).node("out", "Output")
                    .chain("in", "a", "b", "out").infer();
            Diagnostic d = only(r, DiagnosticCode.TOO_LARGE);
            assertThat(d.nodeId()).isEqualTo("b");
            assertThat(d.message()).contains("the network would need about 7.2 GB", "Dense 'b'");
        }

        @Test
        void anEnormousImageIsRefusedWithoutOverflowing() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(1_000_000, 1_000_000, 1_000_000))
                    .node("conv", "Conv2D", "filters", 65_536, "kernel", List.of(1_000_000, 1_000_000), "padding", "same")
                    .node("flat", "Flatten").chain("in", "conv", "flat").wire("in", "flat2").node("flat2", "Flatten").infer();
            assertThat(r.diagnosticsFor("in")).extracting(Diagnostic::code).containsExactly(DiagnosticCode.TOO_LARGE);
            assertThat(r.diagnosticsFor("conv")).extracting(Diagnostic::code).containsExactly(DiagnosticCode.TOO_LARGE);
            assertThat(r.diagnosticsFor("flat2")).extracting(Diagnostic::code).containsExactly(DiagnosticCode.TOO_LARGE);
            assertThat(r.diagnosticsFor("flat2").get(0).message()).contains("1,000,000,000,000,000,000");
            assertThat(r.info("conv").orElseThrow().params()).isPositive();
            assertThat(r.info("conv").orElseThrow().multiplyAdds()).isEqualTo(Long.MAX_VALUE);
        }
    }

    @Nested
    class Merges {
        @Test
        void addOfDifferentShapesListsThem() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(4))
                    .node("a", "Dense", "units", 16).node("b", "Dense", "units", 8).node("add", "Add")
                    .wire("in", "a").wire("in", "b").wire("a", "add", 0).wire("b", "add", 1).infer();
            Diagnostic d = only(r, DiagnosticCode.SHAPE_MISMATCH);
            assertThat(d.nodeId()).isEqualTo("add");
            assertThat(d.message()).contains("'a' 16", "'b' 8");
            assertThat(d.hint()).contains("16 units");
        }

        @Test
        void concatenateOfImagesOfDifferentSizesListsThem() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(8, 8, 1))
                    .node("a", "Conv2D", "filters", 4).node("b", "Conv2D", "filters", 4, "padding", "same").node("cat", "Concatenate")
                    .wire("in", "a").wire("in", "b").wire("b", "cat", 1).wire("a", "cat", 0).infer();
            Diagnostic d = only(r, DiagnosticCode.SHAPE_MISMATCH);
            assertThat(d.nodeId()).isEqualTo("cat");
            assertThat(d.message()).as("inputs in port order").contains("height and width", "'a' 6×6×4, 'b' 8×8×4");
        }

        @Test
        void concatenateOfAnImageAndFeaturesIsAMismatch() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(8, 8, 1))
                    .node("g", "GlobalAveragePooling2D").node("cat", "Concatenate")
                    .wire("in", "g").wire("in", "cat", 0).wire("g", "cat", 1).infer();
            Diagnostic d = only(r, DiagnosticCode.SHAPE_MISMATCH);
            assertThat(d.message()).contains("different kinds", "'in' 8×8×1", "'g' 1");
        }
    }

    @Nested
    class Cycles {
        @Test
        void aLoopIsReportedWithTheLayersOnIt() {
            ShapeReport r = Graphs.create().node("in", "Input", "shape", List.of(4)).node("add", "Add")
                    .node("d1", "Dense", "units", 4).node("d2", "Dense", "units", 4).node("out", "Output")
                    .wire("in", "add", 0).chain("add", "d1", "d2").wire("d2", "add", 1).wire("d2", "out").infer();
            Diagnostic d = only(r, DiagnosticCode.CYCLE);
            assertThat(d.nodeId()).isEqualTo("add");
            assertThat(d.message()).contains("'add' → 'd1' → 'd2' → 'add'");
            assertThat(d.hint()).contains("d2 → add");
            assertThat(r.order()).containsExactly("in", "out");
            assertThat(r.outputShape("out")).isNull();
            assertThat(r.infos()).containsKeys("add", "d1", "d2");
        }

        @Test
        void aWireFromALayerToItselfIsALoop() {
            ShapeReport r = Graphs.create().node("in", "Input").node("add", "Add").node("out", "Output")
                    .wire("in", "add", 0).wire("add", "add", 1).wire("add", "out").infer();
            assertThat(only(r, DiagnosticCode.CYCLE).message()).contains("'add' → 'add'");
        }

        @Test
        @Timeout(10)
        void aLongLoopDoesNotHangOrOverflowTheStack() {
            Graphs g = Graphs.create().node("in", "Input", "shape", List.of(4)).node("n0", "Add").wire("in", "n0", 0);
            int n = 50_000;
            for (int i = 1; i < n; i++) g.node("n" + i, "Dense", "units", 4).wire("n" + (i - 1), "n" + i);
            g.wire("n" + (n - 1), "n0", 1);
            ShapeReport r = g.infer();
            Diagnostic d = only(r, DiagnosticCode.CYCLE);
            assertThat(d.nodeId()).isEqualTo("n0");
            assertThat(r.order()).containsExactly("in");
        }

        @Test
        void twoSeparateLoopsAreTwoDiagnostics() {
            ShapeReport r = Graphs.create().node("in", "Input").node("a", "Add").node("b", "Dense").node("c", "Add").node("d", "Dense")
                    .wire("in", "a", 0).wire("a", "b").wire("b", "a", 1)
                    .wire("in", "c", 0).wire("c", "d").wire("d", "c", 1).infer();
            assertThat(r.diagnostics().stream().filter(x -> x.code() == DiagnosticCode.CYCLE))
                    .extracting(Diagnostic::nodeId).containsExactly("a", "c");
        }
    }

    @Test
    void aGraphWithSeveralProblemsReportsThemAll() {
        ShapeReport r = Graphs.create()
                .node("in", "Input", "shape", List.of(28, 28, 1))
                .node("conv", "Conv2D", "filters", 0)
                .node("dense", "Dense", "units", 32)
                .node("mystery", "Transformer")
                .node("lonely", "Dense")
                .node("gru", "GRU")
                .node("out", "Output", "units", 10)
                .wire("in", "dense").wire("dense", "out").wire("in", "conv").wire("in", "gru")
                .infer();
        assertThat(r.diagnostics()).extracting(Diagnostic::nodeId, Diagnostic::code).contains(
                org.assertj.core.groups.Tuple.tuple("conv", DiagnosticCode.INVALID_PARAM),
                org.assertj.core.groups.Tuple.tuple("dense", DiagnosticCode.WRONG_INPUT_KIND),
                org.assertj.core.groups.Tuple.tuple("mystery", DiagnosticCode.UNKNOWN_TYPE),
                org.assertj.core.groups.Tuple.tuple("lonely", DiagnosticCode.MISSING_INPUT),
                org.assertj.core.groups.Tuple.tuple("gru", DiagnosticCode.WRONG_INPUT_KIND),
                org.assertj.core.groups.Tuple.tuple("mystery", DiagnosticCode.DANGLING));
    }

    @Test
    void aLayerWithAnInvalidSizeIsNotAlsoJudgedOnItsInput() {
        List<Diagnostic> found = fed(List.of(28, 28, 1), "Dense", "units", -1).diagnosticsFor("x");
        assertThat(found).extracting(Diagnostic::code).containsExactly(DiagnosticCode.INVALID_PARAM);
    }
}
