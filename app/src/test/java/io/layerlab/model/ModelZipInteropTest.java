package io.layerlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.data.Task;
import io.layerlab.shape.TensorShape;
import io.layerlab.train.ProjectRun;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.ImagePreProcessingScaler;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model zip written by LayerLab is a plain DL4J model: restored with nothing but
 * {@code ModelSerializer}, its normaliser applied to raw rows, it computes what the trained network
 * in memory computes.
 */
class ModelZipInteropTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xor", "spiral", "iris", "residual-mlp", "regression-sine"})
    void aSavedModelGivesTheTrainedNetworksOutputsInAPlainDl4jProgram(String sample) throws Exception {
        ProjectRun run = TrainedModels.train(sample, 3);
        Path zip = dir.resolve(sample + ".zip");
        run.saveModel(zip);
        double[][] rows = TrainedModels.rawRows(run, 40);
        INDArray expected = run.network().outputSingle(run.data().toNetworkInput(rows));

        // Only DL4J from here: what the DL4J documentation tells a Java developer to write.
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(zip.toFile());
        DataNormalization normalizer = ModelSerializer.restoreNormalizerFromFile(zip.toFile());
        INDArray input = Nd4j.create(rows).castTo(DataType.FLOAT);
        normalizer.transform(input);
        INDArray actual = restored.outputSingle(input);

        assertThat(actual.shape()).isEqualTo(expected.shape());
        assertThat(maxDifference(actual, expected)).as("largest difference to the network in memory").isLessThanOrEqualTo(1e-6);
        assertThat(restored.params()).isEqualTo(run.network().params());

        TrainedModel loaded = ModelFiles.load(zip);
        INDArray loadedInput = Nd4j.create(rows).castTo(DataType.FLOAT);
        loaded.normalizer().orElseThrow().transform(loadedInput);
        assertThat(loaded.network().outputSingle(loadedInput)).isEqualTo(actual);
        ModelInfo info = loaded.info().orElseThrow();
        assertThat(info.project()).isEqualTo(TrainedModels.project(sample).name());
        assertThat(info.task()).isEqualTo(run.data().task());
        assertThat(info.features()).isEqualTo(run.data().featureNames());
        assertThat(info.classes()).isEqualTo(run.data().task() == Task.CLASSIFICATION ? run.data().classNames() : List.of());
    }

    /**
     * An image model's zip carries its scaler: a DL4J program that lays raw gray levels out as
     * {@code [n, 1, h, w]} and applies the restored normaliser, and LayerLab's predictor fed the
     * same pictures as flat rows, both compute what the trained network computes.
     */
    @Test
    void aSavedImageModelScalesRawPicturesAndPredictsFromFlatRows() throws Exception {
        ProjectRun run = TrainedModels.train("shapes-cnn", 1);
        Path zip = dir.resolve("shapes.zip");
        run.saveModel(zip);
        double[][] rows = TrainedModels.rawRows(run, 20);
        INDArray expected = run.network().outputSingle(run.data().toNetworkInput(rows));

        ComputationGraph restored = ModelSerializer.restoreComputationGraph(zip.toFile());
        DataNormalization normalizer = ModelSerializer.restoreNormalizerFromFile(zip.toFile());
        assertThat(normalizer).isInstanceOf(ImagePreProcessingScaler.class);
        INDArray pictures = Nd4j.create(rows).castTo(DataType.FLOAT).reshape(rows.length, 1, 16, 16);
        normalizer.transform(pictures);
        assertThat(maxDifference(restored.outputSingle(pictures), expected)).isLessThanOrEqualTo(1e-6);

        Predictor predictor = Predictor.of(ModelFiles.load(zip));
        assertThat(predictor.inputShape()).isEqualTo(TensorShape.image(16, 16, 1));
        Predictions predictions = predictor.predict(rows);
        for (int r = 0; r < rows.length; r++) {
            for (int k = 0; k < 4; k++) {
                assertThat((double) predictions.outputs()[r][k]).as("picture %d, class %d", r, k)
                        .isCloseTo(expected.getDouble(r, k), org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    /**
     * The strictest form of "a plain DL4J program": a separate JVM whose class path holds DL4J and
     * its dependencies but not one LayerLab class, running a program written against DL4J alone.
     */
    @Test
    void aSeparateJvmWithoutLayerLabOnItsClassPathComputesTheSameOutputs() throws Exception {
        ProjectRun run = TrainedModels.train("iris", 3);
        Path zip = dir.resolve("iris.zip");
        run.saveModel(zip);
        double[][] rows = TrainedModels.rawRows(run, 30);
        Path rowsCsv = dir.resolve("rows.csv");
        Files.writeString(rowsCsv, toCsv(rows));
        Path out = dir.resolve("out.csv");

        Path program = Path.of(ModelZipInteropTest.class.getResource("/plain-dl4j/PlainDl4jPredict.java").toURI());
        Process process = new ProcessBuilder(javaExecutable(), "-Xmx1g", "-cp", dl4jClassPath(),
                program.toString(), zip.toString(), rowsCsv.toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) process.destroyForcibly();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();

        INDArray expected = run.network().outputSingle(run.data().toNetworkInput(rows));
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(rows.length);
        for (int r = 0; r < rows.length; r++) {
            String[] cells = lines.get(r).split(",");
            assertThat(cells).hasSize((int) expected.columns());
            for (int c = 0; c < cells.length; c++) {
                assertThat((double) Float.parseFloat(cells[c])).as("row %d, output %d", r, c)
                        .isCloseTo(expected.getFloat(r, c), org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    /** The test class path minus LayerLab's own classes (main and test). */
    private static String dl4jClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> kept = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            String normalised = entry.replace('\\', '/');
            if (normalised.endsWith("target/classes") || normalised.endsWith("target/test-classes")
                    || normalised.endsWith("target/classes/") || normalised.endsWith("target/test-classes/")) continue;
            kept.add(entry);
        }
        assertThat(kept).as("class path entries").anyMatch(e -> e.contains("deeplearning4j-nn"));
        return String.join(File.pathSeparator, kept);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String toCsv(double[][] rows) {
        StringBuilder sb = new StringBuilder();
        for (double[] row : rows) {
            sb.append(java.util.Arrays.stream(row).mapToObj(v -> Float.toString((float) v)).collect(Collectors.joining(","))).append('\n');
        }
        return sb.toString();
    }

    static double maxDifference(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }
}
