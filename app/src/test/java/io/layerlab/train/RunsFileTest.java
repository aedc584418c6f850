package io.layerlab.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerlab.project.Project;
import io.layerlab.project.ProjectFileException;
import io.layerlab.project.SampleProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RunsFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Project sample(String name) {
        SampleProjects samples = new SampleProjects();
        return samples.open(samples.find(name).orElseThrow());
    }

    /** A finished classifier run on the xor sample, with a learning-rate schedule and a confusion matrix. */
    private static RunRecord classification() {
        Project xor = sample("xor");
        TrainingSpec training = LearningRateSchedule.step(10, 0.5).applyTo(xor.training().withLearningRate(0.05));
        RunSetup setup = RunSetup.of(1, 0, xor, training, xor.data());
        RunHistory history = new RunHistory();
        for (int i = 0; i < 40; i++) {
            history.addIteration((float) (0.7 * Math.exp(-i / 12.0)) + 0.013f);
        }
        history.addEpoch(0.61, 0.64, 0.5, 0.05, 0.25);
        history.addEpoch(0.33, 0.35, 0.875, 0.05, 0.5);
        history.addEpoch(0.12, 0.15, 1.0, 0.025, 0.75);
        TrainingResult result = new TrainingResult(3, 40, 0.12, 0.15, 1.0, 3, 0.15, 33, 0.75, 1234.5,
                StopReason.COMPLETED, null, history);
        RunEvaluation matrix = new RunEvaluation.ConfusionMatrix("validation", List.of("false", "true"), new int[][]{{19, 1}, {2, 18}});
        return new RunRecord(setup, result, matrix);
    }

    /** A diverged regression run on the sine sample, renamed as a sweep names its runs, with predictions. */
    private static RunRecord regression() {
        Project sine = sample("regression-sine");
        RunSetup begun = RunSetup.of(2, 1, sine, sine.training(), sine.data());
        RunSetup setup = new RunSetup(begun.id(), "Run 2 (sweep lr 0.1 · batch 32)", begun.colourIndex(), begun.training(),
                begun.data(), 7, begun.nodes(), begun.edges(), begun.projectJson(), begun.startedAt());
        RunHistory history = new RunHistory();
        history.addIteration(0.9f);
        history.addIteration(4.5f);
        history.addIteration(Float.NaN);
        history.addEpoch(0.8, 0.85, Double.NaN, 0.1, 1.5);
        TrainingResult result = new TrainingResult(1, 3, 0.8, 0.85, null, 1, 0.85, 1201, 2.0, 640.0,
                StopReason.DIVERGED, "The loss became NaN: try a learning rate ten times smaller.", history);
        RunEvaluation predictions = new RunEvaluation.Predictions("training", List.of("y"),
                new float[]{0.25f, -0.5f, 1e-7f}, new float[]{0.3f, -0.45f, 2.5e-3f});
        return new RunRecord(setup, result, predictions);
    }

    private static void assertSameRun(RunRecord actual, RunRecord expected) {
        RunSetup a = actual.setup();
        RunSetup e = expected.setup();
        assertThat(a.id()).isEqualTo(e.id());
        assertThat(a.name()).isEqualTo(e.name());
        assertThat(a.colourIndex()).isEqualTo(e.colourIndex());
        assertThat(a.training()).isEqualTo(e.training());
        assertThat(a.data()).isEqualTo(e.data());
        assertThat(a.graphVersion()).isEqualTo(e.graphVersion());
        assertThat(a.nodes()).isEqualTo(e.nodes());
        assertThat(a.edges()).isEqualTo(e.edges());
        assertThat(a.projectJson()).isEqualTo(e.projectJson());
        assertThat(a.startedAt()).isEqualTo(e.startedAt());

        assertThat(resultFields(actual.result())).isEqualTo(resultFields(expected.result()));
        assertSameHistory(actual.history(), expected.history());

        RunEvaluation ae = actual.evaluation();
        RunEvaluation ee = expected.evaluation();
        if (ee == null) {
            assertThat(ae).isNull();
        } else if (ee instanceof RunEvaluation.ConfusionMatrix m) {
            assertThat(ae).isInstanceOfSatisfying(RunEvaluation.ConfusionMatrix.class, read -> {
                assertThat(read.part()).isEqualTo(m.part());
                assertThat(read.classNames()).isEqualTo(m.classNames());
                assertThat(read.counts()).isDeepEqualTo(m.counts());
            });
        } else {
            RunEvaluation.Predictions p = (RunEvaluation.Predictions) ee;
            assertThat(ae).isInstanceOfSatisfying(RunEvaluation.Predictions.class, read -> {
                assertThat(read.part()).isEqualTo(p.part());
                assertThat(read.targetNames()).isEqualTo(p.targetNames());
                assertThat(read.truth()).containsExactly(p.truth());
                assertThat(read.predicted()).containsExactly(p.predicted());
            });
        }
    }

    /** Every field but the history, boxed: equal Doubles have the same bits, so NaN equals NaN and null stays null. */
    private static List<Object> resultFields(TrainingResult r) {
        return Arrays.asList(r.epochs(), r.iterations(), r.trainLoss(), r.valLoss(), r.valAccuracy(), r.bestEpoch(), r.bestValLoss(),
                r.parameters(), r.seconds(), r.samplesPerSecond(), r.stopReason(), r.hint());
    }

    /** Boxed comparisons: equal means the same bits (NaN included), so -0.0 and 0.0 would differ. */
    private static void assertSameHistory(RunHistory actual, RunHistory expected) {
        assertThat(actual.iterationLosses()).containsExactly(expected.iterationLosses());
        assertThat(actual.trainLosses()).containsExactly(expected.trainLosses());
        assertThat(actual.valLosses()).containsExactly(expected.valLosses());
        assertThat(actual.valAccuracies()).containsExactly(expected.valAccuracies());
        assertThat(actual.learningRates()).containsExactly(expected.learningRates());
        assertThat(actual.epochSeconds()).containsExactly(expected.epochSeconds());
    }

    private static Path twoRuns(Path folder) throws Exception {
        Path file = folder.resolve("xor.layerlab.runs.json");
        RunsFile.write(List.of(classification(), regression()), file);
        return file;
    }

    @Test
    void aClassifierRunAndARegressionRunComeBackWithEveryField(@TempDir Path folder) throws Exception {
        RunRecord first = classification();
        RunRecord second = regression();
        Path file = folder.resolve("xor.layerlab.runs.json");

        RunsFile.write(List.of(first, second), file);
        List<RunRecord> read = RunsFile.read(file);

        assertThat(read).hasSize(2);
        assertSameRun(read.get(0), first);
        assertSameRun(read.get(1), second);
        assertThat(read.get(0).setup().training().extras()).as("the learning-rate schedule").isNotEmpty();
        assertThat(Files.readString(file)).as("the project embedded as an object, not as a string")
                .contains("\"project\": {").doesNotContain("\\\"format\\\"");
        assertThat(Files.list(folder)).as("no temporary file left").containsExactly(file);
    }

    @Test
    void notANumberAndInfinitiesComeBackAsTheyWereAndTheFileStaysStrictJson(@TempDir Path folder) throws Exception {
        RunHistory history = new RunHistory();
        float[] losses = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE, 0.1f};
        for (float loss : losses) {
            history.addIteration(loss);
        }
        history.addEpoch(Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, 0.01, 1.0);
        history.addEpoch(Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 2.0);
        RunRecord base = regression();
        TrainingResult diverged = new TrainingResult(2, 7, Double.NaN, Double.POSITIVE_INFINITY, null, 0, null, 1201,
                Double.POSITIVE_INFINITY, Double.NaN, StopReason.DIVERGED, "diverged", history);
        RunRecord run = new RunRecord(base.setup(), diverged, new RunEvaluation.Predictions("validation", List.of("y"),
                new float[]{Float.NaN, 1f}, new float[]{Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY}));
        Path file = folder.resolve("diverged.layerlab.runs.json");

        RunsFile.write(List.of(run), file);
        RunRecord read = RunsFile.read(file).get(0);

        assertSameRun(read, run);
        assertThat(read.result().trainLoss()).isNaN();
        assertThat(read.result().valAccuracy()).isNull();
        assertThat(read.history().iterationLosses()).containsExactly(losses);
        String text = Files.readString(file);
        assertThat(text).contains("\"NaN\"", "\"Infinity\"", "\"-Infinity\"");
        JSON.readTree(text); // a bare NaN or Infinity would be refused here
    }

    @Test
    void aHundredThousandIterationLossesComeBackBitForBit(@TempDir Path folder) throws Exception {
        Random random = new Random(11);
        RunHistory history = new RunHistory();
        for (int i = 0; i < 100_000; i++) {
            history.addIteration(i % 2 == 0 ? Float.intBitsToFloat(random.nextInt()) : (float) Math.exp(-i / 20_000.0) * random.nextFloat());
        }
        history.addEpoch(0.5, 0.6, Double.NaN, 0.01, 1.0);
        RunRecord base = regression();
        RunRecord run = new RunRecord(base.setup(), new TrainingResult(1, 100_000, 0.5, 0.6, null, 1, 0.6, 1201, 1.0, 1e5,
                StopReason.COMPLETED, null, history), null);
        Path file = folder.resolve("long.layerlab.runs.json");
        RunsFile.write(List.of(run), file);
        RunRecord read = RunsFile.read(file).get(0);

        float[] expected = history.iterationLosses();
        float[] actual = read.history().iterationLosses();
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(actual[i]) != Float.floatToIntBits(expected[i])) {
                throw new AssertionError("iteration " + i + ": wrote " + expected[i] + " (0x" + Integer.toHexString(Float.floatToIntBits(expected[i]))
                        + "), read " + actual[i] + " (0x" + Integer.toHexString(Float.floatToIntBits(actual[i])) + ")");
            }
        }
        assertThat(read.evaluation()).isNull();
    }

    @Test
    void theRunsFileSitsBesideTheProjectFile() {
        Path folder = Path.of("projects", "mnist");
        assertThat(RunsFile.besideProject(folder.resolve("digits.layerlab.json"))).isEqualTo(folder.resolve("digits.layerlab.runs.json"));
        assertThat(RunsFile.besideProject(folder.resolve("digits.json"))).isEqualTo(folder.resolve("digits.json.runs.json"));
        assertThat(RunsFile.besideProject(folder.resolve("digits"))).isEqualTo(folder.resolve("digits.runs.json"));
        assertThat(RunsFile.besideProject(Path.of("xor.layerlab.json"))).isEqualTo(Path.of("xor.layerlab.runs.json"));
    }

    @Test
    void writingNoRunsDeletesTheFile(@TempDir Path folder) throws Exception {
        Path file = twoRuns(folder);
        assertThat(file).exists();

        RunsFile.write(List.of(), file);

        assertThat(file).doesNotExist();
        RunsFile.write(List.of(), file); // nothing to delete is fine
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aMissingFileHoldsNoRuns(@TempDir Path folder) throws Exception {
        assertThat(RunsFile.read(folder.resolve("never-trained.layerlab.runs.json"))).isEmpty();
    }

    @Test
    void aTruncatedFileIsRefusedNamingTheFileAndTheRunItEndsIn(@TempDir Path folder) throws Exception {
        Path file = twoRuns(folder);
        String text = Files.readString(file);
        int secondRunsHistory = text.indexOf("\"iterationLoss\"", text.indexOf("\"Run 2 (sweep"));
        Files.writeString(file, text.substring(0, secondRunsHistory + "\"iterationLoss\": [ 0.9, 4".length()));

        ProjectFileException e = catchThrowableOfType(() -> RunsFile.read(file), ProjectFileException.class);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(file.toString()).contains("runs[1].result.history.iterationLoss").contains("cut off");
        assertThat(e.jsonPath()).hasValue("runs[1].result.history.iterationLoss");
        assertThat(e.line()).isPositive();
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedWithItsPath(@TempDir Path folder) throws Exception {
        Path file = twoRuns(folder);
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) root.get("runs").get(1).get("result")).put("epochs", "twelve");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));

        ProjectFileException e = catchThrowableOfType(() -> RunsFile.read(file), ProjectFileException.class);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(file.toString())
                .contains("runs[1].result.epochs must be a whole number, 0 or more, was the text \"twelve\"");
        assertThat(e.line()).isPositive();
    }

    @Test
    void aProblemInARunsProjectIsReportedAtItsPlaceInTheRunsFile(@TempDir Path folder) throws Exception {
        Path file = twoRuns(folder);
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) root.get("runs").get(0).get("project").get("training")).put("optimizer", "adamw");
        Files.writeString(file, JSON.writeValueAsString(root));

        ProjectFileException e = catchThrowableOfType(() -> RunsFile.read(file), ProjectFileException.class);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(file.toString()).contains("runs[0].project.training.optimizer is \"adamw\"; valid optimizers");
    }

    @Test
    void aFileOfAnotherFormatOrANewerVersionIsRefusedSayingWhatItIs(@TempDir Path folder) throws Exception {
        Path project = folder.resolve("xor.layerlab.runs.json");
        Files.writeString(project, "{\"format\": \"layerlab-project\", \"version\": 1, \"graph\": {}}");
        ProjectFileException wrongFormat = catchThrowableOfType(() -> RunsFile.read(project), ProjectFileException.class);
        assertThat(wrongFormat).isNotNull();
        assertThat(wrongFormat.getMessage()).contains(project.toString())
                .contains("format is the text \"layerlab-project\", not \"layerlab-runs\": this is a project file");

        Path newer = folder.resolve("newer.layerlab.runs.json");
        Files.writeString(newer, "{\"format\": \"layerlab-runs\", \"version\": 2, \"runs\": {\"changed\": true}}");
        ProjectFileException tooNew = catchThrowableOfType(() -> RunsFile.read(newer), ProjectFileException.class);
        assertThat(tooNew).isNotNull();
        assertThat(tooNew.getMessage()).contains(newer.toString())
                .contains("newer LayerLab (runs format version 2)").contains("reads runs format version 1");
    }
}
