package io.layerlab.train;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerlab.project.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.layerlab.train.RunsFile.FORMAT_NAME;
import static io.layerlab.train.RunsFile.VERSION;

/** Writes a {@link RunsFile}: the format is described there. */
final class RunsFileWriter {
    private static final ObjectMapper JSON = RunsFileJson.MAPPER;

    private RunsFileWriter() {
    }

    /** See {@link RunsFile#write}. */
    static void write(List<RunRecord> runs, Path file) throws IOException {
        if (runs.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        // Parsed before the file is touched, so a run whose project text is damaged fails here.
        List<JsonNode> projects = new ArrayList<>(runs.size());
        for (RunRecord run : runs) {
            projects.add(JSON.readTree(run.setup().projectJson()));
        }
        AtomicFile.write(file, out -> {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
                g.writeStartObject();
                g.writeStringField("format", FORMAT_NAME);
                g.writeNumberField("version", VERSION);
                g.writeArrayFieldStart("runs");
                for (int i = 0; i < runs.size(); i++) {
                    writeRun(g, runs.get(i), projects.get(i));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    private static void writeRun(JsonGenerator g, RunRecord run, JsonNode project) throws IOException {
        RunSetup setup = run.setup();
        g.writeStartObject();
        g.writeNumberField("id", setup.id());
        g.writeStringField("name", setup.name());
        g.writeNumberField("colourIndex", setup.colourIndex());
        g.writeNumberField("graphVersion", setup.graphVersion());
        g.writeStringField("startedAt", setup.startedAt().toString());
        g.writeFieldName("project");
        g.writeTree(project);
        g.writeFieldName("result");
        writeResult(g, run.result());
        g.writeFieldName("evaluation");
        writeEvaluation(g, run.evaluation());
        g.writeEndObject();
    }

    private static void writeResult(JsonGenerator g, TrainingResult r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("epochs", r.epochs());
        g.writeNumberField("iterations", r.iterations());
        writeNullableReal(g, "trainLoss", r.trainLoss());
        writeNullableReal(g, "valLoss", r.valLoss());
        writeNullableReal(g, "valAccuracy", r.valAccuracy());
        g.writeNumberField("bestEpoch", r.bestEpoch());
        writeNullableReal(g, "bestValLoss", r.bestValLoss());
        g.writeNumberField("parameters", r.parameters());
        g.writeFieldName("seconds");
        writeReal(g, r.seconds());
        g.writeFieldName("samplesPerSecond");
        writeReal(g, r.samplesPerSecond());
        g.writeStringField("stopReason", r.stopReason().name());
        g.writeStringField("hint", r.hint());
        RunHistory h = r.history();
        g.writeObjectFieldStart("history");
        writeFloats(g, "iterationLoss", h.iterationLosses());
        writeReals(g, "trainLoss", h.trainLosses());
        writeReals(g, "valLoss", h.valLosses());
        writeReals(g, "valAccuracy", h.valAccuracies());
        writeReals(g, "learningRate", h.learningRates());
        writeReals(g, "seconds", h.epochSeconds());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeEvaluation(JsonGenerator g, RunEvaluation evaluation) throws IOException {
        if (evaluation == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        if (evaluation instanceof RunEvaluation.ConfusionMatrix m) {
            g.writeStringField("kind", "confusion");
            g.writeStringField("part", m.part());
            writeTexts(g, "classNames", m.classNames());
            g.writeArrayFieldStart("counts");
            for (int[] row : m.counts()) {
                g.writeArray(row, 0, row.length);
            }
            g.writeEndArray();
        } else if (evaluation instanceof RunEvaluation.Predictions p) {
            g.writeStringField("kind", "predictions");
            g.writeStringField("part", p.part());
            writeTexts(g, "targetNames", p.targetNames());
            writeFloats(g, "truth", p.truth());
            writeFloats(g, "predicted", p.predicted());
        } else {
            throw new IllegalArgumentException("RunsFile cannot store a " + evaluation.getClass().getName());
        }
        g.writeEndObject();
    }

    private static void writeTexts(JsonGenerator g, String field, List<String> texts) throws IOException {
        g.writeArrayFieldStart(field);
        for (String text : texts) {
            g.writeString(text);
        }
        g.writeEndArray();
    }

    private static void writeNullableReal(JsonGenerator g, String field, Double value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            writeReal(g, value);
        }
    }

    private static void writeReals(JsonGenerator g, String field, double[] values) throws IOException {
        g.writeArrayFieldStart(field);
        for (double v : values) {
            writeReal(g, v);
        }
        g.writeEndArray();
    }

    /** Float.toString's digits, which Float.parseFloat turns back into the same float. */
    private static void writeFloats(JsonGenerator g, String field, float[] values) throws IOException {
        g.writeArrayFieldStart(field);
        for (float v : values) {
            if (Float.isFinite(v)) {
                g.writeNumber(v);
            } else {
                g.writeString(Float.toString(v));
            }
        }
        g.writeEndArray();
    }

    /** Double.toString gives "NaN", "Infinity" and "-Infinity", the texts {@link RunsFileReader#nonFinite} reads. */
    private static void writeReal(JsonGenerator g, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumber(value);
        } else {
            g.writeString(Double.toString(value));
        }
    }
}
