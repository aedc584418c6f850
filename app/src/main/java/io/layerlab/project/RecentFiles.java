package io.layerlab.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recently opened project files, most recent first, at most {@link #MAX} of them, kept in a
 * small JSON file ({@code ~/.layerlab/recent.json} by default:
 * {@code {"files": ["/home/ann/xor.layerlab.json", ...]}}). Files that no longer exist are left
 * out of {@link #list()} and dropped from the store on the next change. The store is read on
 * every call, so several LayerLab windows share one list; an unreadable store counts as empty,
 * since losing this list must never stop the program.
 */
public final class RecentFiles {
    public static final int MAX = 10;

    private final Path store;

    public RecentFiles(Path store) { this.store = store; }

    /** The list in {@code ~/.layerlab/recent.json}. */
    public static RecentFiles inUserHome() { return new RecentFiles(defaultStore()); }

    public static Path defaultStore() { return UserFolder.path().resolve("recent.json"); }

    /** Existing recent files, most recent first. */
    public synchronized List<Path> list() {
        return existing(load());
    }

    /** Puts {@code file} first (moving it up if already listed) and saves the list. */
    public synchronized void add(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> files = existing(load());
        files.remove(absolute);
        files.add(0, absolute);
        save(files.subList(0, Math.min(MAX, files.size())));
    }

    /** Takes {@code file} off the list. */
    public synchronized void remove(Path file) throws IOException {
        List<Path> files = existing(load());
        files.remove(file.toAbsolutePath().normalize());
        save(files);
    }

    /** Empties the list. */
    public synchronized void clear() throws IOException {
        save(List.of());
    }

    private List<Path> load() {
        List<Path> files = new ArrayList<>();
        if (!Files.isRegularFile(store)) return files;
        try {
            JsonNode root = ProjectReader.MAPPER.readTree(store.toFile());
            for (JsonNode f : root.path("files")) {
                if (!f.isTextual()) continue;
                Path p = Path.of(f.textValue());
                if (!files.contains(p)) files.add(p);
            }
        } catch (IOException | InvalidPathException e) {
            return new ArrayList<>();
        }
        return files;
    }

    private static List<Path> existing(List<Path> files) {
        List<Path> out = new ArrayList<>();
        for (Path p : files) if (Files.isRegularFile(p)) out.add(p);
        return out;
    }

    private void save(List<Path> files) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("files");
        for (Path p : files) list.add(p.toString());
        AtomicFile.write(store, JsonFormatter.format(root).getBytes(StandardCharsets.UTF_8));
    }
}
