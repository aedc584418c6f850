package io.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code layerlab sweep} and {@code layerlab lr-find} as a script or a person uses them. */
class SweepCliTest {
    @TempDir Path dir;

    private record Outcome(int exitCode, String out, String err) { }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String sample(String name) {
        return Path.of("..", "sample-projects", name + ".layerlab.json").toString();
    }

    private Path tinyXor() throws Exception {
        Path file = dir.resolve("xor.layerlab.json");
        Files.writeString(file, """
                {"format": "layerlab-project", "version": 1, "name": "tiny xor",
                 "graph": {"nodes": [
                   {"id": "in", "type": "Input", "params": {"shape": [2]}},
                   {"id": "hidden", "type": "Dense", "params": {"units": 8, "activation": "tanh"}},
                   {"id": "out", "type": "Output", "params": {"units": 2, "activation": "softmax", "loss": "mcxent"}}],
                  "edges": [{"from": "in", "to": "hidden"}, {"from": "hidden", "to": "out"}]},
                 "data": {"source": "xor", "params": {"samples": 80}, "validationSplit": 0.25, "seed": 1},
                 "training": {"optimizer": "adam", "learningRate": 0.02, "batchSize": 16, "epochs": 2, "shuffle": true, "seed": 3}}
                """);
        return file;
    }

    private static JsonNode json(Outcome o) throws Exception {
        assertThat(o.exitCode()).as(o.err()).isZero();
        return new ObjectMapper().readTree(o.out());
    }

    private static Map<Double, JsonNode> runsByRate(JsonNode sweep) {
        Map<Double, JsonNode> runs = new HashMap<>();
        for (JsonNode r : sweep.get("runs")) runs.put(r.get("learningRate").asDouble(), r);
        return runs;
    }

    /** The test: the order a learner should see, and the range test agreeing with the sweep. */
    @Test
    void onTheSpiralSampleRate10DivergesRate1e5BarelyLearnsAMiddleRateLearnsAndTheRangeTestAgrees() throws Exception {
        Path out = dir.resolve("sweep");
        JsonNode sweep = json(run("sweep", sample("spiral"), "--lr", "1e-5,0.01,0.03,10", "--batch", "32",
                "--epochs", "15", "--json", "--out", out.toString()));

        Map<Double, JsonNode> runs = runsByRate(sweep);
        assertThat(runs.get(10.0).get("diverged").asBoolean()).isTrue();
        assertThat(runs.get(1e-5).get("diverged").asBoolean()).isFalse();
        assertThat(runs.get(1e-5).get("bestAccuracy").asDouble()).isLessThan(0.7);
        double middle = Math.max(runs.get(0.01).get("bestAccuracy").asDouble(), runs.get(0.03).get("bestAccuracy").asDouble());
        assertThat(middle).isGreaterThanOrEqualTo(0.95);
        List<String> observations = StreamSupport.stream(sweep.get("observations").spliterator(), false)
                .map(o -> o.get("kind").asText() + ": " + o.get("text").asText()).toList();
        assertThat(observations).anySatisfy(o -> assertThat(o).startsWith("diverged: Diverged: lr 10 · batch 32"));
        assertThat(observations).anySatisfy(o -> assertThat(o).startsWith("too_slow: Too slow to learn in 15 epochs: lr 1e-5 · batch 32"));

        BufferedImage curves = ImageIO.read(out.resolve("sweep-loss.png").toFile());
        BufferedImage heatmap = ImageIO.read(out.resolve("heatmap.png").toFile());
        assertThat(curves.getWidth()).isEqualTo(1000);
        assertThat(heatmap.getWidth()).isEqualTo(820);
        assertThat(Files.readAllLines(out.resolve("runs.csv"))).hasSize(1 + 4).first().asString().startsWith("run,learningRate,batchSize");
        int epochs = StreamSupport.stream(sweep.get("runs").spliterator(), false).mapToInt(r -> r.get("epochs").asInt()).sum();
        assertThat(Files.readAllLines(out.resolve("epochs.csv"))).hasSize(1 + epochs);

        double best = StreamSupport.stream(sweep.get("combinations").spliterator(), false)
                .filter(c -> c.get("label").asText().equals(sweep.get("best").asText()))
                .findFirst().orElseThrow().get("learningRate").asDouble();
        assertThat(best).isIn(0.01, 0.03);
        JsonNode lrFind = json(run("lr-find", sample("spiral"), "--json", "--out", out.toString()));
        assertThat(lrFind.get("suggestedRate").asDouble()).as(lrFind.get("explanation").asText())
                .isBetween(best / 10, best * 10);
        assertThat(ImageIO.read(out.resolve("lr-find.png").toFile())).isNotNull();
    }

    @Test
    void theTableListsEveryRunTheObservationsAndTheTotalTime() throws Exception {
        Outcome o = run("sweep", tinyXor().toString(), "--lr", "0.01,0.1", "--batch", "16", "--sequential");

        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("final val loss", "best val loss", "val acc", "status")
                .contains("0.01", "0.1", "completed")
                .contains("- Lowest final validation loss:")
                .containsPattern("2 runs in [0-9.]+ s, 1 at a time \\([0-9]+ native threads? each\\)\\.");
        assertThat(o.err()).contains("[1/2] lr 0.01 · batch 16: completed", "[2/2] lr 0.1 · batch 16: completed");
    }

    @Test
    void aLogRangeOfRatesCanStandForAList() throws Exception {
        JsonNode sweep = json(run("sweep", tinyXor().toString(), "--lr-range", "0.001:0.1:3", "--epochs", "1", "--json"));

        assertThat(sweep.get("runs").findValues("learningRate")).extracting(JsonNode::asDouble).containsExactly(0.001, 0.01, 0.1);
        assertThat(sweep.get("epochs").asInt()).isEqualTo(1);
    }

    @Test
    void conflictingOrMalformedOptionsAreUsageErrorsThatSayWhatIsValid() throws Exception {
        String p = tinyXor().toString();
        Outcome both = run("sweep", p, "--lr", "0.01", "--lr-range", "1e-4:1:5");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("either --lr or --lr-range");

        Outcome range = run("sweep", p, "--lr-range", "1e-4:1");
        assertThat(range.exitCode()).isEqualTo(2);
        assertThat(range.err()).contains("FROM:TO:COUNT", "1e-4:1:5");

        Outcome zero = run("sweep", p, "--lr", "0.01,0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("learning rate 0.0 is not valid");

        Outcome node = run("sweep", p, "--activation", "hiden=relu,tanh");
        assertThat(node.exitCode()).isEqualTo(2);
        assertThat(node.err()).contains("no node 'hiden'", "hidden, out");

        Outcome workers = run("sweep", p, "--sequential", "--parallel", "2");
        assertThat(workers.exitCode()).isEqualTo(2);
        assertThat(workers.err()).contains("either --sequential or --parallel");

        Outcome ramp = run("lr-find", p, "--from", "1", "--to", "0.1");
        assertThat(ramp.exitCode()).isEqualTo(2);
        assertThat(ramp.err()).contains("highest rate must be above its lowest rate 1");
    }
}
