package io.layerlab.cli;

import io.layerlab.compile.CompileException;
import io.layerlab.compile.GraphCompiler;
import io.layerlab.export.DiagramExporter;
import io.layerlab.export.ExportException;
import io.layerlab.export.JavaSourceExporter;
import io.layerlab.export.KerasScriptExporter;
import io.layerlab.export.ModelCardExporter;
import io.layerlab.project.AtomicFile;
import io.layerlab.project.Project;
import io.layerlab.shape.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code layerlab export PROJECT --format F [--out FILE]}: the network in another form. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports the network as code, a diagram or a model card.",
                "Formats: DL4J Java source (java), a tf.keras script (keras), DL4J's configuration JSON (json),",
                "a diagram (svg, png) or a Markdown model card (card)."})
final class ExportCommand implements Callable<Integer> {
    enum Format { java, keras, json, svg, png, card }

    @ParentCommand private LayerLabCommand root;

    @Parameters(paramLabel = "PROJECT", description = "a *.layerlab.json file")
    private Path project;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "one of: ${COMPLETION-CANDIDATES}")
    private Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write (default: stdout; required for png)")
    private Path out;

    @Override public Integer call() throws Exception {
        Project p = ProjectOption.read(project);
        try {
            if (format == Format.png) {
                if (out == null) throw new CliException("--format png needs --out FILE.png", 2);
                new DiagramExporter().write(p, out, DiagramExporter.Format.PNG);
                root.messages().println("Wrote " + out);
                return 0;
            }
            String text = switch (format) {
                case json -> GraphCompiler.compile(p.graph(), p.training()).toJson();
                case java -> out == null ? new JavaSourceExporter().export(p)
                        : new JavaSourceExporter().export(p, javaClassName(p, out));
                case keras -> new KerasScriptExporter().export(p);
                case svg -> new DiagramExporter().svg(p);
                case card -> new ModelCardExporter().export(p);
                case png -> throw new IllegalStateException();
            };
            if (out == null) {
                root.results().println(text);
            } else {
                AtomicFile.write(out, text.getBytes(StandardCharsets.UTF_8));
                root.messages().println("Wrote " + out);
            }
            return 0;
        } catch (CompileException e) {
            throw new CliException(project + " cannot be exported:\n" + TrainCommand.describe(e));
        } catch (ExportException e) {
            StringBuilder sb = new StringBuilder(project + " cannot be exported:");
            for (Diagnostic d : e.problems()) sb.append("\n  ").append(d);
            throw new CliException(sb.toString());
        }
    }

    /** A Java file must hold the class of its own name: MyNet.java gets class MyNet. */
    private static String javaClassName(Project p, Path out) {
        String file = out.getFileName().toString();
        if (file.endsWith(".java")) {
            String name = file.substring(0, file.length() - 5);
            if (javax.lang.model.SourceVersion.isName(name)) return name;
        }
        return JavaSourceExporter.className(p);
    }
}
