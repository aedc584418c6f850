package io.layerlab.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectReaderErrorsTest {
    private static final String FILE = "broken.layerlab.json";
    private final ProjectReader reader = new ProjectReader();

    private ProjectFileException failure(String json) {
        ProjectFileException e = catchThrowableOfType(() -> reader.read(json, FILE), ProjectFileException.class);
        assertThat(e).as("reading should fail:\n" + json).isNotNull();
        assertThat(e.source()).isEqualTo(FILE);
        assertThat(e.getMessage()).startsWith(FILE);
        return e;
    }

    /** A valid file with {@code graphBody} as the content of "graph". */
    private static String withGraph(String graphBody) {
        return "{\n  \"format\": \"layerlab-project\",\n  \"version\": 1,\n  \"graph\": {\n" + graphBody + "\n  }\n}\n";
    }

    private static final String THREE_NODES = """
                "nodes": [
                  {"id": "in", "type": "Input", "params": {"shape": [2]}},
                  {"id": "h1", "type": "Dense", "params": {"units": 8}},
                  {"id": "out", "type": "Output"}
                ],
            """;

    @Test
    void malformedJsonGivesLineAndColumn() {
        ProjectFileException e = failure("{\n  \"format\": \"layerlab-project\",\n  \"version\": 1,\n  \"name\": \"x\"\n  \"description\": \"y\"\n}");

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith(FILE + ", line 5, column 3: malformed JSON: ")
                .contains("comma between items");
        assertThat(e.jsonPath()).isEmpty();
    }

    @Test
    void truncatedFileSaysWhatIsMissing() {
        ProjectFileException e = failure("{\n  \"format\": \"layerlab-project\",\n  \"graph\": {\"nodes\": [");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.problem()).contains("ends too early").contains("closing } or ]");
    }

    @Test
    void aFieldGivenTwiceIsRefusedWithItsPlace() {
        ProjectFileException e = failure("{\"format\": \"layerlab-project\", \"version\": 1,\n \"name\": \"a\", \"name\": \"b\"}");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).isEqualTo("malformed JSON: the field \"name\" appears twice in one object; each field may appear once");
    }

    @Test
    void textAfterTheProjectIsRefused() {
        ProjectFileException e = failure("{\"format\": \"layerlab-project\", \"version\": 1} {}");

        assertThat(e.problem()).contains("more text after the project's closing }");
    }

    @Test
    void emptyFileAndNonObjectSaySoPlainly() {
        assertThat(failure("  \n").getMessage()).isEqualTo(FILE + " is empty; a project file holds one JSON object "
                + "{\"format\": \"layerlab-project\", \"version\": 1, ...}");
        assertThat(failure("[1, 2]").getMessage()).startsWith(FILE + " does not hold a JSON object but a list");
    }

    @Test
    void newerVersionIsRefusedNamingBothVersions() {
        ProjectFileException e = failure("{\"format\": \"layerlab-project\", \"version\": 3, \"graph\": {\"shiny\": 1}}");

        assertThat(e.getMessage()).isEqualTo(FILE + " was written by a newer LayerLab (format version 3); "
                + "this version reads up to 1. Open it with a newer LayerLab.");
    }

    @Test
    void missingOrForeignFormatIsNotTakenForAProject() {
        assertThat(failure("{\"version\": 1, \"nodes\": []}").getMessage())
                .isEqualTo(FILE + " is not a LayerLab project file: it has no \"format\" field (a project file starts "
                        + "{\"format\": \"layerlab-project\", \"version\": 1, ...})");

        ProjectFileException wrong = failure("{\n\"format\": \"keras-model\", \"version\": 1}");
        assertThat(wrong.jsonPath()).contains("format");
        assertThat(wrong.line()).isEqualTo(2);
        assertThat(wrong.getMessage()).isEqualTo(FILE + ", line 2, column 11: format is the text \"keras-model\", "
                + "not \"layerlab-project\": this is not a LayerLab project file");
    }

    @Test
    void missingZeroOrNonNumericVersionIsExplained() {
        assertThat(failure("{\"format\": \"layerlab-project\"}").getMessage())
                .isEqualTo(FILE + " has no \"version\" field; a LayerLab project file says which format version it uses, "
                        + "e.g. \"version\": 1");
        assertThat(failure("{\"format\": \"layerlab-project\", \"version\": 0}").getMessage())
                .endsWith("version is 0, which no LayerLab has written: format versions start at 1 and this version reads 1 to 1");
        assertThat(failure("{\"format\": \"layerlab-project\", \"version\": \"1\"}").problem())
                .isEqualTo("must be a whole number such as 1, was the text \"1\"");
    }

    @Test
    void duplicateNodeIdNamesBothNodes() {
        ProjectFileException e = failure(withGraph("""
                "nodes": [
                  {"id": "in", "type": "Input"},
                  {"id": "h1", "type": "Dense"},
                  {"id": "in", "type": "Dense"}
                ]"""));

        assertThat(e.jsonPath()).contains("graph.nodes[2].id");
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.problem()).isEqualTo("is \"in\", already the id of graph.nodes[0]; each node needs its own id");
    }

    @Test
    void wireToAMissingNodeNamesTheWireAndTheIdsThereAre() {
        ProjectFileException e = failure(withGraph(THREE_NODES + """
                "edges": [
                  {"from": "in", "to": "h1"},
                  {"from": "h1", "to": "h9"}
                ]"""));

        assertThat(e.jsonPath()).contains("graph.edges[1].to");
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.getMessage()).endsWith("graph.edges[1].to names no node: \"h9\" is not the id of any node; "
                + "node ids in this file: in, h1, out");
    }

    @Test
    void repeatedWireIsRefused() {
        ProjectFileException e = failure(withGraph(THREE_NODES + """
                "edges": [{"from": "in", "to": "h1"}, {"from": "in", "to": "h1", "toPort": 0}]"""));

        assertThat(e.jsonPath()).contains("graph.edges[1]");
        assertThat(e.problem()).startsWith("repeats graph.edges[0] (in -> h1); each wire may appear once");
    }

    @Test
    void wrongFieldTypesNameThePathAndWhatIsValid() {
        assertThat(failure(withGraph("\"nodes\": [{\"id\": \"a\", \"type\": \"Dense\", \"x\": \"40\"}]")).getMessage())
                .endsWith("graph.nodes[0].x must be a number, was the text \"40\"");
        assertThat(failure(withGraph("\"nodes\": [{\"id\": 3, \"type\": \"Dense\"}]")).getMessage())
                .endsWith("graph.nodes[0].id must be text in double quotes, was the number 3; a node id is a name such as \"dense1\"");
        assertThat(failure(withGraph("\"nodes\": [{\"type\": \"Dense\"}]")).getMessage())
                .endsWith("graph.nodes[0].id is missing; a node id is a name such as \"dense1\"");
        assertThat(failure(withGraph("\"nodes\": [{\"id\": \"a\", \"type\": \"Dense\", \"params\": [8]}]")).problem())
                .isEqualTo("must be an object { ... }, was a list");
        assertThat(failure(withGraph("\"nodes\": {\"id\": \"a\"}")).jsonPath()).contains("graph.nodes");
        assertThat(failure(withGraph("\"nodes\": [\"a\"]")).jsonPath()).contains("graph.nodes[0]");
        assertThat(failure(withGraph(THREE_NODES + "\"edges\": [{\"from\": \"in\", \"to\": \"h1\", \"toPort\": -1}]")).problem())
                .isEqualTo("is -1; it must be a whole number, 0 or more: the input port of the receiving node");
    }

    @Test
    void dataAndTrainingSettingsAreCheckedWithTheirPaths() {
        String head = "{\"format\": \"layerlab-project\", \"version\": 1, ";
        assertThat(failure(head + "\"data\": {\"params\": {}}}").getMessage())
                .endsWith("data.source is missing; the data source is a name such as \"xor\", \"spiral\", \"sine\" or \"iris\"");
        assertThat(failure(head + "\"data\": {\"source\": \"xor\", \"validationSplit\": 1.5}}").jsonPath()).contains("data.validationSplit");
        assertThat(failure(head + "\"training\": {\"optimizer\": \"adamw\"}}").problem())
                .isEqualTo("is \"adamw\"; valid optimizers: sgd, momentum, nesterov, adam, rmsprop");
        assertThat(failure(head + "\"training\": {\"learningRate\": 0}}").problem()).contains("must be above 0");
        assertThat(failure(head + "\"training\": {\"batchSize\": 12.5}}").problem())
                .startsWith("must be a whole number of examples per step");
        assertThat(failure(head + "\"training\": {\"epochs\": 0}}").jsonPath()).contains("training.epochs");
        assertThat(failure(head + "\"training\": {\"shuffle\": \"yes\"}}").problem()).isEqualTo("must be true or false, was the text \"yes\"");
        assertThat(failure(head + "\"training\": {\"seed\": 1.5}}").jsonPath()).contains("training.seed");
    }

    @Test
    void parameterValuesAreNotJudgedHereButKeptForTheShapeCheck() throws Exception {
        Project p = reader.read(withGraph("\"nodes\": [{\"id\": \"d\", \"type\": \"Dense\", \"params\": {\"units\": \"abc\"}}]"), FILE);

        assertThat(p.graph().node("d").orElseThrow().param("units")).isEqualTo("abc");
    }

    @Test
    void aNumberNoDoubleCanHoldIsRefusedAtItsParameter() {
        ProjectFileException e = failure(withGraph("\"nodes\": [{\"id\": \"d\", \"type\": \"Dense\", \"params\": {\"units\": 1e999}}]"));

        assertThat(e.jsonPath()).contains("graph.nodes[0].params.units");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.problem()).isEqualTo("is Infinity, a number too large to represent");
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.layerlab.json");
        ProjectFileException e = catchThrowableOfType(() -> reader.read(missing), ProjectFileException.class);
        assertThat(e.getMessage()).isEqualTo(missing + " cannot be read: there is no such file");

        Path broken = dir.resolve("broken.layerlab.json");
        Files.writeString(broken, "{\"format\": \"layerlab-project\",\n\"version\": 1,\n\"graph\": {\"nodes\": [{\"id\": \"a\"}]}}");
        ProjectFileException onDisk = catchThrowableOfType(() -> reader.read(broken), ProjectFileException.class);
        assertThat(onDisk.getMessage()).isEqualTo(broken + ", line 3, column 21: graph.nodes[0].type is missing; "
                + "a node type is a layer name such as \"Dense\"");

        ProjectFileException folder = catchThrowableOfType(() -> reader.read(dir), ProjectFileException.class);
        assertThat(folder.getMessage()).isEqualTo(dir + " is a folder, not a project file");
    }

    @Test
    void olderVersionsGoThroughTheMigrationHook() throws Exception {
        ProjectMigration renameTitle = new ProjectMigration() {
            @Override public int fromVersion() { return 1; }
            @Override public void migrate(ObjectNode root) { root.set("name", root.remove("title")); }
        };
        ProjectReader readsVersion2 = new ProjectReader(new ProjectMigrations(2, List.of(renameTitle)));

        Project p = readsVersion2.read("{\"format\": \"layerlab-project\", \"version\": 1, \"title\": \"Old\"}", FILE);
        assertThat(p.name()).isEqualTo("Old");
        assertThat(p.extras()).doesNotContainKey("title");

        ProjectReader readsVersion3 = new ProjectReader(new ProjectMigrations(3, List.of(renameTitle)));
        ProjectFileException e = catchThrowableOfType(
                () -> readsVersion3.read("{\"format\": \"layerlab-project\", \"version\": 1}", FILE), ProjectFileException.class);
        assertThat(e.getMessage()).isEqualTo(FILE + " uses format version 2, which this LayerLab cannot convert to version 3");
    }
}
