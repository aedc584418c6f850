package io.layerlab.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The networks of the sample projects check clean, with the sizes a person would work out. */
class ExampleGraphsTest {

    @Test
    void xorWithOneHiddenLayerIsValid() {
        ShapeReport r = Graphs.create()
                .node("in", "Input", "shape", List.of(2))
                .node("h1", "Dense", "units", 8)
                .node("a1", "Activation", "function", "tanh")
                .node("out", "Output", "units", 2, "activation", "softmax", "loss", "mcxent")
                .chain("in", "h1", "a1", "out")
                .infer();
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.order()).containsExactly("in", "h1", "a1", "out");
        assertThat(r.outputShape("out")).isEqualTo(TensorShape.features(2));
        assertThat(r.totalParams()).isEqualTo((2 * 8 + 8) + (8 * 2 + 2));
    }

    @Test
    void residualMlpWithASkipThroughAddIsValid() {
        ShapeReport r = Graphs.create()
                .node("in", "Input", "shape", List.of(2))
                .node("stem", "Dense", "units", 32)
                .node("b1", "Dense", "units", 32)
                .node("drop", "Dropout", "rate", 0.1)
                .node("b2", "Dense", "units", 32, "activation", "linear")
                .node("skip", "Add")
                .node("act", "Activation", "function", "relu")
                .node("out", "Output", "units", 2)
                .chain("in", "stem", "b1", "drop", "b2")
                .wire("stem", "skip", 0).wire("b2", "skip", 1)
                .chain("skip", "act", "out")
                .infer();
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.outputShape("skip")).isEqualTo(TensorShape.features(32));
        assertThat(r.totalParams()).isEqualTo((2 * 32 + 32) + 2 * (32 * 32 + 32) + (32 * 2 + 2));
    }

    @Test
    void smallCnnIsValid() {
        ShapeReport r = Graphs.create()
                .node("in", "Input", "shape", List.of(28, 28, 1))
                .node("c1", "Conv2D", "filters", 8, "kernel", List.of(3, 3))
                .node("p1", "MaxPooling2D")
                .node("bn", "BatchNormalization")
                .node("c2", "Conv2D", "filters", 16, "kernel", List.of(3, 3), "padding", "same")
                .node("gap", "GlobalAveragePooling2D")
                .node("out", "Output", "units", 10)
                .chain("in", "c1", "p1", "bn", "c2", "gap", "out")
                .infer();
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.outputShape("c1")).isEqualTo(TensorShape.image(26, 26, 8));
        assertThat(r.outputShape("p1")).isEqualTo(TensorShape.image(13, 13, 8));
        assertThat(r.outputShape("c2")).isEqualTo(TensorShape.image(13, 13, 16));
        assertThat(r.totalParams()).isEqualTo((9 * 8 + 8) + 4 * 8 + (9 * 8 * 16 + 16) + (16 * 10 + 10));
    }

    @Test
    void stackedLstmsForSequenceTaggingAreValid() {
        ShapeReport r = Graphs.create()
                .node("in", "Input", "shape", List.of(20, 3))
                .node("l1", "LSTM", "units", 16, "returnSequences", true)
                .node("l2", "SimpleRNN", "units", 8, "returnSequences", true)
                .node("out", "SequenceOutput", "units", 4)
                .chain("in", "l1", "l2", "out")
                .infer();
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.outputShape("out")).isEqualTo(TensorShape.sequence(20, 4));
    }
}
