package io.layerlab.cli;

import java.io.PrintStream;
import picocli.CommandLine.Command;

/** The root command: {@code layerlab <subcommand>}. Without a subcommand the app opens the designer instead. */
@Command(name = "layerlab", mixinStandardHelpOptions = true, version = "LayerLab 0.1.0",
        description = "Design, check, train and export neural networks (Deeplearning4j), headless.",
        subcommands = {CheckCommand.class, TrainCommand.class, SweepCommand.class, LrFindCommand.class,
                ExportCommand.class, PredictCommand.class, ImportCommand.class, BenchCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 invalid input (project, model or rows file) or failed training, 2 usage.",
                "Run without arguments to open the designer window."})
public final class LayerLabCommand implements Runnable {
    private final PrintStream results;
    private final PrintStream messages;

    LayerLabCommand(PrintStream results, PrintStream messages) {
        this.results = results;
        this.messages = messages;
    }

    /** Where results go (the real stdout). */
    PrintStream results() { return results; }

    /** Where progress and messages go (stderr). */
    PrintStream messages() { return messages; }

    @Override public void run() {
        new picocli.CommandLine(this).usage(results);
    }
}
