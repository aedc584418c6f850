package io.layerlab.train;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerlab.project.Project;
import io.layerlab.project.ProjectFileException;
import io.layerlab.project.ProjectFormat;
import io.layerlab.project.ProjectReader;
import io.layerlab.project.ProjectWriter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.layerlab.train.RunsFile.FORMAT_NAME;
import static io.layerlab.train.RunsFile.VERSION;

/**
 * Reads a {@link RunsFile} and checks it: the format is described there; a problem is reported
 * with the file, the line and column and the JSON path of the value at fault.
 */
final class RunsFileReader {
    private static final String EXAMPLE = "{\"format\": \"" + FORMAT_NAME + "\", \"version\": " + VERSION + ", \"runs\": [...]}";
    private static final String NUMBER = "a number, or \"NaN\", \"Infinity\" or \"-Infinity\"";

    private static final ObjectMapper JSON = RunsFileJson.MAPPER;

    private RunsFileReader() {
    }

    /** See {@link RunsFile#read}. */
    static List<RunRecord> read(Path file) throws IOException, ProjectFileException {
        String source = file.toString();
        // Two passes: the first checks the syntax and what the file says it is, so that another
        // file (or a newer format) is refused as such, not for the first field it does not match.
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            checkHeader(p, source);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (StreamReadException e) {
            throw syntaxProblem(source, e);
        }
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            return new Parse(p, source).runs();
        } catch (StreamReadException e) {
            throw syntaxProblem(source, e);
        }
    }

    /** First pass: the whole file is valid JSON, one object, saying it is a runs file of a version this LayerLab reads. */
    private static void checkHeader(JsonParser p, String source) throws IOException, ProjectFileException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new ProjectFileException(source, null, 0, 0, "is empty; a runs file holds one JSON object " + EXAMPLE);
        }
        if (first != JsonToken.START_OBJECT) {
            throw new ProjectFileException(source, null, 0, 0, "does not hold a JSON object but " + describe(p)
                    + "; a runs file is one object " + EXAMPLE);
        }
        boolean hasFormat = false;
        boolean hasVersion = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("format")) {
                checkFormat(p, source);
                hasFormat = true;
            } else if (field.equals("version")) {
                checkVersion(p, source);
                hasVersion = true;
            } else {
                p.skipChildren();
            }
        }
        if (p.nextToken() != null) {
            throw new ProjectFileException(source, null, line(p.currentTokenLocation()), column(p.currentTokenLocation()),
                    "malformed JSON: there is more after the closing } of the runs; a runs file holds exactly one JSON object");
        }
        if (!hasFormat) {
            throw new ProjectFileException(source, null, 0, 0, "is not a LayerLab runs file: it has no \"format\" field (a runs file is "
                    + EXAMPLE + ")");
        }
        if (!hasVersion) {
            throw new ProjectFileException(source, null, 0, 0, "has no \"version\" field; a LayerLab runs file says which format "
                    + "version it uses, e.g. \"version\": " + VERSION);
        }
    }

    private static void checkFormat(JsonParser p, String source) throws IOException, ProjectFileException {
        if (p.currentToken() == JsonToken.VALUE_STRING && p.getText().equals(FORMAT_NAME)) {
            return;
        }
        String what = p.currentToken() == JsonToken.VALUE_STRING && p.getText().equals(ProjectFormat.FORMAT_NAME)
                ? "this is a project file, not the runs saved beside one"
                : "this is not a LayerLab runs file, which starts " + EXAMPLE;
        throw new ProjectFileException(source, "format", line(p.currentTokenLocation()), column(p.currentTokenLocation()),
                "is " + describe(p) + ", not \"" + FORMAT_NAME + "\": " + what);
    }

    private static void checkVersion(JsonParser p, String source) throws IOException, ProjectFileException {
        JsonLocation at = p.currentTokenLocation();
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new ProjectFileException(source, "version", line(at), column(at), "must be a whole number such as " + VERSION
                    + ", was " + describe(p));
        }
        long version = p.getLongValue();
        if (version > VERSION) {
            throw new ProjectFileException(source, null, 0, 0, "was written by a newer LayerLab (runs format version " + version
                    + "); this LayerLab reads runs format version " + VERSION + ". Open it with a newer LayerLab.");
        }
        if (version < VERSION) {
            throw new ProjectFileException(source, "version", line(at), column(at), "is " + version
                    + ", which no LayerLab has written: this LayerLab reads runs format version " + VERSION);
        }
    }

    /** Second pass over a file the first pass found to be a runs file: every run, each field checked. */
    private static final class Parse {
        private final JsonParser p;
        private final String source;
        private final ProjectReader projects = new ProjectReader();
        private final ProjectWriter projectWriter = new ProjectWriter();

        Parse(JsonParser p, String source) {
            this.p = p;
            this.source = source;
        }

        List<RunRecord> runs() throws IOException, ProjectFileException {
            p.nextToken();
            List<RunRecord> runs = null;
            while (nextField()) {
                if (p.currentName().equals("runs")) {
                    p.nextToken();
                    runs = runList("runs");
                } else {
                    p.nextToken();
                    p.skipChildren();
                }
            }
            if (runs == null) {
                throw new ProjectFileException(source, null, 0, 0, "has no \"runs\" list; a runs file is " + EXAMPLE);
            }
            return runs;
        }

        private List<RunRecord> runList(String at) throws IOException, ProjectFileException {
            expect(JsonToken.START_ARRAY, at, "must be a list [ ... ] of runs");
            List<RunRecord> runs = new ArrayList<>();
            Map<Integer, Integer> indexById = new HashMap<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                int index = runs.size();
                String runAt = at + "[" + index + "]";
                JsonLocation start = p.currentTokenLocation();
                RunRecord run = run(runAt);
                Integer earlier = indexById.putIfAbsent(run.id(), index);
                if (earlier != null) {
                    throw problem(runAt + ".id", start, "is " + run.id() + ", already the id of " + at + "[" + earlier
                            + "]; each run has its own id");
                }
                runs.add(run);
            }
            return List.copyOf(runs);
        }

        private RunRecord run(String at) throws IOException, ProjectFileException {
            expect(JsonToken.START_OBJECT, at, "must be a run {\"id\": 1, \"name\": \"Run 1\", ...}");
            JsonLocation start = p.currentTokenLocation();
            Integer id = null;
            String name = null;
            Integer colourIndex = null;
            Long graphVersion = null;
            Instant startedAt = null;
            Project project = null;
            TrainingResult result = null;
            RunEvaluation evaluation = null;
            while (nextField()) {
                String field = p.currentName();
                String fieldAt = at + "." + field;
                p.nextToken();
                switch (field) {
                    case "id" -> id = (int) whole(fieldAt, 1, Integer.MAX_VALUE, "a whole number, 1 or more: the run's number");
                    case "name" -> name = text(fieldAt, "the run's name, such as \"Run 1\"");
                    case "colourIndex" -> colourIndex = (int) whole(fieldAt, 0, RunLog.COLOURS - 1,
                            "a whole number from 0 to " + (RunLog.COLOURS - 1) + ": the run's colour in charts");
                    case "graphVersion" -> graphVersion = whole(fieldAt, Long.MIN_VALUE, Long.MAX_VALUE, "a whole number");
                    case "startedAt" -> startedAt = instant(fieldAt);
                    case "project" -> project = project(fieldAt);
                    case "result" -> result = result(fieldAt);
                    case "evaluation" -> evaluation = evaluation(fieldAt);
                    default -> p.skipChildren();
                }
            }
            require(id, at, "id", start, "a whole number, 1 or more: the run's number");
            require(name, at, "name", start, "the run's name, such as \"Run 1\"");
            require(colourIndex, at, "colourIndex", start, "the run's colour in charts, 0 to " + (RunLog.COLOURS - 1));
            require(graphVersion, at, "graphVersion", start, "a whole number");
            require(startedAt, at, "startedAt", start, "when the run started, such as \"2026-11-27T06:00:00Z\"");
            require(project, at, "project", start, "the project the run trained, as in a project file");
            require(result, at, "result", start, "what the run measured {\"epochs\": ..., \"history\": {...}}");
            String projectJson = projectWriter.toJson(project);
            RunSetup setup = new RunSetup(id, name, colourIndex, project.training(), project.data(), graphVersion,
                    List.copyOf(project.graph().nodes()), List.copyOf(project.graph().edges()), projectJson, startedAt);
            return new RunRecord(setup, result, evaluation);
        }

        /** The embedded project, read as a project file is (so older project formats are migrated). */
        private Project project(String at) throws IOException, ProjectFileException {
            expect(JsonToken.START_OBJECT, at, "must be the project the run trained, an object as in a project file {\"format\": \""
                    + ProjectFormat.FORMAT_NAME + "\", ...}");
            JsonNode tree = JSON.readTree(p);
            try {
                return projects.read(JSON.writeValueAsString(tree), source);
            } catch (ProjectFileException e) {
                String inner = e.jsonPath().orElse("");
                String path = inner.isEmpty() ? at : inner.startsWith("[") ? at + inner : at + "." + inner;
                throw new ProjectFileException(source, path, 0, 0, e.problem(), e);
            }
        }

        private TrainingResult result(String at) throws IOException, ProjectFileException {
            expect(JsonToken.START_OBJECT, at, "must be what the run measured {\"epochs\": ..., \"history\": {...}}");
            JsonLocation start = p.currentTokenLocation();
            Map<String, Object> seen = new HashMap<>();
            RunHistory history = null;
            while (nextField()) {
                String field = p.currentName();
                String fieldAt = at + "." + field;
                p.nextToken();
                switch (field) {
                    case "epochs", "iterations", "bestEpoch" ->
                            seen.put(field, (int) whole(fieldAt, 0, Integer.MAX_VALUE, "a whole number, 0 or more"));
                    case "parameters" -> seen.put(field, whole(fieldAt, 0, Long.MAX_VALUE, "a whole number, 0 or more"));
                    case "trainLoss", "valLoss", "valAccuracy", "bestValLoss" -> seen.put(field, nullableReal(fieldAt));
                    case "seconds", "samplesPerSecond" -> seen.put(field, real(fieldAt));
                    case "stopReason" -> seen.put(field, stopReason(fieldAt));
                    case "hint" -> seen.put(field, p.currentToken() == JsonToken.VALUE_NULL ? null
                            : text(fieldAt, "a plain-language explanation of a divergence, or null"));
                    case "history" -> history = history(fieldAt);
                    default -> p.skipChildren();
                }
            }
            for (String field : List.of("epochs", "iterations", "trainLoss", "valLoss", "valAccuracy", "bestEpoch", "bestValLoss",
                    "parameters", "seconds", "samplesPerSecond", "stopReason", "hint")) {
                if (!seen.containsKey(field)) {
                    throw problem(at + "." + field, start, "is missing; every run's result has \"" + field + "\""
                            + (field.equals("hint") || field.endsWith("Loss") || field.equals("valAccuracy") ? " (null when it has none)" : ""));
                }
            }
            require(history, at, "history", start, "every curve the run measured {\"iterationLoss\": [...], \"trainLoss\": [...], ...}");
            int epochs = (Integer) seen.get("epochs");
            int bestEpoch = (Integer) seen.get("bestEpoch");
            if (bestEpoch > epochs) {
                throw problem(at + ".bestEpoch", start, "is " + bestEpoch + ", after the last completed epoch (" + epochs
                        + "); it is the epoch whose weights the run kept, 0 to " + epochs);
            }
            return new TrainingResult(epochs, (Integer) seen.get("iterations"), (Double) seen.get("trainLoss"),
                    (Double) seen.get("valLoss"), (Double) seen.get("valAccuracy"), bestEpoch, (Double) seen.get("bestValLoss"),
                    (Long) seen.get("parameters"), (Double) seen.get("seconds"), (Double) seen.get("samplesPerSecond"),
                    (StopReason) seen.get("stopReason"), (String) seen.get("hint"), history);
        }

        private RunHistory history(String at) throws IOException, ProjectFileException {
            expect(JsonToken.START_OBJECT, at, "must be every curve the run measured {\"iterationLoss\": [...], \"trainLoss\": [...], ...}");
            JsonLocation start = p.currentTokenLocation();
            List<String> epochFields = List.of("trainLoss", "valLoss", "valAccuracy", "learningRate", "seconds");
            RunHistory history = new RunHistory();
            boolean hasIterations = false;
            Map<String, double[]> perEpoch = new HashMap<>();
            while (nextField()) {
                String field = p.currentName();
                String fieldAt = at + "." + field;
                p.nextToken();
                if (field.equals("iterationLoss")) {
                    // Straight into the history: the longest list in the file, never boxed.
                    expect(JsonToken.START_ARRAY, fieldAt, "must be a list of numbers, one loss per iteration");
                    for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                        history.addIteration(floatValue(fieldAt, i));
                    }
                    hasIterations = true;
                } else if (epochFields.contains(field)) {
                    perEpoch.put(field, reals(fieldAt));
                } else {
                    p.skipChildren();
                }
            }
            if (!hasIterations) {
                throw problem(at + ".iterationLoss", start, "is missing; it is the list of every iteration's loss");
            }
            int epochs = -1;
            String first = null;
            for (String field : epochFields) {
                double[] values = perEpoch.get(field);
                if (values == null) {
                    throw problem(at + "." + field, start, "is missing; it is a list of numbers, one per completed epoch");
                }
                if (epochs >= 0 && values.length != epochs) {
                    throw problem(at + "." + field, start, "has " + values.length + " values but " + at + "." + first + " has "
                            + epochs + "; each per-epoch list has one value per completed epoch");
                }
                epochs = values.length;
                first = field;
            }
            for (int e = 0; e < epochs; e++) {
                history.addEpoch(perEpoch.get("trainLoss")[e], perEpoch.get("valLoss")[e], perEpoch.get("valAccuracy")[e],
                        perEpoch.get("learningRate")[e], perEpoch.get("seconds")[e]);
            }
            return history;
        }

        private RunEvaluation evaluation(String at) throws IOException, ProjectFileException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            String valid = "must be null (no network to evaluate) or {\"kind\": \"confusion\", ...} or {\"kind\": \"predictions\", ...}";
            expect(JsonToken.START_OBJECT, at, valid);
            JsonLocation start = p.currentTokenLocation();
            String kind = null;
            JsonLocation kindAt = null;
            String part = null;
            List<String> classNames = null;
            List<String> targetNames = null;
            int[][] counts = null;
            float[] truth = null;
            float[] predicted = null;
            while (nextField()) {
                String field = p.currentName();
                String fieldAt = at + "." + field;
                p.nextToken();
                switch (field) {
                    case "kind" -> {
                        kindAt = p.currentTokenLocation();
                        kind = text(fieldAt, "\"confusion\" or \"predictions\"");
                    }
                    case "part" -> {
                        part = text(fieldAt, "\"validation\" or \"training\": which examples were measured");
                        if (!part.equals("validation") && !part.equals("training")) {
                            throw problem(fieldAt, "is \"" + part + "\"; it is \"validation\" or \"training\": which examples were measured");
                        }
                    }
                    case "classNames" -> classNames = texts(fieldAt);
                    case "targetNames" -> targetNames = texts(fieldAt);
                    case "counts" -> counts = counts(fieldAt);
                    case "truth" -> truth = floats(fieldAt);
                    case "predicted" -> predicted = floats(fieldAt);
                    default -> p.skipChildren();
                }
            }
            require(kind, at, "kind", start, "\"confusion\" for a classifier, \"predictions\" for a regression");
            require(part, at, "part", start, "\"validation\" or \"training\": which examples were measured");
            switch (kind) {
                case "confusion" -> {
                    require(classNames, at, "classNames", start, "the list of class names");
                    require(counts, at, "counts", start, "the confusion matrix, counts[truth][predicted]");
                    if (counts.length < classNames.size()) {
                        throw problem(at + ".counts", start, "has " + counts.length + " rows for " + classNames.size()
                                + " classes; it has a row and a column per class");
                    }
                    return new RunEvaluation.ConfusionMatrix(part, classNames, counts);
                }
                case "predictions" -> {
                    require(targetNames, at, "targetNames", start, "the list of target names");
                    require(truth, at, "truth", start, "the true values, a list of numbers");
                    require(predicted, at, "predicted", start, "the predicted values, a list of numbers");
                    if (predicted.length != truth.length) {
                        throw problem(at + ".predicted", start, "has " + predicted.length + " values but " + at + ".truth has "
                                + truth.length + "; there is one prediction per true value");
                    }
                    return new RunEvaluation.Predictions(part, targetNames, truth, predicted);
                }
                default -> throw problem(at + ".kind", kindAt, "is \"" + kind + "\"; valid kinds: \"confusion\" (a classifier's "
                        + "confusion matrix), \"predictions\" (a regression's predictions against the truth)");
            }
        }

        /** A square matrix of counts, one row per true class. */
        private int[][] counts(String at) throws IOException, ProjectFileException {
            String valid = "must be a list of rows [[12, 1], [0, 9]], counts[truth][predicted]";
            expect(JsonToken.START_ARRAY, at, valid);
            List<int[]> rows = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String rowAt = at + "[" + rows.size() + "]";
                expect(JsonToken.START_ARRAY, rowAt, valid);
                List<Integer> row = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    row.add((int) whole(rowAt + "[" + row.size() + "]", 0, Integer.MAX_VALUE, "a count, a whole number 0 or more"));
                }
                rows.add(row.stream().mapToInt(Integer::intValue).toArray());
            }
            for (int r = 0; r < rows.size(); r++) {
                if (rows.get(r).length != rows.size()) {
                    throw problem(at + "[" + r + "]", "has " + rows.get(r).length + " counts but there are " + rows.size()
                            + " rows; the matrix is square, a row and a column per class");
                }
            }
            return rows.toArray(new int[0][]);
        }

        private List<String> texts(String at) throws IOException, ProjectFileException {
            expect(JsonToken.START_ARRAY, at, "must be a list of names [\"a\", \"b\"]");
            List<String> texts = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                texts.add(text(at + "[" + texts.size() + "]", "a name"));
            }
            return List.copyOf(texts);
        }

        private float[] floats(String at) throws IOException, ProjectFileException {
            expect(JsonToken.START_ARRAY, at, "must be a list of numbers");
            FloatSeries values = new FloatSeries();
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                values.add(floatValue(at, i));
            }
            return values.toArray();
        }

        private double[] reals(String at) throws IOException, ProjectFileException {
            expect(JsonToken.START_ARRAY, at, "must be a list of numbers, one per completed epoch");
            DoubleSeries values = new DoubleSeries();
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                values.add(real(at, i));
            }
            return values.toArray();
        }

        /** Element {@code index} of the list at {@code at}; the path is only spelled out for a message. */
        private float floatValue(String at, int index) throws IOException, ProjectFileException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                // Parsed from the text as a float, not through a double, so the digits give back the very float written.
                float value = p.getFloatValue();
                if (!Float.isFinite(value)) {
                    throw problem(at + "[" + index + "]", "is " + p.getText() + ", too large for a 32-bit number; write \"Infinity\" "
                            + "for a value that is not finite");
                }
                return value;
            }
            Double nonFinite = nonFinite(p);
            if (nonFinite == null) {
                throw problem(at + "[" + index + "]", "must be " + NUMBER + ", was " + describe(p));
            }
            return nonFinite.floatValue();
        }

        private double real(String at) throws IOException, ProjectFileException {
            return real(at, -1);
        }

        private double real(String at, int index) throws IOException, ProjectFileException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                double value = p.getDoubleValue();
                if (!Double.isFinite(value)) {
                    throw problem(index < 0 ? at : at + "[" + index + "]", "is " + p.getText()
                            + ", a number too large to represent; write \"Infinity\" for a value that is not finite");
                }
                return value;
            }
            Double nonFinite = nonFinite(p);
            if (nonFinite == null) {
                throw problem(index < 0 ? at : at + "[" + index + "]", "must be " + NUMBER + ", was " + describe(p));
            }
            return nonFinite;
        }

        private Double nullableReal(String at) throws IOException, ProjectFileException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT && nonFinite(p) == null) {
                throw problem(at, "must be " + NUMBER + ", or null when there is none, was " + describe(p));
            }
            return real(at);
        }

        private long whole(String at, long min, long max, String valid) throws IOException, ProjectFileException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw problem(at, "must be " + valid + ", was " + describe(p));
            }
            long value = p.getLongValue();
            if (value < min || value > max) {
                throw problem(at, "is " + value + "; it must be " + valid);
            }
            return value;
        }

        private String text(String at, String valid) throws IOException, ProjectFileException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw problem(at, "must be text in double quotes (" + valid + "), was " + describe(p));
            }
            return p.getText();
        }

        private Instant instant(String at) throws IOException, ProjectFileException {
            String valid = "when the run started, such as \"2026-11-27T06:00:00Z\"";
            String text = text(at, valid);
            try {
                return Instant.parse(text);
            } catch (DateTimeException e) {
                throw problem(at, "is \"" + text + "\", not a time; it must be " + valid);
            }
        }

        private StopReason stopReason(String at) throws IOException, ProjectFileException {
            List<String> names = Arrays.stream(StopReason.values()).map(Enum::name).toList();
            String valid = "one of " + String.join(", ", names);
            String text = text(at, valid);
            for (StopReason reason : StopReason.values()) {
                if (reason.name().equals(text)) {
                    return reason;
                }
            }
            throw problem(at, "is \"" + text + "\"; it must be " + valid);
        }

        /** Moves to the next field name of the current object; false at its end. */
        private boolean nextField() throws IOException {
            return p.nextToken() == JsonToken.FIELD_NAME;
        }

        private void expect(JsonToken token, String at, String valid) throws IOException, ProjectFileException {
            if (p.currentToken() != token) {
                throw problem(at, valid + ", was " + describe(p));
            }
        }

        private void require(Object value, String at, String field, JsonLocation start, String what) throws ProjectFileException {
            if (value == null) {
                throw problem(at + "." + field, start, "is missing; it is " + what);
            }
        }

        private ProjectFileException problem(String at, String message) {
            return problem(at, p.currentTokenLocation(), message);
        }

        private ProjectFileException problem(String at, JsonLocation location, String message) {
            return new ProjectFileException(source, at, line(location), column(location), message);
        }
    }

    /** The value of {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"} at the parser, or null for anything else. */
    private static Double nonFinite(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        return switch (p.getText()) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> null;
        };
    }

    /** "the text \"abc\"", "the number 1.5", "a list", ... for messages. */
    private static String describe(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case VALUE_STRING -> {
                String text = p.getText();
                yield "the text \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    /** Syntax errors, with the path of the value being read (or, for a file that ends early, the list or object left open). */
    private static ProjectFileException syntaxProblem(String source, StreamReadException e) {
        JsonLocation at = e.getLocation();
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        boolean cutOff = original.contains("end-of-input");
        JsonStreamContext context = e.getProcessor() == null ? null : e.getProcessor().getParsingContext();
        String path = context == null ? "" : pathOf(context, !cutOff);
        String problem;
        if (cutOff) {
            problem = (path.isEmpty() ? "malformed JSON: the text ends too early" : "is cut off: the file ends before its closing "
                    + (context.inArray() ? "]" : "}")) + ", so the file is incomplete (a runs file is one JSON object " + EXAMPLE + ")";
        } else if (original.startsWith("Duplicate field")) {
            problem = (path.isEmpty() ? "malformed JSON: a field appears" : "appears") + " twice in one object; each field may appear once";
        } else {
            String cleaned = original.replaceAll("\\s*\\(code \\d+\\)", "").replaceAll("\\s*at \\[Source.*", "").strip();
            problem = (path.isEmpty() ? "malformed JSON: " : "is not valid JSON: ") + cleaned;
        }
        return new ProjectFileException(source, path.isEmpty() ? null : path, line(at), column(at), problem, e);
    }

    /**
     * {@code runs[1].result.epochs}: the path of the value the parser is at, or with
     * {@code current} false the path of the list or object that holds it.
     */
    private static String pathOf(JsonStreamContext context, boolean current) {
        List<String> steps = new ArrayList<>();
        for (JsonStreamContext c = current ? context : context.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                steps.add(0, "[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                String name = c.getCurrentName();
                steps.add(0, name.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + name : "[\"" + name.replace("\"", "\\\"") + "\"]");
            }
        }
        String path = String.join("", steps);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static int line(JsonLocation at) {
        return at == null ? 0 : Math.max(at.getLineNr(), 0);
    }

    private static int column(JsonLocation at) {
        return at == null ? 0 : Math.max(at.getColumnNr(), 0);
    }
}
