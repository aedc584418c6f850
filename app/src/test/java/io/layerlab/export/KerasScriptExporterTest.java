package io.layerlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.layerlab.data.DataSpec;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.project.Project;
import io.layerlab.shape.DiagnosticCode;
import io.layerlab.train.TrainingSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class KerasScriptExporterTest {
    private final KerasScriptExporter exporter = new KerasScriptExporter();

    static java.util.stream.Stream<String> projects() { return ExportFixtures.projectNames(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void scriptMatchesItsGoldenFile(String name) throws IOException {
        GoldenFiles.assertMatches("keras/" + name + ".py", exporter.export(ExportFixtures.project(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void kerasCountsAsManyParametersAsTheShapeCheck(String name) {
        Project project = ExportFixtures.project(name);
        NetworkPlan plan = NetworkPlan.of(project);
        assertThat(KerasParamCounter.total(KerasModelBuilder.build(plan))).isEqualTo(plan.totalParams()).isPositive();
    }

    @Test
    void learnedPReluOutputsCountAsManyParametersAsTheShapeCheck() {
        for (Project project : List.of(ExportFixtures.preluOutputOnImages(), ExportFixtures.preluOutputOnSequences())) {
            NetworkPlan plan = NetworkPlan.of(project);
            assertThat(KerasParamCounter.total(KerasModelBuilder.build(plan))).as(project.graph().nodes().toString())
                    .isEqualTo(plan.totalParams());
        }
        assertThat(exporter.export(ExportFixtures.preluOutputOnSequences()))
                .contains("tags = layers.TimeDistributed(layers.Dense(2, activation=\"linear\"), name=\"tags_linear\")(leaky)")
                .contains("tags = layers.PReLU(alpha_initializer=keras.initializers.Constant(0.25), name=\"tags\")(tags)")
                .contains("rnn = layers.SimpleRNN(4, activation=step, return_sequences=True, name=\"rnn\")(steps)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void scriptIsValidPython(String name, @TempDir Path dir) throws Exception {
        assumeTrue(pythonAvailable(), "python3 is not installed");
        Path script = dir.resolve(name + ".py");
        exporter.write(ExportFixtures.project(name), script);
        Process p = new ProcessBuilder("python3", "-c", "import ast, sys; ast.parse(open(sys.argv[1], encoding='utf-8').read())",
                script.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void concatenateTakesItsInputsInPortOrderNotWireOrder() {
        Project project = project(List.of(
                        Node.of("a", "Input", Map.of("shape", List.of(3))),
                        Node.of("b", "Input", Map.of("shape", List.of(5))),
                        Node.of("cat", "Concatenate", Map.of()),
                        Node.of("out", "Output", Map.of("units", 2))),
                List.of(new Edge("a", "cat", 1), new Edge("b", "cat", 0), new Edge("cat", "out")));
        String script = exporter.export(project);
        assertThat(script).contains("cat = layers.Concatenate(name=\"cat\")([b, a])")
                .contains("model = keras.Model(inputs=[a, b], outputs=out,");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sgd      | keras.optimizers.SGD(learning_rate=0.1)",
            "momentum | keras.optimizers.SGD(learning_rate=0.1, momentum=0.9)",
            "nesterov | keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True)",
            "adam     | keras.optimizers.Adam(learning_rate=0.1)",
            "rmsprop  | keras.optimizers.RMSprop(learning_rate=0.1, rho=0.95)"})
    void optimizerAndLearningRateBecomeKerasOptimizers(String optimizer, String expected) {
        Project project = ExportFixtures.project("iris");
        project.setTraining(project.training().withOptimizer(optimizer).withLearningRate(0.1));
        assertThat(exporter.export(project)).contains("    optimizer=" + expected + ",\n");
    }

    @ParameterizedTest
    @CsvSource({"mcxent, categorical_crossentropy, true", "xent, binary_crossentropy, true", "mse, mse, false", "mae, mae, false"})
    void lossesBecomeKerasLossesAndClassLossesReportAccuracy(String loss, String keras, boolean accuracy) {
        Project project = project(List.of(Node.of("in", "Input", Map.of("shape", List.of(4))),
                Node.of("out", "Output", Map.of("units", 3, "activation", "sigmoid", "loss", loss))), List.of(new Edge("in", "out")));
        String script = exporter.export(project);
        assertThat(script).contains("    loss=\"" + keras + "\",\n");
        assertThat(script.contains("metrics=[\"accuracy\"]")).isEqualTo(accuracy);
    }

    @Test
    void nodeIdsThatAreNotPythonNamesGetSafeVariablesAndKeepReadableLayerNames() {
        Project project = project(List.of(
                        Node.of("in", "Input", Map.of("shape", List.of(2))),
                        Node.of("2nd layer", "Dense", Map.of("units", 4)),
                        Node.of("class", "Output", Map.of("units", 2))),
                List.of(new Edge("in", "2nd layer"), new Edge("2nd layer", "class")));
        String script = exporter.export(project);
        assertThat(script).contains("in_ = keras.Input(shape=(2,), name=\"in\")")
                .contains("n2nd_layer = layers.Dense(4, activation=\"relu\", name=\"2nd_layer\")(in_)")
                .contains("class_ = layers.Dense(2, activation=\"softmax\", name=\"class\")(n2nd_layer)")
                .contains("# Dense \"2nd layer\": Fully connected layer.");
    }

    @Test
    void textFromTheProjectCannotBreakOutOfTheDocstringOrComments() throws Exception {
        Project project = ExportFixtures.project("xor");
        project.setName("Quotes \"\"\" and a backslash \\");
        project.setDescription("Ends with a quote \"");
        project.setData(new DataSpec("csv", Map.of("file", "data\nimport os"), 0.2, 1));
        String script = exporter.export(project);
        assertThat(script).doesNotContain("\nimport os").contains("source (file data").contains("\n# import os), ");
        assumeTrue(pythonAvailable(), "python3 is not installed");
        Process p = new ProcessBuilder("python3", "-c",
                "import ast, sys; tree = ast.parse(sys.stdin.read()); print(ast.get_docstring(tree).splitlines()[0])")
                .redirectErrorStream(true).start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("Quotes \"\"\" and a backslash \\");
    }

    @Test
    void anInvalidNetworkIsRefusedNamingTheLayerAndNoFileIsWritten(@TempDir Path dir) {
        Project project = project(List.of(
                        Node.of("image", "Input", Map.of("shape", List.of(8, 8, 1))),
                        Node.of("dense1", "Dense", Map.of("units", 4)),
                        Node.of("out", "Output", Map.of("units", 2))),
                List.of(new Edge("image", "dense1"), new Edge("dense1", "out")));
        Path file = dir.resolve("model.py");
        assertThatThrownBy(() -> exporter.write(project, file))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("dense1")
                .satisfies(e -> assertThat(((ExportException) e).problems()).extracting(d -> d.code())
                        .contains(DiagnosticCode.WRONG_INPUT_KIND));
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void writingReplacesAnEarlierExport(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.py");
        Files.writeString(file, "old");
        exporter.write(ExportFixtures.project("xor"), file);
        assertThat(Files.readString(file)).isEqualTo(exporter.export(ExportFixtures.project("xor")));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    static Project project(List<Node> nodes, List<Edge> edges) {
        return new Project("Test", "", Graph.of(nodes, edges), new DataSpec("xor", Map.of(), 0.2, 1), TrainingSpec.defaults());
    }

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
