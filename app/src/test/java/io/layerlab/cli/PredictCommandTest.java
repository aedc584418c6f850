package io.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import io.layerlab.train.ProjectRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** {@code layerlab predict}: what a script reads on stdout, the exit codes, and one clear message per bad input. */
class PredictCommandTest {
    @TempDir static Path shared;
    @TempDir Path dir;
    private static Path irisZip;
    private static ProjectRun iris;
    private static Path sineZip;
    private static ProjectRun sine;

    private record Outcome(int exitCode, String out, String err) { }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void trainModels() throws Exception {
        iris = train("iris");
        irisZip = shared.resolve("iris.zip");
        iris.saveModel(irisZip);
        sine = train("regression-sine");
        sineZip = shared.resolve("sine.zip");
        sine.saveModel(sineZip);
    }

    private static ProjectRun train(String sample) {
        SampleProjects samples = new SampleProjects();
        Project project = samples.open(samples.find(sample).orElseThrow());
        ProjectRun run = ProjectRun.prepare(project, project.training().withEpochs(3));
        run.trainer().run();
        return run;
    }

    private static double[][] rows(ProjectRun run, int count) {
        return Arrays.copyOf(run.data().raw().features(), count);
    }

    private Path csv(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Path csv(String name, List<String> header, double[][] rows) throws Exception {
        StringBuilder sb = new StringBuilder();
        if (header != null) sb.append(String.join(",", header)).append('\n');
        for (double[] row : rows) {
            sb.append(Arrays.stream(row).mapToObj(v -> String.format(Locale.ROOT, "%s", v)).collect(Collectors.joining(","))).append('\n');
        }
        return csv(name, sb.toString());
    }

    @Test
    void classificationPrintsTheClassItsNameAndEveryProbabilityAsCsv() throws Exception {
        double[][] rows = rows(iris, 12);
        Path input = csv("flowers.csv", iris.data().featureNames(), rows);
        Outcome o = run("predict", irisZip.toString(), "--input", input.toString(), "--header");
        assertThat(o.exitCode()).as(o.err()).isZero();

        List<String> lines = o.out().lines().toList();
        List<String> classes = iris.data().classNames();
        assertThat(lines.get(0)).isEqualTo("row,class,label," + classes.stream().map(c -> "p_" + c).collect(Collectors.joining(",")));
        assertThat(lines).hasSize(rows.length + 1);
        INDArray expected = iris.network().outputSingle(iris.data().toNetworkInput(rows));
        for (int r = 0; r < rows.length; r++) {
            String[] cells = lines.get(r + 1).split(",");
            int predicted = expected.getRow(r).argMax().getInt(0);
            assertThat(cells[0]).isEqualTo(String.valueOf(r + 1));
            assertThat(cells[1]).isEqualTo(String.valueOf(predicted));
            assertThat(cells[2]).isEqualTo(classes.get(predicted));
            for (int c = 0; c < classes.size(); c++) {
                assertThat(Double.parseDouble(cells[3 + c])).isCloseTo(expected.getDouble(r, c), within(1e-6));
            }
        }
    }

    @Test
    void jsonHasOnePredictionPerRowWithProbabilities() throws Exception {
        double[][] rows = rows(iris, 5);
        Path input = csv("flowers.csv", null, rows);
        Outcome o = run("predict", irisZip.toString(), "--input", input.toString(), "--json");
        assertThat(o.exitCode()).as(o.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(o.out());
        assertThat(json.get("task").asText()).isEqualTo("classification");
        assertThat(json.get("project").asText()).isEqualTo("Iris flowers");
        assertThat(json.get("classes")).hasSize(3);
        assertThat(json.get("predictions")).hasSize(5);
        INDArray expected = iris.network().outputSingle(iris.data().toNetworkInput(rows));
        for (int r = 0; r < rows.length; r++) {
            JsonNode p = json.get("predictions").get(r);
            assertThat(p.get("row").asInt()).isEqualTo(r + 1);
            assertThat(p.get("class").asInt()).isEqualTo(expected.getRow(r).argMax().getInt(0));
            assertThat(p.get("label").asText()).isEqualTo(iris.data().classNames().get(p.get("class").asInt()));
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                assertThat(p.get("probabilities").get(c).asDouble()).isCloseTo(expected.getDouble(r, c), within(1e-6));
                sum += p.get("probabilities").get(c).asDouble();
            }
            assertThat(sum).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void regressionPrintsThePredictedValues() throws Exception {
        double[][] rows = rows(sine, 7);
        Outcome o = run("predict", sineZip.toString(), "--input", csv("x.csv", null, rows).toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        List<String> lines = o.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("row," + String.join(",", sine.data().raw().targetNames()));
        INDArray expected = sine.network().outputSingle(sine.data().toNetworkInput(rows));
        for (int r = 0; r < rows.length; r++) {
            assertThat(Double.parseDouble(lines.get(r + 1).split(",")[1])).isCloseTo(expected.getDouble(r, 0), within(1e-6));
        }
        JsonNode json = new ObjectMapper().readTree(run("predict", sineZip.toString(), "--input", dir.resolve("x.csv").toString(), "--json").out());
        assertThat(json.get("task").asText()).isEqualTo("regression");
        assertThat(json.get("predictions").get(0).get("values").get(0).asDouble()).isCloseTo(expected.getDouble(0, 0), within(1e-6));
    }

    @Test
    void aModelWrittenByAnotherProgramIsUsedWithoutNames() throws Exception {
        ComputationGraph net = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(3).graphBuilder()
                .addInputs("x")
                .addLayer("h", new DenseLayer.Builder().nIn(2).nOut(4).activation(Activation.TANH).build(), "x")
                .addLayer("y", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(4).nOut(3).activation(Activation.SOFTMAX).build(), "h")
                .setOutputs("y").build());
        net.init();
        Path zip = dir.resolve("plain.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);
        Outcome o = run("predict", zip.toString(), "--input", csv("in.csv", "0.5,1\n-1,2\n").toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        List<String> lines = o.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("row,class,p_0,p_1,p_2");
        INDArray expected = net.outputSingle(Nd4j.createFromArray(new float[][] {{0.5f, 1}, {-1, 2}}));
        assertThat(Double.parseDouble(lines.get(2).split(",")[4])).isCloseTo(expected.getDouble(1, 2), within(1e-6));
    }

    @Test
    void aBadValueIsNamedByLineAndColumn() throws Exception {
        Path input = csv("rows.csv", "5.1,3.5,1.4,0.2\n4.9,3.0,1.4,0.2\n\n4.7,abc,1.3,0.2\n");
        Outcome o = run("predict", irisZip.toString(), "--input", input.toString());
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.err()).contains("rows.csv line 4, column 2: \"abc\" is not a number").doesNotContain("\tat ");
        assertThat(o.out()).isEmpty();
    }

    @Test
    void aRowOfTheWrongLengthSaysWhatTheModelTakes() throws Exception {
        Path input = csv("rows.csv", "5.1,3.5,1.4,0.2\n4.9,3.0,1.4,0.2\n4.7,3.2,1.3,0.2\n4.6,3.1,1.5\n");
        Outcome o = run("predict", irisZip.toString(), "--input", input.toString());
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.err()).contains("rows.csv line 4: has 3 values, the model takes 4");
    }

    @Test
    void anUnannouncedHeaderSuggestsTheOption() throws Exception {
        Path input = csv("rows.csv", "sepal length,sepal width,petal length,petal width\n5.1,3.5,1.4,0.2\n");
        Outcome o = run("predict", irisZip.toString(), "--input", input.toString());
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.err()).contains("rows.csv line 1, column 1: \"sepal length\" is not a number", "add --header");
        assertThat(run("predict", irisZip.toString(), "--input", input.toString(), "--header").exitCode()).isZero();
    }

    @Test
    void badModelsAndMissingFilesExitOneWithTheirName() throws Exception {
        Path notes = csv("notes.zip", "hello");
        Path rows = csv("rows.csv", "1,2,3,4\n");
        Outcome o = run("predict", notes.toString(), "--input", rows.toString());
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.err()).contains("notes.zip is not a zip archive").doesNotContain("\tat ");

        Outcome missingModel = run("predict", dir.resolve("gone.zip").toString(), "--input", rows.toString());
        assertThat(missingModel.exitCode()).isEqualTo(1);
        assertThat(missingModel.err()).contains("gone.zip does not exist");

        Outcome missingRows = run("predict", irisZip.toString(), "--input", dir.resolve("none.csv").toString());
        assertThat(missingRows.exitCode()).isEqualTo(1);
        assertThat(missingRows.err()).contains("none.csv does not exist");

        Outcome empty = run("predict", irisZip.toString(), "--input", csv("empty.csv", "\n\n").toString());
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.err()).contains("empty.csv has no rows to predict");
    }

    @Test
    void usageErrorsExitTwo() {
        Outcome noInput = run("predict", irisZip.toString());
        assertThat(noInput.exitCode()).isEqualTo(2);
        assertThat(noInput.err()).contains("--input");
        assertThat(run("predict").exitCode()).isEqualTo(2);
    }
}
