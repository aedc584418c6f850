package io.layerlab.cli;

import io.layerlab.compile.CompileException;
import io.layerlab.compile.CompiledModel;
import io.layerlab.compile.GraphCompiler;
import io.layerlab.project.AtomicFile;
import io.layerlab.project.Project;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code layerlab export PROJECT --format json --out FILE}: the network in another form. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports the network: json = DL4J's ComputationGraphConfiguration JSON.")
final class ExportCommand implements Callable<Integer> {
    enum Format { json }

    @ParentCommand private LayerLabCommand root;

    @Parameters(paramLabel = "PROJECT", description = "a *.layerlab.json file")
    private Path project;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "one of: ${COMPLETION-CANDIDATES}")
    private Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write (default: stdout)")
    private Path out;

    @Override public Integer call() throws Exception {
        Project p = ProjectOption.read(project);
        String text;
        try {
            CompiledModel model = GraphCompiler.compile(p.graph(), p.training());
            text = model.toJson();
        } catch (CompileException e) {
            throw new CliException(project + " cannot be exported:\n" + TrainCommand.describe(e));
        }
        if (out == null) {
            root.results().println(text);
        } else {
            AtomicFile.write(out, text.getBytes(StandardCharsets.UTF_8));
            root.messages().println("Wrote " + out);
        }
        return 0;
    }
}
