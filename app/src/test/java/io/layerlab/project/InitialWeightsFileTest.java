package io.layerlab.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.model.ModelFileException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's initial weights live beside it in NAME.layerlab.weights.zip: saved, reopened, and survived when damaged. */
class InitialWeightsFileTest {
    @TempDir Path dir;

    private static InitialWeights weights() {
        Map<String, InitialWeights.Array> dense = new LinkedHashMap<>();
        dense.put("W", new InitialWeights.Array(new long[] {2, 3}, new float[] {0.5f, -1.25f, 2f, 3.5f, -0f, 1e-7f}));
        dense.put("b", new InitialWeights.Array(new long[] {3}, new float[] {0.1f, 0.2f, -0.3f}));
        return new InitialWeights("Keras model m.h5", Map.of("dense_1", dense));
    }

    private static Project project() {
        Graph graph = Graph.of(List.of(Node.of("in", "Input", Map.of("shape", List.of(2))),
                Node.of("dense_1", "Output", Map.of("units", 3))), List.of(new io.layerlab.graph.Edge("in", "dense_1")));
        Project p = new Project("m", "", graph, ProjectDefaults.data(), ProjectDefaults.training());
        p.setInitialWeights(weights());
        return p;
    }

    private static void assertSameWeights(InitialWeights actual) {
        InitialWeights expected = weights();
        assertThat(actual.source()).isEqualTo(expected.source());
        assertThat(actual.vertices()).containsExactly("dense_1");
        assertThat(actual.params("dense_1")).containsOnlyKeys("W", "b");
        for (String p : List.of("W", "b")) {
            assertThat(actual.params("dense_1").get(p).shape()).isEqualTo(expected.params("dense_1").get(p).shape());
            assertThat(actual.params("dense_1").get(p).values()).isEqualTo(expected.params("dense_1").get(p).values());
        }
    }

    @Test
    void savingWritesTheWeightsBesideTheProjectAndReopeningReadsThemBack() throws Exception {
        Path file = dir.resolve("m.layerlab.json");
        new ProjectWriter().save(project(), file);

        assertThat(dir.resolve("m.layerlab.weights.zip")).isRegularFile();
        assertThat(field(file)).isEqualTo("{\"file\":\"m.layerlab.weights.zip\",\"source\":\"Keras model m.h5\"}");
        Project reopened = new ProjectReader().read(file);
        assertThat(reopened.initialWeightsProblem()).isEmpty();
        assertThat(reopened.extras()).doesNotContainKey("initialWeights");
        assertSameWeights(reopened.initialWeights().orElseThrow());

        Path elsewhere = dir.resolve("copies").resolve("copy.layerlab.json");
        new ProjectWriter().save(reopened, elsewhere);
        assertThat(field(elsewhere)).isEqualTo("{\"file\":\"copy.layerlab.weights.zip\",\"source\":\"Keras model m.h5\"}");
        assertSameWeights(new ProjectReader().read(elsewhere).initialWeights().orElseThrow());
    }

    @Test
    void aRecoveryCopyOfASavedProjectFindsTheWeightsBesideTheOriginal() throws Exception {
        Path file = dir.resolve("m.layerlab.json");
        new ProjectWriter().save(project(), file);
        Project open = new ProjectReader().read(file);
        RecoveryStore store = new RecoveryStore(dir.resolve("recovery"));
        store.save(store.slotFor(file), open);

        Project recovered = store.open(store.list().get(0));

        assertSameWeights(recovered.initialWeights().orElseThrow());
    }

    @Test
    void aDamagedWeightsFileLeavesTheProjectOpenWithFreshWeightsSaysWhyAndKeepsTheReference() throws Exception {
        Path file = dir.resolve("m.layerlab.json");
        new ProjectWriter().save(project(), file);
        Path sidecar = dir.resolve("m.layerlab.weights.zip");
        byte[] bytes = Files.readAllBytes(sidecar);
        Files.write(sidecar, Arrays.copyOf(bytes, bytes.length / 2));

        Project reopened = new ProjectReader().read(file);

        assertThat(reopened.graph().size()).isEqualTo(2);
        assertThat(reopened.initialWeights()).isEmpty();
        assertThat(reopened.initialWeightsProblem()).hasValueSatisfying(p -> assertThat(p)
                .startsWith("the initial weights cannot be used: m.layerlab.weights.zip is truncated or damaged"));
        new ProjectWriter().save(reopened, file);
        assertThat(field(file)).as("the reference stays for when the file is restored")
                .isEqualTo("{\"file\":\"m.layerlab.weights.zip\",\"source\":\"Keras model m.h5\"}");
    }

    @Test
    void aMissingWeightsFileIsNamedAndTheProjectStillOpens() throws Exception {
        Path file = dir.resolve("m.layerlab.json");
        new ProjectWriter().save(project(), file);
        Files.delete(dir.resolve("m.layerlab.weights.zip"));

        Project reopened = new ProjectReader().read(file);

        assertThat(reopened.initialWeights()).isEmpty();
        assertThat(reopened.initialWeightsProblem()).hasValue("the initial weights file m.layerlab.weights.zip is missing "
                + "(it belongs beside the project, in " + dir.toAbsolutePath() + ")");
    }

    @Test
    void aReferenceOutsideTheProjectsFolderIsRefusedWithoutReadingIt() throws Exception {
        Path file = dir.resolve("m.layerlab.json");
        Files.writeString(file, "{\"format\": \"layerlab-project\", \"version\": 1, \"initialWeights\": {\"file\": \"../elsewhere.zip\"}}");

        Project reopened = new ProjectReader().read(file);

        assertThat(reopened.initialWeights()).isEmpty();
        assertThat(reopened.initialWeightsProblem()).hasValueSatisfying(p -> assertThat(p).contains("naming a file beside the project"));
    }

    @Test
    void hostileOrInconsistentWeightsFilesAreRefusedWithTheirProblem() throws Exception {
        Path slip = zip("slip.zip", Map.of("../../evil.f32", new byte[4], "weights.json", index("../../evil.f32", "[1]")));
        assertThatThrownBy(() -> WeightsFile.read(slip)).isInstanceOf(ModelFileException.class)
                .hasMessage("slip.zip: entry ../../evil.f32 points outside the archive");

        Path shortArray = zip("short.zip", Map.of("arrays/0.f32", new byte[8], "weights.json", index("arrays/0.f32", "[2, 3]")));
        assertThatThrownBy(() -> WeightsFile.read(shortArray))
                .hasMessage("short.zip: entry arrays/0.f32 holds 8 bytes; dense_1 W of shape [2, 3] needs 24 (4 per value)");

        Path notZip = dir.resolve("text.zip");
        Files.writeString(notZip, "weights");
        assertThatThrownBy(() -> WeightsFile.read(notZip)).hasMessageStartingWith("text.zip is not a zip archive");

        Path noIndex = zip("bare.zip", Map.of("arrays/0.f32", new byte[4]));
        assertThatThrownBy(() -> WeightsFile.read(noIndex)).hasMessage("bare.zip is not a LayerLab weights file: it has no weights.json entry");
    }

    /** The project file's "initialWeights" field as compact JSON. */
    private static String field(Path projectFile) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(projectFile.toFile()).path("initialWeights").toString();
    }

    private static byte[] index(String entry, String shape) {
        return ("{\"format\": \"layerlab-weights\", \"version\": 1, \"arrays\": [{\"vertex\": \"dense_1\", \"param\": \"W\", "
                + "\"shape\": " + shape + ", \"entry\": \"" + entry + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    private Path zip(String name, Map<String, byte[]> entries) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
