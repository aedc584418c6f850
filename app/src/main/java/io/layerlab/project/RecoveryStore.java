package io.layerlab.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Recovery copies of open documents, so that work survives a crash. The designer saves a copy
 * of each document with unsaved changes now and then (it owns the timer), lists the copies at
 * start-up to offer recovery, and discards a document's copy when it is saved or closed
 * cleanly. Each copy is one file written atomically, holding the project together with when it
 * was written and which file it belongs to:
 * {@code {"format": "layerlab-recovery", "version": 1, "savedAt": "...", "originalFile": "..." or null, "project": {...}}}.
 * What else the designer keeps of a document (its runs) goes in files and folders beside the copy
 * ({@link #sidecar}), which are discarded with it.
 */
public final class RecoveryStore {
    public static final String FORMAT_NAME = "layerlab-recovery";
    private static final String SUFFIX = ".recovery.json";

    private final Path folder;
    private final Clock clock;

    /** A store in {@code folder} (created when the first copy is saved). */
    public RecoveryStore(Path folder) { this(folder, Clock.systemUTC()); }

    public RecoveryStore(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /** The store in {@code ~/.layerlab/recovery}. */
    public static RecoveryStore inUserHome() { return new RecoveryStore(defaultFolder()); }

    public static Path defaultFolder() { return UserFolder.path().resolve("recovery"); }

    public Path folder() { return folder; }

    /** The slot of the document saved as {@code file}; the same file always gets the same slot. */
    public RecoverySlot slotFor(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new RecoverySlot("saved-" + hash(absolute.toString()), Optional.of(absolute));
    }

    /** A new slot for an untitled document. */
    public RecoverySlot untitledSlot() {
        return new RecoverySlot("untitled-" + UUID.randomUUID(), Optional.empty());
    }

    /** Writes (or replaces) the slot's recovery copy of {@code project}, atomically. */
    public void save(RecoverySlot slot, Project project) throws IOException {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        copy.put("format", FORMAT_NAME);
        copy.put("version", 1);
        copy.put("savedAt", clock.instant().toString());
        if (slot.originalFile().isPresent()) copy.put("originalFile", slot.originalFile().get().toString());
        else copy.putNull("originalFile");
        copy.set("project", new ProjectWriter().toTree(project));
        AtomicFile.write(fileOf(slot), JsonFormatter.format(copy).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The recovery copies present, newest first. Files in the folder that are not readable
     * recovery copies (say, from a newer LayerLab) are left alone and not listed.
     */
    public List<RecoveryEntry> list() throws IOException {
        List<RecoveryEntry> entries = new ArrayList<>();
        if (!Files.isDirectory(folder)) return entries;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) entry(file).ifPresent(entries::add);
        }
        entries.sort(Comparator.comparing(RecoveryEntry::savedAt).reversed());
        return entries;
    }

    /** The project kept in a recovery copy; initial weights it names are read from beside its original file. */
    public Project open(RecoveryEntry entry) throws ProjectFileException {
        JsonNode copy = ProjectReader.parse(readBytes(entry.recoveryFile()), entry.recoveryFile().toString());
        Path folder = entry.slot().originalFile().map(Path::getParent).orElse(null);
        // Made here, not with the store: the designer makes its store while its window opens.
        return new ProjectReader().read(copy.path("project"), entry.recoveryFile().toString(), folder);
    }

    /** Deletes the slot's recovery copy and its sidecars, if any: after a save or a clean close. */
    public void discard(RecoverySlot slot) throws IOException {
        Files.deleteIfExists(fileOf(slot));
        if (!Files.isDirectory(folder)) return;
        try (DirectoryStream<Path> sidecars = Files.newDirectoryStream(folder, slot.key() + ".*")) {
            for (Path sidecar : sidecars) deleteTree(sidecar);
        }
    }

    /** Where the slot keeps something beside its copy: {@code suffix} is ".runs.json", say (discarded with the copy). */
    public Path sidecar(RecoverySlot slot, String suffix) {
        if (!suffix.startsWith(".") || suffix.equals(SUFFIX)) throw new IllegalArgumentException("not a sidecar suffix: " + suffix);
        return folder.resolve(slot.key() + suffix);
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) deleteTree(child);
            }
        }
        Files.deleteIfExists(path);
    }

    private Path fileOf(RecoverySlot slot) {
        return folder.resolve(slot.key() + SUFFIX);
    }

    private Optional<RecoveryEntry> entry(Path file) {
        try {
            JsonNode copy = ProjectReader.MAPPER.readTree(file.toFile());
            if (copy == null || !FORMAT_NAME.equals(copy.path("format").asText()) || copy.path("version").asInt() != 1) {
                return Optional.empty();
            }
            String name = file.getFileName().toString();
            String key = name.substring(0, name.length() - SUFFIX.length());
            JsonNode original = copy.path("originalFile");
            Optional<Path> originalFile = original.isTextual() ? Optional.of(Path.of(original.textValue())) : Optional.empty();
            Instant savedAt = Instant.parse(copy.path("savedAt").asText());
            String projectName = copy.path("project").path("name").asText(ProjectDefaults.NAME);
            return Optional.of(new RecoveryEntry(new RecoverySlot(key, originalFile), file, savedAt, projectName));
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] readBytes(Path file) throws ProjectFileException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ProjectFileException(file.toString(), null, 0, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
