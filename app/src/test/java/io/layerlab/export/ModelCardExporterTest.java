package io.layerlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerlab.graph.Edge;
import io.layerlab.graph.Node;
import io.layerlab.project.Project;
import io.layerlab.shape.ModelSummary;
import io.layerlab.shape.ShapeInference;
import io.layerlab.train.StopReason;
import io.layerlab.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelCardExporterTest {
    private final ModelCardExporter exporter = new ModelCardExporter();

    static Stream<String> projects() { return ExportFixtures.projectNames(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void cardMatchesItsGoldenFile(String name) throws IOException {
        GoldenFiles.assertMatches("card/" + name + ".md", exporter.export(ExportFixtures.project(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void architectureTableHasARowPerBuiltLayerWithTheSummarysShapeAndParameters(String name) {
        Project project = ExportFixtures.project(name);
        String card = exporter.export(project);
        NetworkPlan plan = NetworkPlan.of(project);
        ModelSummary summary = ModelSummary.of(ShapeInference.infer(project.graph()), 32, "adam");
        for (ModelSummary.Row row : summary.rows()) {
            boolean built = plan.order().stream().anyMatch(n -> n.id().equals(row.id()));
            String start = "| `" + row.id() + "` | " + row.type() + " | ";
            if (built) {
                assertThat(card).contains(start).containsPattern("\\| `" + row.id() + "` \\| [^\\n]* \\| " + row.outputLabel()
                        + " \\| " + Text.number(row.params()) + " \\|\\n");
            } else {
                assertThat(card).doesNotContain(start);
            }
        }
        assertThat(card).contains("| **Total** | | | | **" + Text.number(plan.totalParams()) + "** |");
    }

    @Test
    void resultsShowFinalMetricsAndTheCurvesLinkedBesideTheCard(@TempDir Path dir) throws IOException {
        Project project = ExportFixtures.project("spiral");
        TrainingResult run = new TrainingResult(200, 2000, 0.0412345, 0.05, 0.9875, 180, 0.049, 8578, 75.4, 1500,
                StopReason.COMPLETED, null, null);
        Path card = dir.resolve("out/card.md");
        exporter.write(project, ModelCardExporter.Results.of(run, dir.resolve("out/charts/loss curve.png")), card);
        String text = Files.readString(card);
        assertThat(text).contains("## Results")
                .contains("| Epochs trained | 200 |")
                .contains("| Training loss | 0.04123 |")
                .contains("| Validation loss | 0.05 |")
                .contains("| Validation accuracy | 98.8% |")
                .contains("| Training time | 1 min 15 s |")
                .contains("| Ended | completed |")
                .contains("![Loss curves](charts/loss%20curve.png)");
        assertThat(exporter.export(project)).doesNotContain("## Results");
    }

    @Test
    void regressionResultsLeaveOutAccuracy() {
        Project project = ExportFixtures.project("regression-sine");
        String card = exporter.export(project, new ModelCardExporter.Results(12, 0.2, null, null, 3.24, null, null));
        assertThat(card).contains("| Training loss | 0.2 |").contains("| Training time | 3.2 s |")
                .doesNotContain("accuracy").doesNotContain("Validation loss").doesNotContain("![");
        assertThat(card).contains("`out` 1 (regression, mean squared error)");
    }

    @Test
    void textFromTheProjectCannotBreakTheTablesOrInjectHtml() {
        Project project = KerasScriptExporterTest.project(List.of(
                        Node.of("a|b`c", "Input", Map.of("shape", List.of(3))),
                        Node.of("out", "Output", Map.of("units", 2))),
                List.of(new Edge("a|b`c", "out")));
        project.setName("# <script>x</script>\nsecond line");
        project.setDescription("Uses <img src=x onerror=alert(1)> & *emphasis*.");
        String card = exporter.export(project);
        assertThat(card).startsWith("# # &lt;script&gt;x&lt;/script&gt; second line\n")
                .contains("Uses &lt;img src=x onerror=alert(1)&gt; &amp; *emphasis*.")
                .contains("| ``a\\|b`c`` | Input |")
                .doesNotContain("<script>").doesNotContain("<img");
    }

    @Test
    void anInvalidNetworkIsRefusedAndNoCardIsWritten(@TempDir Path dir) {
        Project project = KerasScriptExporterTest.project(List.of(Node.of("in", "Input", Map.of("shape", List.of(3))),
                Node.of("hidden", "Dense", Map.of("units", 4))), List.of(new Edge("in", "hidden")));
        assertThatThrownBy(() -> exporter.write(project, null, dir.resolve("card.md"))).isInstanceOf(ExportException.class)
                .hasMessageContaining("Output");
        assertThat(dir).isEmptyDirectory();
    }
}
