package io.layerlab.project;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file so that a crash, a full disk or an exception at any moment leaves either
 * the old content or the new one, never a half-written file: the content goes to a hidden
 * temporary file in the same folder, is flushed to disk, and is then renamed over the target
 * (an atomic rename where the file system offers one, a replacing rename otherwise). A failed
 * write removes the temporary file and leaves the target untouched.
 *
 * <p>A target that is a symbolic link is followed: the file it points to is replaced and the
 * link stays. An existing target's POSIX permissions are kept.
 */
public final class AtomicFile {
    /** Writes the content; may throw at any point, e.g. when the disk is full. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes text; may throw at any point. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(java.io.Writer out) throws IOException;
    }

    private AtomicFile() { }

    /** Replaces {@code target} with the UTF-8 text {@code content} writes, creating missing parent folders. */
    public static void writeText(Path target, TextContent content) throws IOException {
        write(target, out -> {
            java.io.Writer writer = new java.io.BufferedWriter(
                    new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
            content.writeTo(writer);
            writer.flush();
        });
    }

    /** Replaces {@code target} with {@code bytes}, creating missing parent folders. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Replaces {@code target} with what {@code content} writes, creating missing parent folders. */
    public static void write(Path target, Content content) throws IOException {
        Path file = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        Path folder = file.getParent();
        Files.createDirectories(folder);
        Path temp = folder.resolve("." + file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            keepPermissions(file, temp);
            move(temp, file);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void keepPermissions(Path original, Path replacement) throws IOException {
        if (!Files.exists(original)) return;
        PosixFileAttributeView from = Files.getFileAttributeView(original, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(replacement, PosixFileAttributeView.class);
        if (from == null || to == null) return;
        Set<PosixFilePermission> permissions = from.readAttributes().permissions();
        to.setPermissions(permissions);
    }
}
