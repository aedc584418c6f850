package io.layerlab.cli;

import io.layerlab.shape.ShapeInferenceBenchmark;
import io.layerlab.train.TrainerBenchmark;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code layerlab bench}: the speed of the shape check and of our training loop against a plain
 * DL4J fit loop, measured side by side in one run. The last line is {@code ratio=X.XX}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures the shape check and the trainer against plain DL4J.",
                "Times the shape check on a generated 1,000-node graph, then trains an MLP 784-512-512-10",
                "(batch 128, random data) alternately through LayerLab's trainer (with an observer attached) and a",
                "plain DL4J fit loop. Prints samples/s and GFLOP/s of each; the last line is ratio=ours/plain."})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand private LayerLabCommand root;

    @Option(names = "--quick", description = "a few seconds instead of about a minute (less precise)")
    private boolean quick;

    @Option(names = "--rounds", paramLabel = "N", description = "measured pairs of rounds (default: 10, or 4 with --quick)")
    private Integer rounds;

    @Override public Integer call() {
        PrintStream out = root.results();
        ShapeInferenceBenchmark.Result shape = ShapeInferenceBenchmark.measureLayered(1000, 7, quick ? 200 : 2000, quick ? 51 : 501);
        out.println(shape);
        TrainerBenchmark.Settings s = quick ? TrainerBenchmark.Settings.quick() : TrainerBenchmark.Settings.standard();
        if (rounds != null) {
            if (rounds < 1) throw new CliException("--rounds must be at least 1, was " + rounds, 2);
            s = new TrainerBenchmark.Settings(s.batchesPerRound(), rounds, s.warmupRounds(), s.seed());
        }
        root.messages().println("training benchmark: " + s.rounds() + " pairs of rounds...");
        TrainerBenchmark.Result r = new TrainerBenchmark().run(s);
        r.lines().forEach(out::println);
        return 0;
    }
}
