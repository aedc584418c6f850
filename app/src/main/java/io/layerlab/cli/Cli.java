package io.layerlab.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Runs the command line. Results go to the real standard output; everything else (progress,
 * warnings, and whatever DL4J/SameDiff print on System.out) goes to standard error, so
 * {@code --json} output can be piped into another program.
 */
public final class Cli {
    private Cli() { }

    public static int run(String... args) {
        PrintStream results = System.out;
        System.setOut(System.err);
        try {
            return commandLine(results, System.err).execute(args);
        } finally {
            results.flush();
            System.setOut(results);
        }
    }

    static CommandLine commandLine(PrintStream results, PrintStream messages) {
        CommandLine cl = new CommandLine(new LayerLabCommand(results, messages));
        cl.setOut(new PrintWriter(results, true));
        cl.setErr(new PrintWriter(messages, true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof CliException ce) {
                messages.println("layerlab " + cmd.getCommandName() + ": " + ce.getMessage());
                return ce.exitCode();
            }
            messages.println("layerlab " + cmd.getCommandName() + ": unexpected error: " + ex);
            ex.printStackTrace(messages);
            return CliException.FAILED;
        });
        return cl;
    }
}
