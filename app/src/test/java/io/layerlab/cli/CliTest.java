package io.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/** The command line as a script or a person uses it: exit codes, stdout, stderr and written files. */
class CliTest {
    @TempDir Path dir;

    private record Outcome(int exitCode, String out, String err) { }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path sample(String name) {
        return Path.of("..", "sample-projects", name + ".layerlab.json");
    }

    private Path project(String graphJson) throws Exception {
        Path file = dir.resolve("p.layerlab.json");
        Files.writeString(file, """
                {"format": "layerlab-project", "version": 1, "name": "test",
                 "graph": %s,
                 "data": {"source": "xor", "params": {"samples": 200}, "validationSplit": 0.2, "seed": 1},
                 "training": {"optimizer": "adam", "learningRate": 0.02, "batchSize": 32, "epochs": 2, "shuffle": true, "seed": 3}}
                """.formatted(graphJson));
        return file;
    }

    @Test
    void checkPrintsTheShapeTableOfAValidProject() {
        Outcome o = run("check", sample("residual-mlp").toString());
        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).contains("Layer", "Output", "Parameters", "add", "2,274", "No problems found.");
    }

    @Test
    void checkNamesTheNodeAndTheProblemAndExitsOne() throws Exception {
        Path p = project("""
                {"nodes": [
                  {"id": "img", "type": "Input", "params": {"shape": [8, 8, 1]}},
                  {"id": "conv", "type": "Conv2D", "params": {"filters": 4}},
                  {"id": "dense", "type": "Dense", "params": {"units": 4}},
                  {"id": "out", "type": "Output", "params": {"units": 2}}],
                 "edges": [{"from": "img", "to": "conv"}, {"from": "conv", "to": "dense"}, {"from": "dense", "to": "out"}]}""");
        Outcome o = run("check", p.toString());
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.out()).contains("dense").contains("Flatten");
    }

    @Test
    void checkAsJsonListsLayersAndDiagnostics() throws Exception {
        Outcome o = run("check", sample("xor").toString(), "--json");
        JsonNode json = new ObjectMapper().readTree(o.out());
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("layers")).hasSizeGreaterThan(2);
        assertThat(json.get("diagnostics")).isEmpty();
    }

    @Test
    void everyKindOfBadProjectGetsOneClearMessageAndNoStackTrace() throws Exception {
        List<String[]> cases = List.of(
                new String[] {"{\"nodes\": [", "line"},
                new String[] {"""
                        {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [2]}}, {"id": "x", "type": "Dense3D"},
                          {"id": "out", "type": "Output"}], "edges": [{"from": "in", "to": "x"}, {"from": "x", "to": "out"}]}""",
                        "Dense3D"},
                new String[] {"""
                        {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [2]}}, {"id": "h", "type": "Dense", "params": {"units": -4}},
                          {"id": "out", "type": "Output"}], "edges": [{"from": "in", "to": "h"}, {"from": "h", "to": "out"}]}""",
                        "h.units"},
                new String[] {"""
                        {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [8, 8, 1]}}, {"id": "c", "type": "Conv2D", "params": {"kernel": [0, 3]}},
                          {"id": "f", "type": "Flatten"}, {"id": "out", "type": "Output"}],
                         "edges": [{"from": "in", "to": "c"}, {"from": "c", "to": "f"}, {"from": "f", "to": "out"}]}""",
                        "c.kernel"},
                new String[] {"""
                        {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [100000]}}, {"id": "huge", "type": "Dense", "params": {"units": 10000}},
                          {"id": "out", "type": "Output"}], "edges": [{"from": "in", "to": "huge"}, {"from": "huge", "to": "out"}]}""",
                        "GB"},
                new String[] {"""
                        {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [2]}}, {"id": "add", "type": "Add"},
                          {"id": "d1", "type": "Dense", "params": {"units": 2}}, {"id": "out", "type": "Output"}],
                         "edges": [{"from": "in", "to": "add"}, {"from": "add", "to": "d1"}, {"from": "d1", "to": "add", "toPort": 1},
                                   {"from": "d1", "to": "out"}]}""",
                        "loop"});
        for (String[] c : cases) {
            Path p = c[0].startsWith("{\"nodes\": [") && !c[0].contains("}") ? malformed() : project(c[0]);
            for (String command : List.of("check", "train")) {
                Outcome o = command.equals("check") ? run(command, p.toString()) : run(command, p.toString(), "--json");
                assertThat(o.exitCode()).as(command + " " + c[1]).isEqualTo(1);
                assertThat(o.out() + o.err()).as(command + " " + c[1]).containsIgnoringCase(c[1]).doesNotContain("\tat ");
            }
        }
    }

    private Path malformed() throws Exception {
        Path file = dir.resolve("broken.layerlab.json");
        Files.writeString(file, "{\"format\": \"layerlab-project\", \"version\": 1,\n \"graph\": {\"nodes\": [\n");
        return file;
    }

    @Test
    void trainWritesPureJsonAndTheModelHistoryAndChart() throws Exception {
        Path out = dir.resolve("run");
        Outcome o = run("train", sample("xor").toString(), "--epochs", "15", "--json", "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(o.out());
        for (String field : List.of("epochs", "iterations", "trainLoss", "valLoss", "valAccuracy", "parameters",
                "seconds", "samplesPerSecond", "diverged", "stopReason")) {
            assertThat(json.has(field)).as(field).isTrue();
        }
        assertThat(json.get("epochs").asInt()).isEqualTo(15);
        assertThat(json.get("stopReason").asText()).isEqualTo("completed");
        assertThat(json.get("valAccuracy").asDouble()).isGreaterThan(0.8);

        ComputationGraph restored = ModelSerializer.restoreComputationGraph(out.resolve("model.zip").toFile());
        assertThat(restored.numParams()).isEqualTo(json.get("parameters").asLong());
        DataNormalization normalizer = ModelSerializer.restoreNormalizerFromFile(out.resolve("model.zip").toFile());
        assertThat(normalizer).isNotNull();
        assertThat(Files.readAllLines(out.resolve("history.csv"))).hasSize(16);
        assertThat(ImageIO.read(out.resolve("loss.png").toFile()).getWidth()).isEqualTo(900);
    }

    @Test
    void aDivergingRunExitsOneWithTheHint() {
        Outcome o = run("train", sample("xor").toString(), "--epochs", "5", "--lr", "500", "--json");
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.out()).contains("\"diverged\":true", "\"stopReason\":\"diverged\"", "learning rate 500");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("train").exitCode()).isEqualTo(2);
        assertThat(run("train", sample("xor").toString(), "--epochs", "lots").exitCode()).isEqualTo(2);
        assertThat(run("train", sample("xor").toString(), "--epochs", "0").exitCode()).isEqualTo(2);
        assertThat(run("frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void helpListsTheSubcommands() {
        Outcome o = run("--help");
        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).contains("check", "train", "export", "bench");
        // Each command's line in the list is its description's first line: a whole sentence, not one cut off.
        String list = o.out().substring(o.out().indexOf("Commands:"), o.out().indexOf("Exit codes:"));
        for (String entry : list.split("\\R(?=  \\S)")) {
            if (entry.startsWith("Commands:")) continue;
            assertThat(entry.strip()).as(entry).endsWith(".");
        }
    }

    @Test
    void exportJsonIsDl4jsOwnConfiguration() throws Exception {
        Path file = dir.resolve("conf.json");
        Outcome o = run("export", sample("residual-mlp").toString(), "--format", "json", "--out", file.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        ComputationGraphConfiguration conf = ComputationGraphConfiguration.fromJson(Files.readString(file));
        assertThat(conf.getVertices()).containsKeys("stem", "add", "out");
    }

    @Test
    void exportWritesEveryFormat() throws Exception {
        for (String format : List.of("java", "keras", "svg", "png", "card")) {
            Path file = dir.resolve("Spiral." + Map.of("java", "java", "keras", "py", "svg", "svg", "png", "png", "card", "md").get(format));
            Outcome o = run("export", sample("spiral").toString(), "--format", format, "--out", file.toString());
            assertThat(o.exitCode()).as(format + ": " + o.err()).isZero();
            assertThat(Files.size(file)).as(format).isGreaterThan(200);
        }
        assertThat(Files.readString(dir.resolve("Spiral.java"))).contains("class Spiral ");
        assertThat(Files.readString(dir.resolve("Spiral.py"))).contains("keras");
        assertThat(ImageIO.read(dir.resolve("Spiral.png").toFile())).isNotNull();
    }

    @Test
    void anInvalidProjectWritesNothing() throws Exception {
        Path p = project("""
                {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [2]}}, {"id": "out", "type": "Output", "params": {"units": 5}}],
                 "edges": [{"from": "in", "to": "out"}]}""");
        Path out = dir.resolve("nothing");
        Outcome o = run("train", p.toString(), "--out", out.toString());
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.err()).contains("out").contains("units").contains("2 classes");
        assertThat(out).doesNotExist();
    }
}
