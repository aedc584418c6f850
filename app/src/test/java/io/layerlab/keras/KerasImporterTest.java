package io.layerlab.keras;

import static io.layerlab.keras.KerasModels.activation;
import static io.layerlab.keras.KerasModels.dense;
import static io.layerlab.keras.KerasModels.dropout;
import static io.layerlab.keras.KerasModels.other;
import static io.layerlab.keras.KerasModels.recurrent;
import static io.layerlab.keras.KerasModels.weight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.layerlab.graph.Edge;
import io.layerlab.graph.Node;
import io.layerlab.model.ModelFileException;
import io.layerlab.project.Project;
import io.layerlab.shape.ShapeInference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras .h5 files, built in the tests as Keras 2 writes them, open as LayerLab projects with their weights. */
class KerasImporterTest {
    @TempDir Path dir;

    @Test
    void aSequentialClassifierBecomesAProjectAndANetworkComputingWhatKerasWould() throws Exception {
        Random random = new Random(11);
        KerasH5Writer.Weight k1 = weight("kernel", random, 4, 8);
        KerasH5Writer.Weight b1 = weight("bias", random, 8);
        KerasH5Writer.Weight k2 = weight("kernel", random, 8, 3);
        KerasH5Writer.Weight b2 = weight("bias", random, 3);
        Path h5 = dir.resolve("flowers.h5");
        new KerasH5Writer()
                .modelConfig(KerasModels.sequential(new int[] {4}, dense("dense_1", 8, "relu"), dropout("dropout_1", 0.2),
                        dense("dense_2", 3, "softmax")))
                .trainingConfig(KerasModels.trainingConfig("categorical_crossentropy", "Adam", 0.002))
                .weights("dense_1", k1, b1).weights("dense_2", k2, b2)
                .write(h5);

        ImportedModel imported = KerasImporter.importModel(h5);
        Project project = imported.project();
        assertThat(project.name()).isEqualTo("flowers");
        assertThat(project.description()).contains("Imported from flowers.h5", "placeholder");
        assertThat(project.graph().nodes()).extracting(Node::id, Node::type, Node::params).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dense_1_input", "Input", Map.of("shape", List.of(4))),
                org.assertj.core.groups.Tuple.tuple("dense_1", "Dense", Map.of("units", 8, "activation", "relu")),
                org.assertj.core.groups.Tuple.tuple("dropout_1", "Dropout", Map.of("rate", 0.2)),
                org.assertj.core.groups.Tuple.tuple("dense_2", "Output", Map.of("units", 3, "activation", "softmax", "loss", "mcxent")));
        assertThat(project.graph().edges()).containsExactly(new Edge("dense_1_input", "dense_1"), new Edge("dense_1", "dropout_1"),
                new Edge("dropout_1", "dense_2"));
        assertThat(project.graph().nodes()).extracting(Node::x).containsExactly(40.0, 220.0, 400.0, 580.0);
        assertThat(project.graph().nodes()).extracting(Node::y).containsOnly(120.0);
        assertThat(project.training().optimizer()).isEqualTo("adam");
        assertThat(project.training().learningRate()).isCloseTo(0.002, within(1e-9));

        assertThat(imported.network().numParams()).isEqualTo(ShapeInference.infer(project.graph()).totalParams()).isEqualTo(4 * 8 + 8 + 8 * 3 + 3);
        float[][] x = {{0.5f, -1f, 2f, 0.25f}, {1f, 1f, -1f, 0f}};
        INDArray out = imported.network().outputSingle(Nd4j.createFromArray(x));
        for (int r = 0; r < x.length; r++) {
            double[] expected = softmax(affine(relu(affine(x[r], k1, b1)), k2, b2));
            for (int c = 0; c < 3; c++) assertThat(out.getDouble(r, c)).isCloseTo(expected[c], within(1e-5));
        }
    }

    /** Keras' Dense: x . kernel + bias, kernel [inputs, units] row-major. */
    private static double[] affine(double[] x, KerasH5Writer.Weight kernel, KerasH5Writer.Weight bias) {
        int units = (int) kernel.shape()[1];
        double[] y = new double[units];
        for (int u = 0; u < units; u++) {
            double sum = bias.values()[u];
            for (int i = 0; i < x.length; i++) sum += x[i] * kernel.values()[i * units + u];
            y[u] = sum;
        }
        return y;
    }

    private static double[] affine(float[] x, KerasH5Writer.Weight kernel, KerasH5Writer.Weight bias) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = x[i];
        return affine(d, kernel, bias);
    }

    private static double[] relu(double[] v) {
        return java.util.Arrays.stream(v).map(a -> Math.max(0, a)).toArray();
    }

    private static double[] softmax(double[] v) {
        double max = java.util.Arrays.stream(v).max().orElseThrow();
        double[] e = java.util.Arrays.stream(v).map(a -> Math.exp(a - max)).toArray();
        double sum = java.util.Arrays.stream(e).sum();
        return java.util.Arrays.stream(e).map(a -> a / sum).toArray();
    }

    @Test
    void anUnsupportedLayerIsNamedWithWhatLayerLabSupports() throws Exception {
        Path h5 = dir.resolve("volumes.h5");
        new KerasH5Writer().modelConfig(KerasModels.sequential(new int[] {8}, dense("dense_1", 4, "relu"),
                other("Conv3D", "conv3d_1"), dense("dense_2", 2, "softmax"))).write(h5);
        assertThatThrownBy(() -> KerasImporter.importModel(h5)).isInstanceOf(ModelFileException.class)
                .hasMessage("volumes.h5 cannot be imported: layer 'conv3d_1' (Conv3D) is not supported; LayerLab supports: "
                        + String.join(", ", LayerMapper.SUPPORTED));
        assertThat(LayerMapper.SUPPORTED).contains("Dense", "Conv2D", "LSTM", "Add");
    }

    @Test
    void everyProblemIsListedAtOnce() throws Exception {
        Path h5 = dir.resolve("many.h5");
        var noBias = dense("dense_1", 4, "selu");
        ((com.fasterxml.jackson.databind.node.ObjectNode) noBias.get("config")).put("use_bias", false);
        var resetAfter = recurrent("GRU", "gru_1", 4, false);
        ((com.fasterxml.jackson.databind.node.ObjectNode) resetAfter.get("config")).put("reset_after", true);
        new KerasH5Writer().modelConfig(KerasModels.sequential(new int[] {5, 3}, resetAfter, noBias,
                dense("dense_2", 2, "softmax"))).write(h5);
        assertThatThrownBy(() -> KerasImporter.importModel(h5)).hasMessageContainingAll(
                "many.h5 cannot be imported:",
                "\n  layer 'gru_1' (GRU): reset_after=True is not supported: LayerLab's GRU is Keras' GRU(reset_after=False)",
                "\n  layer 'dense_1' (Dense): activation 'selu' is not supported",
                "\n  layer 'dense_1' (Dense): use_bias=False is not supported");
    }

    @Test
    void anOutputThatIsNotADenseLayerIsExplained() throws Exception {
        Path h5 = dir.resolve("rnn.h5");
        new KerasH5Writer().modelConfig(KerasModels.sequential(new int[] {5, 3}, recurrent("LSTM", "lstm_1", 4, false))).write(h5);
        assertThatThrownBy(() -> KerasImporter.importModel(h5))
                .hasMessage("rnn.h5 cannot be imported: the model's output layer 'lstm_1' (LSTM) is not a Dense layer; LayerLab's "
                        + "networks end in a Dense layer, which becomes an Output layer with a loss");
    }

    @Test
    void aDenseWithASeparateSoftmaxBecomesOneOutputLayer() throws Exception {
        Random random = new Random(3);
        Path h5 = dir.resolve("split.h5");
        new KerasH5Writer().modelConfig(KerasModels.sequential(new int[] {2}, dense("dense_1", 3, "linear"), activation("activation_1", "softmax")))
                .weights("dense_1", weight("kernel", random, 2, 3), weight("bias", random, 3)).write(h5);
        ImportedModel imported = KerasImporter.importModel(h5);
        assertThat(imported.project().graph().nodes()).extracting(Node::id, Node::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dense_1_input", "Input"), org.assertj.core.groups.Tuple.tuple("dense_1", "Output"));
        assertThat(imported.project().graph().node("dense_1").orElseThrow().params())
                .isEqualTo(Map.of("units", 3, "activation", "softmax", "loss", "mcxent"));
        assertThat(imported.notes()).anyMatch(n -> n.contains("became one Output layer, 'dense_1'"));
        assertThat(imported.notes()).anyMatch(n -> n.contains("without its training settings"));
    }

    @Test
    void filesThatAreNotKerasModelsSaySo() throws Exception {
        Path text = dir.resolve("notes.h5");
        Files.writeString(text, "not a model");
        assertThatThrownBy(() -> KerasImporter.importModel(text)).hasMessageStartingWith("notes.h5 is not an HDF5 file");
        Path zip = dir.resolve("model.zip");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        assertThatThrownBy(() -> KerasImporter.importModel(zip)).hasMessageStartingWith("model.zip is a zip archive");
        assertThatThrownBy(() -> KerasImporter.importModel(dir.resolve("gone.h5"))).hasMessage("gone.h5 does not exist");
        assertThatThrownBy(() -> KerasImporter.importModel(dir)).hasMessageContaining("is a folder (a TensorFlow SavedModel?)");

        Path weightsOnly = dir.resolve("weights.h5");
        new KerasH5Writer().weights("dense_1", weight("kernel", new Random(1), 2, 2)).write(weightsOnly);
        assertThatThrownBy(() -> KerasImporter.importModel(weightsOnly))
                .hasMessageStartingWith("weights.h5 has no model_config: it holds weights only (saved with save_weights)");

        Path keras1 = dir.resolve("old.h5");
        new KerasH5Writer().modelConfig(KerasModels.sequential(new int[] {2}, dense("dense_1", 2, "softmax")))
                .attribute("keras_version", "1.2.2").write(keras1);
        assertThatThrownBy(() -> KerasImporter.importModel(keras1)).hasMessageContaining("was saved by Keras 1.2.2");

        Path garbled = dir.resolve("garbled.h5");
        new KerasH5Writer().modelConfig("{\"class_name\": \"Sequential\", ").write(garbled);
        assertThatThrownBy(() -> KerasImporter.importModel(garbled)).hasMessageStartingWith("garbled.h5 has a model_config that is not valid JSON");
    }

    @Test
    void aKeras3FileIsToldHowToSaveOneLayerLabReads() throws Exception {
        Path keras3 = dir.resolve("model.keras");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(keras3))) {
            for (String entry : List.of("metadata.json", "config.json", "model.weights.h5")) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry));
                zip.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        assertThatThrownBy(() -> KerasImporter.importModel(keras3)).hasMessage("model.keras is a Keras 3 .keras file; LayerLab reads "
                + "only the Keras 2 .h5 format: save the model from Keras 2 (tf.keras in TensorFlow 2.15 or earlier, or the tf_keras "
                + "package with newer TensorFlow) with model.save(\"model.h5\")");

        Path keras3h5 = dir.resolve("new.h5");
        new KerasH5Writer().modelConfig(KerasModels.sequential(new int[] {2}, dense("dense_1", 2, "softmax")))
                .attribute("keras_version", "3.3.3").write(keras3h5);
        assertThatThrownBy(() -> KerasImporter.importModel(keras3h5))
                .hasMessageStartingWith("new.h5 was saved by Keras 3.3.3; LayerLab imports models saved by Keras 2")
                .hasMessageContaining("tf_keras");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "cut to {0}% of its size")
    @org.junit.jupiter.params.provider.ValueSource(ints = {5, 30, 60, 95})
    void aTruncatedFileIsRefusedWithItsName(int percent) throws Exception {
        Random random = new Random(8);
        Path whole = dir.resolve("whole.h5");
        new KerasH5Writer().modelConfig(KerasModels.sequential(new int[] {6}, dense("dense_1", 16, "relu"), dense("dense_2", 2, "softmax")))
                .weights("dense_1", weight("kernel", random, 6, 16), weight("bias", random, 16))
                .weights("dense_2", weight("kernel", random, 16, 2), weight("bias", random, 2)).write(whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.h5");
        Files.write(cut, java.util.Arrays.copyOf(bytes, Math.max(8, bytes.length * percent / 100)));
        assertThatThrownBy(() -> KerasImporter.importModel(cut)).isInstanceOf(ModelFileException.class).hasMessageStartingWith("cut.h5 is truncated or damaged");
    }

    @Test
    void textAttributesWrittenByH5py3AsVariableLengthStringsAreRead() throws Exception {
        Random random = new Random(5);
        Path h5 = dir.resolve("modern.h5");
        new KerasH5Writer().variableLengthStrings().attribute("keras_version", "2.11.0")
                .modelConfig(KerasModels.sequential(new int[] {3}, dense("dense_1", 2, "sigmoid")))
                .trainingConfig(KerasModels.trainingConfig("binary_crossentropy", "RMSprop", 0.01))
                .weights("dense_1", weight("kernel", random, 3, 2), weight("bias", random, 2)).write(h5);
        ImportedModel imported = KerasImporter.importModel(h5);
        assertThat(imported.project().graph().node("dense_1").orElseThrow().params()).containsEntry("loss", "xent");
        assertThat(imported.project().training().optimizer()).isEqualTo("rmsprop");
        assertThat(imported.network().numParams()).isEqualTo(8);
    }
}
