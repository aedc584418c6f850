package io.layerlab.cli;

import static io.layerlab.keras.KerasModels.conv2d;
import static io.layerlab.keras.KerasModels.dense;
import static io.layerlab.keras.KerasModels.flatten;
import static io.layerlab.keras.KerasModels.input;
import static io.layerlab.keras.KerasModels.other;
import static io.layerlab.keras.KerasModels.pooling;
import static io.layerlab.keras.KerasModels.weight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.layerlab.keras.KerasH5Writer;
import io.layerlab.keras.KerasImporter;
import io.layerlab.keras.KerasModels;
import io.layerlab.model.ModelFiles;
import io.layerlab.model.TrainedModel;
import io.layerlab.project.Project;
import io.layerlab.project.ProjectReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code layerlab import}: a Keras .h5 becomes a project file and a weights zip that check, predict and train accept. */
class ImportCommandTest {
    @TempDir Path dir;

    private record Outcome(int exitCode, String out, String err) { }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path cnn() {
        Random r = new Random(9);
        Path h5 = dir.resolve("digits.h5");
        new KerasH5Writer()
                .modelConfig(new KerasModels.Functional("digits")
                        .add(input("pixels", 6, 6, 2))
                        .add(conv2d("conv", 3, 3, 1, "valid", "relu"), "pixels")
                        .add(pooling("AveragePooling2D", "pool", 2), "conv")
                        .add(flatten("flat"), "pool")
                        .add(dense("classes", 3, "softmax"), "flat")
                        .json(new String[] {"pixels"}, new String[] {"classes"}))
                .trainingConfig(KerasModels.trainingConfig("categorical_crossentropy", "Adam", 0.001))
                .weights("conv", weight("kernel", r, 3, 3, 2, 3), weight("bias", r, 3))
                .weights("classes", weight("kernel", r, 12, 3), weight("bias", r, 3))
                .write(h5);
        return h5;
    }

    @Test
    void importWritesAProjectThatChecksAndWeightsThatPredictLikeTheKerasModel() throws Exception {
        Path h5 = cnn();
        Path project = dir.resolve("digits.layerlab.json");
        Outcome o = run("import", h5.toString(), "--out", project.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("Imported digits.h5: 5 layers, 96 parameters", "digits.layerlab.weights.zip", "digits.model.zip",
                "placeholder");

        Project read = new ProjectReader().read(project);
        assertThat(read.graph().nodes()).extracting(io.layerlab.graph.Node::id).containsExactly("pixels", "conv", "pool", "flat", "classes");
        assertThat(run("check", project.toString()).exitCode()).isZero();

        Path zip = dir.resolve("digits.model.zip");
        TrainedModel model = ModelFiles.load(zip);
        assertThat(model.network().numParams()).isEqualTo(96);
        assertThat(model.info().orElseThrow().inputShape()).containsExactly(6, 6, 2);

        // Rows are images flattened channels last, the layout Keras (and DL4J's import of it) uses.
        Nd4j.getRandom().setSeed(4);
        INDArray images = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 6, 6, 2);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            float[] row = images.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).dup().reshape(72).toFloatVector();
            for (int v = 0; v < row.length; v++) rows.append(v == 0 ? "" : ",").append(row[v]);
            rows.append('\n');
        }
        Path csv = dir.resolve("images.csv");
        Files.writeString(csv, rows);
        Outcome predicted = run("predict", zip.toString(), "--input", csv.toString());
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        INDArray expected = KerasImporter.importModel(h5).network().outputSingle(images);
        List<String> lines = predicted.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("row,class,p_0,p_1,p_2");
        for (int i = 0; i < 3; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int c = 0; c < 3; c++) assertThat(Double.parseDouble(cells[2 + c])).isCloseTo(expected.getDouble(i, c), within(1e-5));
        }
    }

    @Test
    void trainingAnImportedProjectStartsFromTheKerasWeightsAndSaysSo() throws Exception {
        Random r = new Random(3);
        Path h5 = dir.resolve("xor.h5");
        new KerasH5Writer()
                .modelConfig(KerasModels.sequential(new int[] {2}, dense("hidden", 4, "tanh"), dense("classes", 2, "softmax")))
                .trainingConfig(KerasModels.trainingConfig("categorical_crossentropy", "Adam", 0.01))
                .weights("hidden", weight("kernel", r, 2, 4), weight("bias", r, 4))
                .weights("classes", weight("kernel", r, 4, 2), weight("bias", r, 2))
                .write(h5);
        Path project = dir.resolve("xor.layerlab.json");
        assertThat(run("import", h5.toString(), "--out", project.toString()).exitCode()).isZero();
        assertThat(dir.resolve("xor.layerlab.weights.zip")).isRegularFile();
        // The person picks data the model fits, as the placeholder asks; saving in place keeps the weights file.
        Project p = new ProjectReader().read(project);
        p.setData(new io.layerlab.data.DataSpec("xor", java.util.Map.of("samples", 40), 0.25, 1));
        new io.layerlab.project.ProjectWriter().save(p, project);

        Outcome trained = run("train", project.toString(), "--epochs", "1", "--out", dir.resolve("run").toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.err()).contains("starting from imported weights (Keras model xor.h5) for 2 layers");

        Outcome again = run("train", project.toString(), "--epochs", "1", "--init-weights", dir.resolve("run/model.zip").toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("starting from imported weights (trained model model.zip) for 2 layers");

        Outcome missing = run("train", project.toString(), "--init-weights", dir.resolve("none.zip").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("--init-weights none.zip does not exist");
    }

    @Test
    void anUnsupportedModelWritesNothingAndExitsOne() throws Exception {
        Path h5 = dir.resolve("volumes.h5");
        new KerasH5Writer().modelConfig(KerasModels.sequential(new int[] {4}, other("Conv3D", "conv3d_1"), dense("dense_1", 2, "softmax")))
                .write(h5);
        Outcome o = run("import", h5.toString(), "--out", dir.resolve("volumes.layerlab.json").toString());
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.err()).contains("volumes.h5 cannot be imported: layer 'conv3d_1' (Conv3D) is not supported; LayerLab supports: ")
                .doesNotContain("\tat ");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("volumes.h5");
        }
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Path h5 = cnn();
        assertThat(run("import", h5.toString()).exitCode()).isEqualTo(2);
        Outcome wrongName = run("import", h5.toString(), "--out", dir.resolve("digits.zip").toString());
        assertThat(wrongName.exitCode()).isEqualTo(2);
        assertThat(wrongName.err()).contains("a project file ends in .layerlab.json");
    }

    @Test
    void theWeightsFileSitsBesideTheProject() {
        assertThat(ImportCommand.weightsFile(Path.of("models", "cnn.layerlab.json"))).isEqualTo(Path.of("models", "cnn.model.zip"));
        assertThat(ImportCommand.weightsFile(Path.of("cnn.json"))).isEqualTo(Path.of("cnn.model.zip"));
    }
}
