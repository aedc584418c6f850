package io.layerlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerlab.compile.CompileException;
import io.layerlab.data.DataException;
import io.layerlab.export.LrRangeChart;
import io.layerlab.project.Project;
import io.layerlab.train.sweep.LearningRates;
import io.layerlab.train.sweep.LrRangeResult;
import io.layerlab.train.sweep.LrRangeTest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code layerlab lr-find PROJECT}: the learning-rate range test and the rate it suggests. */
@Command(name = "lr-find", mixinStandardHelpOptions = true,
        description = {"Learning-rate range test: suggests a learning rate for the project.",
                "Trains once while the learning rate grows exponentially, iteration by iteration, and suggests a "
                        + "tenth of the rate where the smoothed loss was lowest. Prints the suggested rate on stdout. "
                        + "With --out DIR writes DIR/lr-find.png (loss against learning rate, the suggestion marked) "
                        + "and DIR/lr-find.csv (one row per iteration)."})
final class LrFindCommand implements Callable<Integer> {
    @ParentCommand private LayerLabCommand root;

    @Parameters(paramLabel = "PROJECT", description = "a *.layerlab.json file")
    private Path project;

    @Option(names = "--from", paramLabel = "X", description = "first learning rate (default: 1e-6)")
    private Double from;

    @Option(names = "--to", paramLabel = "X", description = "last learning rate (default: 10)")
    private Double to;

    @Option(names = "--iterations", paramLabel = "N", description = "length of the ramp (default: 600)")
    private Integer iterations;

    @Option(names = "--batch", paramLabel = "N", description = "batch size instead of the project's")
    private Integer batch;

    @Option(names = "--out", paramLabel = "DIR", description = "folder for lr-find.png and lr-find.csv")
    private Path out;

    @Option(names = "--json", description = "print the result as one JSON object on stdout")
    private boolean json;

    @Override public Integer call() throws IOException {
        Project p = ProjectOption.read(project);
        LrRangeTest.Settings settings = settings();
        PrintStream messages = root.messages();
        messages.printf(Locale.ROOT, "Range test on %s: learning rate %s to %s over %d iterations...%n", project.getFileName(),
                LearningRates.format(settings.minRate()), LearningRates.format(settings.maxRate()), settings.iterations());
        LrRangeResult result;
        try {
            result = new LrRangeTest(p, settings).run();
        } catch (CompileException e) {
            throw new CliException(project + " cannot be trained:\n" + TrainCommand.describe(e));
        } catch (DataException e) {
            throw new CliException(project + ": " + e.getMessage());
        }
        if (out != null) {
            new LrRangeChart(result, p.name()).writePng(out.resolve("lr-find.png"), 900, 560);
            writeCsv(result, out.resolve("lr-find.csv"));
        }
        PrintStream stdout = root.results();
        if (json) {
            stdout.println(new ObjectMapper().writeValueAsString(toJson(result)));
        } else {
            stdout.println(result.explanation());
            stdout.printf(Locale.ROOT, "%d iterations (%s), %s, batch %d.%n", result.points().size(),
                    result.ending().name().toLowerCase(Locale.ROOT), result.optimizer(), result.batchSize());
            if (out != null) stdout.println("Wrote " + out.resolve("lr-find.png") + " and lr-find.csv");
        }
        return Double.isFinite(result.suggestedRate()) && !result.neverFell() ? 0 : CliException.FAILED;
    }

    private LrRangeTest.Settings settings() {
        LrRangeTest.Settings s = LrRangeTest.Settings.defaults();
        try {
            s = s.withRange(from != null ? from : s.minRate(), to != null ? to : s.maxRate());
            if (iterations != null) s = s.withIterations(iterations);
            if (batch != null) s = s.withBatchSize(batch);
            return s;
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 2);
        }
    }

    private static ObjectNode toJson(LrRangeResult r) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        putNumber(o, "suggestedRate", r.suggestedRate());
        putNumber(o, "minLossRate", r.minLossRate());
        putNumber(o, "minLoss", r.minLoss());
        o.put("neverFell", r.neverFell());
        o.put("explanation", r.explanation());
        o.put("ending", r.ending().name().toLowerCase(Locale.ROOT));
        o.put("iterations", r.points().size());
        o.put("optimizer", r.optimizer());
        o.put("batchSize", r.batchSize());
        ArrayNode points = o.putArray("points");
        for (int i = 0; i < r.points().size(); i++) {
            LrRangeTest.Point pt = r.points().get(i);
            ObjectNode n = points.addObject();
            n.put("learningRate", pt.learningRate());
            n.put("loss", pt.loss());
            putNumber(n, "trend", r.trend()[i]);
        }
        return o;
    }

    private static void writeCsv(LrRangeResult r, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("iteration,learningRate,loss,runningAverage,trend\n");
            for (int i = 0; i < r.points().size(); i++) {
                LrRangeTest.Point pt = r.points().get(i);
                w.write(pt.iteration() + "," + pt.learningRate() + "," + pt.loss() + "," + pt.smoothedLoss() + ","
                        + r.trend()[i] + "\n");
            }
        }
    }

    private static void putNumber(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) o.put(name, v); else o.putNull(name);
    }
}
