package io.layerlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerlab.data.Task;
import io.layerlab.model.CsvRows;
import io.layerlab.model.ModelFileException;
import io.layerlab.model.ModelFiles;
import io.layerlab.model.ModelInfo;
import io.layerlab.model.Predictions;
import io.layerlab.model.Predictor;
import io.layerlab.model.RowsFileException;
import io.layerlab.model.TrainedModel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code layerlab predict MODEL.zip --input ROWS.csv}: a trained model's predictions for rows of values. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Prints a trained model's predictions for rows of a CSV file.",
                "One example per line, numbers separated by commas, in the units of the training data (the "
                        + "model's normaliser is applied). Classification: the class and each class's probability; "
                        + "regression: the predicted values. Images are rows of h*w*c values (channels last), "
                        + "sequences rows of t*f values (step by step)."})
final class PredictCommand implements Callable<Integer> {
    @ParentCommand private LayerLabCommand root;

    @Parameters(paramLabel = "MODEL", description = "a DL4J model zip (e.g. written by layerlab train --out)")
    private Path modelFile;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV file of rows to predict")
    private Path input;

    @Option(names = "--header", description = "the first line of the CSV names the columns")
    private boolean header;

    @Option(names = "--json", description = "print one JSON object instead of CSV")
    private boolean json;

    @Override public Integer call() throws Exception {
        Predictor predictor;
        CsvRows rows;
        Predictions predictions;
        try {
            TrainedModel model = ModelFiles.load(modelFile);
            predictor = Predictor.of(model);
            rows = CsvRows.read(input, header, predictor.valuesPerRow());
            predictions = predictor.predict(rows.values());
        } catch (ModelFileException e) {
            throw new CliException(e.getMessage());
        } catch (RowsFileException e) {
            throw new CliException(e.getMessage() + (e.firstLineMayBeHeader() ? "; if line 1 names the columns, add --header" : ""));
        }
        PrintStream out = root.results();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(toJson(predictor, predictions)));
        } else {
            out.print(toCsv(predictions));
        }
        out.flush();
        return 0;
    }

    static String toCsv(Predictions p) {
        StringBuilder sb = new StringBuilder();
        List<String> columns = new ArrayList<>(List.of("row"));
        boolean classes = p.task() == Task.CLASSIFICATION;
        if (classes) {
            columns.add("class");
            if (!p.names().isEmpty()) columns.add("label");
            for (int i = 0; i < p.width(); i++) columns.add("p_" + (p.names().isEmpty() ? String.valueOf(i) : p.name(i)));
        } else {
            for (int i = 0; i < p.width(); i++) columns.add(p.names().isEmpty() ? (p.width() == 1 ? "value" : "value_" + i) : p.name(i));
        }
        sb.append(String.join(",", columns.stream().map(PredictCommand::csvCell).toList())).append('\n');
        for (int r = 0; r < p.size(); r++) {
            sb.append(r + 1);
            if (classes) {
                int c = p.predictedClass(r);
                sb.append(',').append(c);
                if (!p.names().isEmpty()) sb.append(',').append(csvCell(p.name(c)));
            }
            for (float v : p.outputs()[r]) sb.append(',').append(v);
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String csvCell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) return "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }

    private ObjectNode toJson(Predictor predictor, Predictions p) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("model", modelFile.getFileName().toString());
        o.put("project", predictor.model().info().map(ModelInfo::project).orElse(null));
        boolean classes = p.task() == Task.CLASSIFICATION;
        o.put("task", classes ? "classification" : "regression");
        ArrayNode names = o.putArray(classes ? "classes" : "targets");
        p.names().forEach(names::add);
        ArrayNode predictions = o.putArray("predictions");
        for (int r = 0; r < p.size(); r++) {
            ObjectNode row = predictions.addObject();
            row.put("row", r + 1);
            if (classes) {
                int c = p.predictedClass(r);
                row.put("class", c);
                if (!p.names().isEmpty()) row.put("label", p.name(c));
            }
            ArrayNode values = row.putArray(classes ? "probabilities" : "values");
            for (float v : p.outputs()[r]) values.add(v);
        }
        return o;
    }
}
