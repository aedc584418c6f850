package io.layerlab.keras;

import static io.layerlab.keras.KerasModels.activation;
import static io.layerlab.keras.KerasModels.batchNormalization;
import static io.layerlab.keras.KerasModels.conv2d;
import static io.layerlab.keras.KerasModels.dense;
import static io.layerlab.keras.KerasModels.dropout;
import static io.layerlab.keras.KerasModels.flatten;
import static io.layerlab.keras.KerasModels.input;
import static io.layerlab.keras.KerasModels.merge;
import static io.layerlab.keras.KerasModels.other;
import static io.layerlab.keras.KerasModels.pooling;
import static io.layerlab.keras.KerasModels.positive;
import static io.layerlab.keras.KerasModels.recurrent;
import static io.layerlab.keras.KerasModels.weight;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.compile.GraphCompiler;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Node;
import io.layerlab.shape.ShapeInference;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An imported model's weights, moved into the network LayerLab compiles from the imported project,
 * give the imported network's outputs: fine-tuning in LayerLab starts where Keras stopped.
 */
class WeightTransferTest {
    @TempDir Path dir;

    /** Imports, compiles the project, copies the weights and returns the largest output difference on a random batch. */
    private ImportedModel importAndCompare(Path h5, long... exampleShape) throws Exception {
        ImportedModel imported = KerasImporter.importModel(h5);
        assertThat(imported.network().numParams()).as("parameters: DL4J's import vs LayerLab's shape check")
                .isEqualTo(ShapeInference.infer(imported.project().graph()).totalParams());
        ComputationGraph compiled = GraphCompiler.compile(imported.project().graph(), imported.project().training()).newNetwork();
        WeightTransfer.Result result = WeightTransfer.copy(imported, compiled);
        assertThat(result.skipped()).isEmpty();
        assertThat(result.copied()).isNotEmpty();

        long[] batchShape = new long[exampleShape.length + 1];
        batchShape[0] = 5;
        System.arraycopy(exampleShape, 0, batchShape, 1, exampleShape.length);
        Nd4j.getRandom().setSeed(17);
        INDArray channelsLast = Nd4j.rand(DataType.FLOAT, batchShape).subi(0.5).muli(4);
        INDArray channelsFirst = switch (exampleShape.length) {
            case 3 -> channelsLast.permute(0, 3, 1, 2).dup();
            case 2 -> channelsLast.permute(0, 2, 1).dup();
            default -> channelsLast;
        };
        INDArray expected = imported.network().outputSingle(channelsLast.dup());
        INDArray actual = compiled.outputSingle(channelsFirst);
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double difference = actual.sub(expected).amaxNumber().doubleValue();
        assertThat(difference).as("largest output difference, imported vs compiled with the copied weights\n%s\n%s", expected, actual)
                .isLessThan(1e-4);
        assertThat(WeightTransfer.compile(imported, h5).largestDifference()).as("the importer's own check").isLessThan(1e-4);
        return imported;
    }

    @Test
    void aConvolutionalNetworkWithBatchNormalisationAndAFlatten() throws Exception {
        Random r = new Random(1);
        Path h5 = dir.resolve("cnn.h5");
        String config = new KerasModels.Functional("cnn")
                .add(input("image", 6, 6, 2))
                .add(conv2d("conv", 3, 3, 1, "same", "relu"), "image")
                .add(batchNormalization("bn"), "conv")
                .add(pooling("MaxPooling2D", "pool", 2), "bn")
                .add(flatten("flat"), "pool")
                .add(dropout("drop", 0.25), "flat")
                .add(dense("logits", 4, "linear"), "drop")
                .add(activation("probabilities", "softmax"), "logits")
                .json(new String[] {"image"}, new String[] {"probabilities"});
        new KerasH5Writer().modelConfig(config)
                .weights("conv", weight("kernel", r, 3, 3, 2, 3), weight("bias", r, 3))
                .weights("bn", weight("gamma", r, 3), weight("beta", r, 3), weight("moving_mean", r, 3), positive("moving_variance", r, 3))
                .weights("logits", weight("kernel", r, 27, 4), weight("bias", r, 4)).write(h5);
        ImportedModel imported = importAndCompare(h5, 6, 6, 2);
        assertThat(imported.project().graph().nodes()).extracting(Node::type)
                .containsExactly("Input", "Conv2D", "BatchNormalization", "MaxPooling2D", "Flatten", "Dropout", "Output");
        assertThat(config.length()).as("longer than the 2 KB DL4J's own attribute reader allocates").isGreaterThan(2048);
    }

    @Test
    void aLearnedPReLUOnAnImage() throws Exception {
        Random r = new Random(4);
        Path h5 = dir.resolve("prelu.h5");
        new KerasH5Writer().modelConfig(KerasModels.sequential(new int[] {4, 5, 2}, conv2d("conv2d_1", 3, 3, 1, "same", "linear"),
                        KerasModels.prelu("p_re_lu_1"), flatten("flatten_1"), dense("dense_1", 2, "softmax")))
                .weights("conv2d_1", weight("kernel", r, 3, 3, 2, 3), weight("bias", r, 3))
                .weights("p_re_lu_1", weight("alpha", r, 4, 5, 3))
                .weights("dense_1", weight("kernel", r, 60, 2), weight("bias", r, 2)).write(h5);
        ImportedModel imported = importAndCompare(h5, 4, 5, 2);
        assertThat(imported.project().graph().node("p_re_lu_1").orElseThrow().params()).containsEntry("function", "prelu");
    }

    @Test
    void aResidualBlockWithAddAndConcatenate() throws Exception {
        Random r = new Random(2);
        Path h5 = dir.resolve("residual.h5");
        String config = new KerasModels.Functional("residual")
                .add(input("features", 6))
                .add(dense("block_in", 6, "relu"), "features")
                .add(dense("block_out", 6, "linear"), "block_in")
                .add(merge("Add", "sum"), "features", "block_out")
                .add(other("LeakyReLU", "leaky"), "sum")
                .add(dense("side", 3, "tanh"), "features")
                .add(merge("Concatenate", "joined"), "side", "leaky")
                .add(dense("out", 2, "sigmoid"), "joined")
                .json(new String[] {"features"}, new String[] {"out"});
        new KerasH5Writer().modelConfig(config.replace("\"name\":\"leaky\",\"trainable\":true", "\"name\":\"leaky\",\"trainable\":true,\"alpha\":0.2"))
                .trainingConfig(KerasModels.trainingConfig("binary_crossentropy", "SGD", 0.05))
                .weights("block_in", weight("kernel", r, 6, 6), weight("bias", r, 6))
                .weights("block_out", weight("kernel", r, 6, 6), weight("bias", r, 6))
                .weights("side", weight("kernel", r, 6, 3), weight("bias", r, 3))
                .weights("out", weight("kernel", r, 9, 2), weight("bias", r, 2)).write(h5);
        ImportedModel imported = importAndCompare(h5, 6);
        assertThat(imported.project().graph().inputsOf("joined")).containsExactly(new Edge("side", "joined", 0), new Edge("leaky", "joined", 1));
        assertThat(imported.project().graph().inputsOf("sum")).containsExactly(new Edge("features", "sum", 0), new Edge("block_out", "sum", 1));
        assertThat(imported.project().graph().node("leaky").orElseThrow().params()).containsEntry("alpha", 0.2);
        assertThat(imported.project().graph().node("out").orElseThrow().params()).containsEntry("loss", "xent");
        assertThat(imported.project().training().optimizer()).isEqualTo("sgd");
        // Columns: the input and the first Dense; the second; the Add; the activation; the Concatenate; the output.
        assertThat(imported.project().graph().node("joined").orElseThrow().x()).isGreaterThan(imported.project().graph().node("leaky").orElseThrow().x());
        assertThat(imported.project().graph().node("side").orElseThrow().x()).isEqualTo(imported.project().graph().node("block_in").orElseThrow().x());
        assertThat(imported.project().graph().node("side").orElseThrow().y()).isGreaterThan(imported.project().graph().node("block_in").orElseThrow().y());
    }

    @Test
    void recurrentLayersOnASequence() throws Exception {
        Random r = new Random(3);
        Path h5 = dir.resolve("sequence.h5");
        new KerasH5Writer()
                .modelConfig(KerasModels.sequential(new int[] {5, 3}, recurrent("LSTM", "lstm_1", 4, true),
                        recurrent("SimpleRNN", "rnn_1", 3, false), dense("dense_1", 1, "linear")))
                .trainingConfig(KerasModels.trainingConfig("mse", "Adam", 0.001))
                .weights("lstm_1", weight("kernel", r, 3, 16), weight("recurrent_kernel", r, 4, 16), weight("bias", r, 16))
                .weights("rnn_1", weight("kernel", r, 4, 3), weight("recurrent_kernel", r, 3, 3), weight("bias", r, 3))
                .weights("dense_1", weight("kernel", r, 3, 1), weight("bias", r, 1)).write(h5);
        ImportedModel imported = importAndCompare(h5, 5, 3);
        assertThat(imported.project().graph().node("dense_1").orElseThrow().params()).containsEntry("loss", "mse");
        assertThat(imported.project().graph().node("lstm_1").orElseThrow().params()).containsEntry("returnSequences", true);
    }

    @Test
    void anEmbeddingOfTokenIdsBeforeAGru() throws Exception {
        Random r = new Random(6);
        Path h5 = dir.resolve("words.h5");
        // Named so that DL4J's import, which cuts the layer's name out of weight names, hands over "dings" for "embeddings".
        new KerasH5Writer()
                .modelConfig(KerasModels.sequential(new int[] {6}, KerasModels.embedding("embed", 10, 3, 6),
                        recurrent("GRU", "gru_1", 4, false), dense("dense_1", 2, "softmax")))
                .weights("embed", weight("embeddings", r, 10, 3))
                .weights("gru_1", weight("kernel", r, 3, 12), weight("recurrent_kernel", r, 4, 12), weight("bias", r, 12))
                .weights("dense_1", weight("kernel", r, 4, 2), weight("bias", r, 2)).write(h5);
        ImportedModel imported = KerasImporter.importModel(h5);
        assertThat(imported.project().graph().node("embed").orElseThrow().params()).containsEntry("vocabulary", 10).containsEntry("units", 3);
        Node input = imported.project().graph().nodes().iterator().next();
        assertThat(input.param("shape")).as("one token id per step").isEqualTo(List.of(6, 1));
        WeightTransfer.Compiled compiled = WeightTransfer.compile(imported, h5);
        assertThat(compiled.transfer().copied()).contains("embed", "gru_1", "dense_1");
        assertThat(compiled.largestDifference()).as("outputs on random token ids, imported vs compiled").isLessThan(1e-4);
    }

    @Test
    void gruLayersWithResetBeforeTheRecurrentWeights() throws Exception {
        Random r = new Random(5);
        Path h5 = dir.resolve("gru.h5");
        new KerasH5Writer()
                .modelConfig(KerasModels.sequential(new int[] {6, 2}, recurrent("GRU", "gru_1", 4, true),
                        recurrent("GRU", "gru_2", 3, false), dense("dense_1", 2, "softmax")))
                .trainingConfig(KerasModels.trainingConfig("categorical_crossentropy", "Adam", 0.001))
                .weights("gru_1", weight("kernel", r, 2, 12), weight("recurrent_kernel", r, 4, 12), weight("bias", r, 12))
                .weights("gru_2", weight("kernel", r, 4, 9), weight("recurrent_kernel", r, 3, 9), weight("bias", r, 9))
                .weights("dense_1", weight("kernel", r, 3, 2), weight("bias", r, 2)).write(h5);
        ImportedModel imported = importAndCompare(h5, 6, 2);
        assertThat(imported.project().graph().node("gru_1").orElseThrow().type()).isEqualTo("GRU");
        assertThat(imported.project().graph().node("gru_1").orElseThrow().params()).containsEntry("units", 4).containsEntry("returnSequences", true);
    }
}
