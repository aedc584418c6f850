package io.layerlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerlab.project.Project;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.ModelSummary;
import io.layerlab.shape.ShapeInference;
import io.layerlab.shape.ShapeReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code layerlab check PROJECT}: the shape table and every problem; exit 1 if the graph is invalid. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks a project: shapes, parameters and every problem.",
                "Prints output shape, parameters and multiply-adds per layer, totals, a memory estimate,",
                "and every problem found (exit code 1 if there is an error)."})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand private LayerLabCommand root;

    @Parameters(paramLabel = "PROJECT", description = "a *.layerlab.json file")
    private Path project;

    @Option(names = "--json", description = "print the result as one JSON object on stdout")
    private boolean json;

    @Override public Integer call() throws Exception {
        Project p = ProjectOption.read(project);
        ShapeReport report = ShapeInference.infer(p.graph());
        ModelSummary summary = ModelSummary.of(report, p.training().batchSize(), p.training().optimizer());
        PrintStream out = root.results();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report, summary)));
        } else {
            out.println(p.name() + " (" + project + ")");
            out.println(summary.toTable());
            if (report.diagnostics().isEmpty()) {
                out.println("No problems found.");
            } else {
                out.println(report.diagnostics().size() + (report.diagnostics().size() == 1 ? " problem:" : " problems:"));
                for (Diagnostic d : report.diagnostics()) out.println("  " + d);
            }
        }
        return report.hasErrors() ? CliException.FAILED : 0;
    }

    private static ObjectNode toJson(ShapeReport report, ModelSummary summary) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("valid", !report.hasErrors());
        root.put("parameters", summary.totalParams());
        root.put("multiplyAdds", summary.totalMultiplyAdds());
        root.put("memoryBytes", summary.memory().total());
        ArrayNode layers = root.putArray("layers");
        for (ModelSummary.Row r : summary.rows()) {
            ObjectNode l = layers.addObject();
            l.put("id", r.id());
            l.put("type", r.type());
            if (r.output() == null) l.putNull("outputShape");
            else r.output().toList().forEach(l.withArray("outputShape")::add);
            l.put("parameters", r.params());
            l.put("multiplyAdds", r.multiplyAdds());
        }
        ArrayNode problems = root.putArray("diagnostics");
        for (Diagnostic d : report.diagnostics()) {
            ObjectNode o = problems.addObject();
            o.put("severity", d.severity().name().toLowerCase());
            o.put("code", d.code().name());
            o.put("node", d.nodeId());
            o.put("parameter", d.param());
            o.put("message", d.message());
            o.put("hint", d.hint());
        }
        return root;
    }
}
