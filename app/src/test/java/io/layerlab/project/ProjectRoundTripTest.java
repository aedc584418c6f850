package io.layerlab.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerlab.graph.Edge;
import io.layerlab.graph.EditHistory;
import io.layerlab.graph.MoveNodes;
import io.layerlab.graph.Node;
import io.layerlab.graph.SetParam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The example of DESIGN.md, with fields a newer LayerLab might write at every level. */
    static final String WITH_UNKNOWN_FIELDS = """
            {
              "format": "layerlab-project",
              "version": 1,
              "name": "XOR with one hidden layer",
              "description": "Why a hidden layer with a non-linear activation is needed.",
              "graph": {
                "nodes": [
                  {"id": "in", "type": "Input", "x": 40, "y": 120, "params": {"shape": [2]}, "color": "#ffcc00"},
                  {"id": "h1", "type": "Dense", "x": 220.5, "y": 120, "params": {"units": 8, "dropConnect": {"p": 0.5, "on": true}}},
                  {"id": "a1", "type": "Activation", "x": 380, "y": 120, "params": {"function": "tanh"}, "notes": ["a", 1, null]},
                  {"id": "out", "type": "Output", "x": 540, "y": 120, "params": {"units": 2, "activation": "softmax", "loss": "mcxent"}}
                ],
                "edges": [
                  {"from": "in", "to": "h1", "label": "features"},
                  {"from": "h1", "to": "a1"},
                  {"from": "a1", "to": "out", "toPort": 0, "style": {"dashed": true}}
                ],
                "groups": [{"name": "hidden", "members": ["h1", "a1"]}]
              },
              "data": {"source": "xor", "params": {"samples": 400, "noise": 0.1, "newKnob": "x"},
                       "validationSplit": 0.2, "seed": 7, "cache": false},
              "training": {"optimizer": "adam", "learningRate": 0.01, "batchSize": 32, "epochs": 50,
                           "shuffle": true, "seed": 42, "schedule": {"kind": "cosine", "warmup": 5}},
              "author": "Ann",
              "bigNumber": 12345678901234
            }
            """;

    private final ProjectReader reader = new ProjectReader();
    private final ProjectWriter writer = new ProjectWriter();

    @Test
    void readsTheDesignExampleIntoTheModel() throws Exception {
        Project p = reader.read(WITH_UNKNOWN_FIELDS, "example.layerlab.json");

        assertThat(p.name()).isEqualTo("XOR with one hidden layer");
        assertThat(p.graph().nodes()).extracting(Node::id).containsExactly("in", "h1", "a1", "out");
        Node h1 = p.graph().node("h1").orElseThrow();
        assertThat(h1.type()).isEqualTo("Dense");
        assertThat(h1.x()).isEqualTo(220.5);
        assertThat(h1.param("units")).isEqualTo(8).isInstanceOf(Integer.class);
        assertThat(p.graph().node("in").orElseThrow().param("shape")).isEqualTo(List.of(2));
        assertThat(p.graph().edges()).containsExactly(new Edge("in", "h1"), new Edge("h1", "a1"), new Edge("a1", "out"));
        assertThat(p.data().source()).isEqualTo("xor");
        assertThat(p.data().params()).containsEntry("samples", 400).containsEntry("noise", 0.1);
        assertThat(p.data().validationSplit()).isEqualTo(0.2);
        assertThat(p.data().seed()).isEqualTo(7);
        assertThat(p.training().optimizer()).isEqualTo("adam");
        assertThat(p.training().learningRate()).isEqualTo(0.01);
        assertThat(p.training().batchSize()).isEqualTo(32);
        assertThat(p.training().epochs()).isEqualTo(50);
        assertThat(p.training().shuffle()).isTrue();
        assertThat(p.training().seed()).isEqualTo(42);
    }

    @Test
    void unknownFieldsAtEveryLevelSurviveReadWriteRead() throws Exception {
        Project p = reader.read(WITH_UNKNOWN_FIELDS, "example.layerlab.json");

        assertThat(p.extras()).containsEntry("author", "Ann").containsEntry("bigNumber", 12345678901234L);
        assertThat(p.graphExtras()).containsKey("groups");
        assertThat(p.graph().node("in").orElseThrow().extras()).containsEntry("color", "#ffcc00");
        assertThat(p.edgeExtras()).containsEntry(new Edge("in", "h1"), Map.of("label", "features"));
        assertThat(p.data().extras()).containsEntry("cache", false);
        assertThat(p.training().extras()).containsEntry("schedule", Map.of("kind", "cosine", "warmup", 5));
        assertThat(p.graph().node("h1").orElseThrow().param("dropConnect")).isEqualTo(Map.of("p", 0.5, "on", true));

        String written = writer.toJson(p);
        JsonNode original = JSON.readTree(WITH_UNKNOWN_FIELDS);
        JsonNode rewritten = JSON.readTree(written);
        // The only normalisation: a wire's default "toPort": 0 is not written.
        ((ObjectNode) original.at("/graph/edges/2")).remove("toPort");
        assertThat(rewritten).isEqualTo(original);

        String writtenAgain = writer.toJson(reader.read(written, "again.layerlab.json"));
        assertThat(writtenAgain).isEqualTo(written);
    }

    @Test
    void unknownFieldsOfANodeTravelWithItThroughEditsAndUndo() throws Exception {
        Project p = reader.read(WITH_UNKNOWN_FIELDS, "example.layerlab.json");
        EditHistory history = new EditHistory(p.graph());
        history.execute(new MoveNodes(Map.of("in", new double[] {60, 200})));
        history.execute(new SetParam("in", "shape", List.of(3)));

        JsonNode afterEdits = JSON.readTree(writer.toJson(p));
        assertThat(afterEdits.at("/graph/nodes/0/color").asText()).isEqualTo("#ffcc00");
        assertThat(afterEdits.at("/graph/nodes/0/x").asInt()).isEqualTo(60);
        assertThat(afterEdits.at("/graph/nodes/0/params/shape").toString()).isEqualTo("[3]");

        history.undo();
        history.undo();
        assertThat(JSON.readTree(writer.toJson(p)).at("/graph/nodes/0")).isEqualTo(JSON.readTree(WITH_UNKNOWN_FIELDS).at("/graph/nodes/0"));
    }

    @Test
    void parameterValuesKeepTheirRawJsonTypes() throws Exception {
        Project p = reader.read("""
                {"format": "layerlab-project", "version": 1, "graph": {"nodes": [
                  {"id": "c", "type": "Conv2D", "params": {"filters": 2.0, "kernel": [3, 3], "padding": "same",
                   "units": "abc", "frozen": true, "rate": 0.25, "huge": 3000000000, "nothing": null}}]}}
                """, "raw.layerlab.json");

        Map<String, Object> params = p.graph().node("c").orElseThrow().params();
        assertThat(params.get("filters")).isEqualTo(2.0).isInstanceOf(Double.class);
        assertThat(params.get("kernel")).isEqualTo(List.of(3, 3));
        assertThat(((List<?>) params.get("kernel")).get(0)).isInstanceOf(Integer.class);
        assertThat(params.get("padding")).isEqualTo("same");
        assertThat(params.get("units")).isEqualTo("abc");
        assertThat(params.get("frozen")).isEqualTo(true);
        assertThat(params.get("rate")).isEqualTo(0.25);
        assertThat(params.get("huge")).isEqualTo(3_000_000_000L);
        assertThat(params).containsEntry("nothing", null);

        JsonNode written = JSON.readTree(writer.toJson(p)).at("/graph/nodes/0/params");
        assertThat(written.get("filters").isDouble()).isTrue();
        assertThat(written.get("units").asText()).isEqualTo("abc");
        assertThat(written.get("huge").asLong()).isEqualTo(3_000_000_000L);
        assertThat(written.get("nothing").isNull()).isTrue();
    }

    @Test
    void missingSectionsAndFieldsTakeTheDocumentedDefaults() throws Exception {
        Project bare = reader.read("{\"format\": \"layerlab-project\", \"version\": 1}", "bare.layerlab.json");
        assertThat(bare.name()).isEqualTo("Untitled");
        assertThat(bare.description()).isEmpty();
        assertThat(bare.graph().size()).isZero();
        assertThat(bare.data()).isEqualTo(ProjectDefaults.data());
        assertThat(bare.training()).isEqualTo(ProjectDefaults.training());

        Project partial = reader.read("""
                {"format": "layerlab-project", "version": 1,
                 "graph": {"nodes": [{"id": "in", "type": "Input"}, {"id": "d", "type": "Dense"}], "edges": [{"from": "in", "to": "d"}]},
                 "data": {"source": "spiral"}, "training": {"epochs": 7}}
                """, "partial.layerlab.json");
        Node in = partial.graph().node("in").orElseThrow();
        assertThat(in.x()).isZero();
        assertThat(in.y()).isZero();
        assertThat(in.params()).isEmpty();
        assertThat(partial.graph().edges()).containsExactly(new Edge("in", "d", 0));
        assertThat(partial.data().params()).isEmpty();
        assertThat(partial.data().validationSplit()).isEqualTo(0.2);
        assertThat(partial.data().seed()).isEqualTo(7);
        assertThat(partial.training()).isEqualTo(ProjectDefaults.training().withEpochs(7));
    }

    @Test
    void writesAStableDiffFriendlyLayout() throws Exception {
        Project p = reader.read(WITH_UNKNOWN_FIELDS, "example.layerlab.json");
        String text = writer.toJson(p);

        assertThat(text).startsWith("{\n  \"format\": \"layerlab-project\",\n  \"version\": 1,\n  \"name\": ");
        assertThat(text.indexOf("\"graph\"")).isLessThan(text.indexOf("\"data\""));
        assertThat(text.indexOf("\"data\"")).isLessThan(text.indexOf("\"training\""));
        assertThat(text).contains("\n      {\"id\": \"in\", \"type\": \"Input\", \"x\": 40, \"y\": 120, \"params\": {\"shape\": [2]}, \"color\": \"#ffcc00\"},\n");
        assertThat(text).contains("\n      {\"from\": \"h1\", \"to\": \"a1\"},\n");
        assertThat(text).contains("\"x\": 220.5");
        assertThat(text).endsWith("}\n");
        assertThat(text.lines().filter(l -> l.startsWith(" ")).map(l -> l.length() - l.stripLeading().length()))
                .allSatisfy(indent -> assertThat(indent % 2).isZero());
    }

    @Test
    void smallNumbersAreWrittenAsPeopleWriteThem() {
        assertThat(JsonFormatter.decimal(0.0001)).isEqualTo("0.0001");
        assertThat(JsonFormatter.decimal(2.0)).isEqualTo("2.0");
        assertThat(JsonFormatter.decimal(0.1)).isEqualTo("0.1");
        assertThat(JsonFormatter.decimal(1e-9)).isEqualTo("1.0E-9");
    }

    @Test
    void savedFileReadsBackToTheSameProject(@TempDir Path dir) throws Exception {
        Project p = reader.read(WITH_UNKNOWN_FIELDS, "example.layerlab.json");
        Path file = dir.resolve("xor.layerlab.json");
        writer.save(p, file);

        Project back = reader.read(file);
        assertThat(back.graph().nodes()).containsExactlyElementsOf(p.graph().nodes());
        assertThat(back.graph().edges()).containsExactlyElementsOf(p.graph().edges());
        assertThat(back.data()).isEqualTo(p.data());
        assertThat(back.training()).isEqualTo(p.training());
        assertThat(back.extras()).isEqualTo(p.extras());
        assertThat(back.graphExtras()).isEqualTo(p.graphExtras());
        assertThat(back.edgeExtras()).isEqualTo(p.edgeExtras());
        assertThat(Files.readString(file)).isEqualTo(writer.toJson(p));
    }
}
