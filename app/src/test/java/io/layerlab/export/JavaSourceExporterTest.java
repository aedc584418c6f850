package io.layerlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerlab.compile.GraphCompiler;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Node;
import io.layerlab.project.Project;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JavaSourceExporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The classes the generated file carries its own copy of, by their name in LayerLab. */
    private static final List<String> OWN_COPIES = List.of("StepActivation", "FeatureSoftmax", "ClassicalMomentum", "Maxout");
    /** Likewise for LayerLab's own layers (io.layerlab.compile.layers). */
    private static final List<String> OWN_LAYER_COPIES = List.of("GruLayer", "TokenEmbedding", "FrozenBatchNormalization");

    private final JavaSourceExporter exporter = new JavaSourceExporter();

    static Stream<String> projects() { return ExportFixtures.projectNames(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void generatedClassCompilesAndBuildsTheCompilersConfiguration(String name, @TempDir Path dir) throws Exception {
        Project project = ExportFixtures.project(name);
        String className = JavaSourceExporter.className(project);
        Class<?> generated = compile(dir, className, exporter.export(project));

        ComputationGraphConfiguration fromSource = (ComputationGraphConfiguration) generated.getMethod("configuration").invoke(null);
        String expected = GraphCompiler.compile(project.graph(), project.training()).toJson();
        assertThat(tree(fromSource.toJson(), className)).isEqualTo(JSON.readTree(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void sourceMatchesItsGoldenFile(String name) throws IOException {
        GoldenFiles.assertMatches("java/" + name + ".java", exporter.export(ExportFixtures.project(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "rmsprop"})
    void everyOptimizerIsBuiltAsTheCompilerBuildsIt(String optimizer, @TempDir Path dir) throws Exception {
        Project project = ExportFixtures.project("iris");
        project.setTraining(project.training().withOptimizer(optimizer).withLearningRate(1e-4));
        Class<?> generated = compile(dir, "IrisNetwork", exporter.export(project, "IrisNetwork"));
        ComputationGraphConfiguration fromSource = (ComputationGraphConfiguration) generated.getMethod("configuration").invoke(null);
        assertThat(tree(fromSource.toJson(), "IrisNetwork"))
                .isEqualTo(JSON.readTree(GraphCompiler.compile(project.graph(), project.training()).toJson()));
    }

    @Test
    void outputsWithALearnedPReluPerPositionSoftmaxAndTakenHelperNamesMatchTheCompiler(@TempDir Path dir) throws Exception {
        Project image = ExportFixtures.preluOutputOnImages();
        Project sequence = ExportFixtures.preluOutputOnSequences();
        int i = 0;
        for (Project project : List.of(image, sequence)) {
            String className = "Case" + i++;
            Class<?> generated = compile(dir, className, exporter.export(project, className));
            ComputationGraphConfiguration fromSource = (ComputationGraphConfiguration) generated.getMethod("configuration").invoke(null);
            assertThat(tree(fromSource.toJson(), className))
                    .isEqualTo(JSON.readTree(GraphCompiler.compile(project.graph(), project.training()).toJson()));
        }
        assertThat(exporter.export(image)).contains("\"out_linear2\"").contains("new FeatureSoftmax()");
    }

    @Test
    void mainBuildsTheNetworkAndRunsAnExampleThroughEveryOutput(@TempDir Path dir) throws Exception {
        Project project = ExportFixtures.project("sequence");
        project.setTraining(project.training().withOptimizer("momentum"));
        Class<?> generated = compile(dir, "SequenceNetwork", exporter.export(project, "SequenceNetwork"));
        String out = runMain(generated);
        assertThat(out).contains("tags: [1, 4, 12]").contains("score: [1, 1]").contains("Total Parameters:  2,051");
    }

    @Test
    void stepAndPerChannelSoftmaxCopiesComputeWhatLayerLabsDo(@TempDir Path dir) throws Exception {
        Project project = ExportFixtures.project("vision");
        Class<?> generated = compile(dir, "VisionNetwork", exporter.export(project, "VisionNetwork"));
        ClassLoader loader = generated.getClassLoader();
        var in = org.nd4j.linalg.factory.Nd4j.createFromArray(new float[][][][] {{{{-1f, 2f}}, {{3f, 0f}}}});
        var step = (org.nd4j.linalg.activations.IActivation) loader.loadClass("VisionNetwork$StepActivation")
                .getConstructor().newInstance();
        assertThat(step.getActivation(in.dup(), false)).isEqualTo(new io.layerlab.compile.StepActivation().getActivation(in.dup(), false));
    }

    @Test
    void theMaxoutCopyComputesWhatLayerLabsNetworkComputes(@TempDir Path dir) throws Exception {
        Project project = ExportFixtures.project("maxout");
        Class<?> generated = compile(dir, "MaxoutNetwork", exporter.export(project, "MaxoutNetwork"));
        var exported = new org.deeplearning4j.nn.graph.ComputationGraph(
                (ComputationGraphConfiguration) generated.getMethod("configuration").invoke(null));
        exported.init();
        var layerLab = io.layerlab.compile.GraphCompiler.compile(project.graph(), project.training()).newNetwork();
        var in = org.nd4j.linalg.factory.Nd4j.rand(new long[] {3, 1, 28, 28});

        assertThat(exported.params()).isEqualTo(layerLab.params());
        assertThat(exported.outputSingle(in)).isEqualTo(layerLab.outputSingle(in));
    }

    @Test
    void aFileNamedLikeAClassGetsThatClassNameAndOtherNamesGetTheProjectsName(@TempDir Path dir) throws IOException {
        Project project = ExportFixtures.project("xor");
        exporter.write(project, dir.resolve("MyXor.java"));
        exporter.write(project, dir.resolve("network-source.txt"));
        assertThat(Files.readString(dir.resolve("MyXor.java"))).contains("public class MyXor {");
        assertThat(Files.readString(dir.resolve("network-source.txt"))).contains("public class XorWithOneHiddenLayerNetwork {");
        assertThatThrownBy(() -> exporter.export(project, "my-net")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"my-net\" is not a Java class name");
    }

    @Test
    void textFromTheProjectCannotBreakTheSource(@TempDir Path dir) throws Exception {
        Project project = KerasScriptExporterTest.project(List.of(
                        Node.of("in \"quoted\" \\u000a */", "Input", Map.of("shape", List.of(3))),
                        Node.of("caf\u00e9", "Dense", Map.of("units", 4, "activation", "prelu")),
                        Node.of("out", "Output", Map.of("units", 2))),
                List.of(new Edge("in \"quoted\" \\u000a */", "caf\u00e9"), new Edge("caf\u00e9", "out")));
        project.setName("*/ class Evil { \\u000a }");
        project.setDescription("C:\\users\\me <b>bold</b> @author nobody */");
        String source = exporter.export(project, "Safe");
        assertThat(source.chars().allMatch(c -> c < 128)).as("plain ASCII").isTrue();
        Class<?> generated = compile(dir, "Safe", source);
        ComputationGraphConfiguration fromSource = (ComputationGraphConfiguration) generated.getMethod("configuration").invoke(null);
        assertThat(fromSource.getNetworkInputs()).containsExactly("in \"quoted\" \\u000a */");
        assertThat(fromSource.getVertices()).containsKeys("caf\u00e9", "caf\u00e9_linear");
    }

    @Test
    void anInvalidNetworkIsRefusedAndNoFileIsWritten(@TempDir Path dir) {
        Project project = KerasScriptExporterTest.project(List.of(
                        Node.of("in", "Input", Map.of("shape", List.of(5, 3))),
                        Node.of("hidden", "LSTM", Map.of("units", 4, "activation", "maxout")),
                        Node.of("out", "Output", Map.of("units", 2))),
                List.of(new Edge("in", "hidden"), new Edge("hidden", "out")));
        assertThatThrownBy(() -> exporter.write(project, dir.resolve("Net.java"))).isInstanceOf(ExportException.class)
                .hasMessageContaining("hidden");
        assertThat(dir).isEmptyDirectory();
    }

    /** The JSON tree, with the generated file's own copies named as LayerLab's classes they copy. */
    private static JsonNode tree(String json, String className) throws IOException {
        String normalised = json;
        for (String own : OWN_COPIES) normalised = normalised.replace("\"" + className + "$" + own + "\"", "\"io.layerlab.compile." + own + "\"");
        for (String own : OWN_LAYER_COPIES) {
            normalised = normalised.replace("\"" + className + "$" + own + "\"", "\"io.layerlab.compile.layers." + own + "\"");
        }
        return JSON.readTree(normalised);
    }

    static Class<?> compile(Path dir, String className, String source) throws Exception {
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source, StandardCharsets.US_ASCII);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> problems = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(problems, null, StandardCharsets.US_ASCII)) {
            boolean ok = javac.getTask(null, files, problems, List.of("-classpath", System.getProperty("java.class.path"),
                    "-d", dir.toString(), "-Xlint:all", "-Werror", "-Xlint:-processing", "-Xlint:-classfile", "-Xlint:-serial",
                    "-Xlint:-rawtypes", "-implicit:none"), null, files.getJavaFileObjects(file)).call();
            assertThat(ok).as("javac: %s\n%s", problems.getDiagnostics(), source).isTrue();
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, JavaSourceExporterTest.class.getClassLoader());
        return loader.loadClass(className);
    }

    private static String runMain(Class<?> generated) throws Exception {
        Method main = generated.getMethod("main", String[].class);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
