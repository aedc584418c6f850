package io.layerlab.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerlab.model.ModelFileException;
import io.layerlab.model.ModelFiles;
import io.layerlab.model.ZipInspection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The sidecar file holding a project's {@link InitialWeights}: {@code NAME.layerlab.weights.zip}
 * beside {@code NAME.layerlab.json}. A zip with an index, {@code weights.json}
 * ({@code {"format": "layerlab-weights", "version": 1, "source": "...", "arrays": [{"vertex":
 * "dense1", "param": "W", "shape": [4, 8], "entry": "arrays/0.f32"}, ...]}}), and one entry per
 * array: the values as little-endian 32-bit floats in C order, which numpy reads with
 * {@code numpy.frombuffer(data, "<f4").reshape(shape)}.
 *
 * <p>Written atomically ({@link AtomicFile}). Read with the checks a model zip gets
 * ({@link ZipInspection}: entry names that would leave a folder, entry count, declared and
 * inflated sizes, checksums, truncation), then every array's size against its shape, so a damaged
 * or hostile file fails with a message naming it, never with an exception deep in a library.
 */
public final class WeightsFile {
    public static final String SUFFIX = ".layerlab.weights.zip";
    static final String FORMAT_NAME = "layerlab-weights";
    static final int VERSION = 1;
    private static final String INDEX = "weights.json";
    private static final String EXAMPLE = "{\"format\": \"" + FORMAT_NAME + "\", \"version\": " + VERSION + ", \"arrays\": [...]}";
    /** As much as a model zip may hold; entries for a thousand-layer network with room to spare. */
    static final ModelFiles.Limits LIMITS = new ModelFiles.Limits(20_000, ModelFiles.Limits.DEFAULT.maxTotalBytes());
    private static final ObjectMapper JSON = new ObjectMapper();

    private WeightsFile() { }

    /** {@code models/digits.layerlab.json} -> {@code models/digits.layerlab.weights.zip}. */
    public static Path beside(Path projectFile) {
        String name = projectFile.getFileName().toString();
        String stem = name.endsWith(".layerlab.json") ? name.substring(0, name.length() - ".layerlab.json".length())
                : name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return projectFile.resolveSibling(stem + SUFFIX);
    }

    /** Replaces {@code file} with {@code weights}, atomically, and notes that it holds them. */
    public static void write(InitialWeights weights, Path file) throws IOException {
        AtomicFile.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            ObjectNode index = JSON.createObjectNode();
            index.put("format", FORMAT_NAME);
            index.put("version", VERSION);
            index.put("source", weights.source());
            ArrayNode arrays = index.putArray("arrays");
            int n = 0;
            for (String vertex : weights.vertices()) {
                for (Map.Entry<String, InitialWeights.Array> p : weights.params(vertex).entrySet()) {
                    String entry = "arrays/" + n++ + ".f32";
                    ObjectNode a = arrays.addObject();
                    a.put("vertex", vertex);
                    a.put("param", p.getKey());
                    ArrayNode shape = a.putArray("shape");
                    for (long d : p.getValue().shape()) shape.add(d);
                    a.put("entry", entry);
                    zip.putNextEntry(new ZipEntry(entry));
                    writeFloats(zip, p.getValue().values());
                    zip.closeEntry();
                }
            }
            zip.putNextEntry(new ZipEntry(INDEX));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(index));
            zip.closeEntry();
            zip.finish();
        });
        weights.markStoredIn(file);
    }

    /** @throws ModelFileException naming the file and what is wrong with it */
    public static InitialWeights read(Path file) throws ModelFileException {
        checkIsZip(file);
        ZipInspection.Contents contents = ZipInspection.inspect(file, LIMITS, Set.of(INDEX));
        if (!contents.has(INDEX)) throw new ModelFileException(file, "is not a LayerLab weights file: it has no " + INDEX + " entry");
        JsonNode index = index(file, contents.content(INDEX));
        Map<String, Map<String, InitialWeights.Array>> vertices = new LinkedHashMap<>();
        Set<String> entriesUsed = new HashSet<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            JsonNode arrays = index.get("arrays");
            for (int i = 0; i < arrays.size(); i++) {
                JsonNode a = arrays.get(i);
                String where = "entry " + INDEX + ": arrays[" + i + "]";
                String vertex = text(file, a, "vertex", where);
                String param = text(file, a, "param", where);
                String entry = text(file, a, "entry", where);
                long[] shape = shape(file, a.get("shape"), where);
                long values = 1;
                for (long d : shape) values = Math.multiplyExact(values, d);
                Long size = contents.sizes().get(entry);
                if (size == null) throw new ModelFileException(file, where + " names " + entry + ", which the archive does not hold");
                if (size != values * Float.BYTES) {
                    throw new ModelFileException(file, "entry " + entry + " holds " + size + " bytes; " + vertex + " " + param + " of shape "
                            + java.util.Arrays.toString(shape) + " needs " + values * Float.BYTES + " (4 per value)");
                }
                if (!entriesUsed.add(entry)) throw new ModelFileException(file, where + " names " + entry + " a second time");
                Map<String, InitialWeights.Array> params = vertices.computeIfAbsent(vertex, v -> new LinkedHashMap<>());
                if (params.containsKey(param)) throw new ModelFileException(file, where + ": " + vertex + " " + param + " appears twice");
                params.put(param, new InitialWeights.Array(shape, readFloats(zip, entry, (int) values)));
            }
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot be read: " + e.getMessage(), e);
        } catch (ArithmeticException e) {
            throw new ModelFileException(file, "entry " + INDEX + " declares an array too large to hold", e);
        }
        String source = index.path("source").isTextual() ? index.get("source").textValue() : file.getFileName().toString();
        InitialWeights weights = new InitialWeights(source, vertices);
        weights.markStoredIn(file);
        return weights;
    }

    private static void checkIsZip(Path file) throws ModelFileException {
        if (!Files.exists(file)) throw new ModelFileException(file, "does not exist");
        if (Files.isDirectory(file)) throw new ModelFileException(file, "is a folder, not a weights file");
        byte[] head = new byte[2];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 2);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (n < 2 || head[0] != 'P' || head[1] != 'K') {
            throw new ModelFileException(file, "is not a zip archive, so it is not a LayerLab weights file (one starts with the bytes \"PK\")");
        }
    }

    private static JsonNode index(Path file, byte[] bytes) throws ModelFileException {
        JsonNode index;
        try {
            index = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new ModelFileException(file, "entry " + INDEX + " is not valid JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
        if (index == null || !index.isObject() || !FORMAT_NAME.equals(index.path("format").asText())) {
            throw new ModelFileException(file, "entry " + INDEX + " is not a LayerLab weights index; it starts " + EXAMPLE);
        }
        int version = index.path("version").asInt(-1);
        if (version > VERSION) {
            throw new ModelFileException(file, "was written by a newer LayerLab (weights format version " + version
                    + "); this version reads version " + VERSION);
        }
        if (version != VERSION) {
            throw new ModelFileException(file, "entry " + INDEX + " has version " + index.path("version") + "; it must be " + VERSION);
        }
        if (!index.path("arrays").isArray()) {
            throw new ModelFileException(file, "entry " + INDEX + " has no \"arrays\" list; it starts " + EXAMPLE);
        }
        return index;
    }

    private static String text(Path file, JsonNode a, String field, String where) throws ModelFileException {
        JsonNode v = a.get(field);
        if (v == null || !v.isTextual() || v.textValue().isBlank()) {
            throw new ModelFileException(file, where + " needs \"" + field + "\" as text, has " + (v == null ? "none" : v.toString()));
        }
        return v.textValue();
    }

    private static long[] shape(Path file, JsonNode shape, String where) throws ModelFileException {
        if (shape == null || !shape.isArray() || shape.isEmpty()) {
            throw new ModelFileException(file, where + " needs \"shape\" as a list of whole numbers such as [4, 8]");
        }
        long[] dims = new long[shape.size()];
        for (int d = 0; d < dims.length; d++) {
            JsonNode v = shape.get(d);
            if (!v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() < 1) {
                throw new ModelFileException(file, where + " has shape " + shape + "; each dimension is a whole number, 1 or more");
            }
            dims[d] = v.longValue();
        }
        return dims;
    }

    private static void writeFloats(ZipOutputStream zip, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            if (!buffer.hasRemaining()) {
                zip.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            buffer.putFloat(v);
        }
        zip.write(buffer.array(), 0, buffer.position());
    }

    /** The entry's values; its size was checked against the shape and its data by {@link ZipInspection}. */
    private static float[] readFloats(ZipFile zip, String entry, int count) throws IOException {
        float[] values = new float[count];
        byte[] chunk = new byte[1 << 16];
        try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
            int filled = 0;
            while (filled < count) {
                int want = Math.min(chunk.length, (count - filled) * Float.BYTES);
                int got = in.readNBytes(chunk, 0, want);
                if (got != want) throw new IOException("entry " + entry + " ends early");
                ByteBuffer.wrap(chunk, 0, got).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values, filled, got / Float.BYTES);
                filled += got / Float.BYTES;
            }
        }
        return values;
    }
}
