package io.layerlab.model;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The model zips one unchanging network was written to or read from, so that saving it again
 * elsewhere (the project under another name, the recovery copy after a save) can make a hard link
 * to one of them, writing no bytes, instead of serialising the network anew: megabytes for an
 * image model, at every save.
 *
 * <p>A copy counts only while it is still the very file that was written or read: the same file
 * (its file key, where the system has one), size and modification time. Model zips are only ever
 * replaced whole ({@link ModelFiles#save} writes a new file and moves it over the old one), so a
 * file another save replaced no longer counts, and a link never shares bytes with a file that will
 * be rewritten in place. Where links cannot be made (another file system, a system without them)
 * the caller writes as before. Thread-safe.
 */
public final class NetworkCopies {
    /** Enough for the project's file, its last name and the recovery copy. */
    private static final int KEPT = 4;

    private record Copy(Path path, Object fileKey, long size, FileTime modified) {
        static Copy of(Path path) throws IOException {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Copy(path.toAbsolutePath(), a.fileKey(), a.size(), a.lastModifiedTime());
        }

        boolean stillThere() {
            try {
                Copy now = of(path);
                return Objects.equals(now.fileKey, fileKey) && now.size == size && now.modified.equals(modified);
            } catch (IOException e) {
                return false;
            }
        }
    }

    private final Deque<Copy> copies = new ArrayDeque<>();

    /**
     * Records that {@code zip} now holds the network, as written or read. Does nothing when it
     * cannot be read (the network is then written again next time).
     */
    public void remember(Path zip) {
        Copy copy;
        try {
            copy = Copy.of(zip);
        } catch (IOException e) {
            return;
        }
        synchronized (copies) {
            copies.removeIf(c -> c.path.equals(copy.path));
            copies.addFirst(copy);
            while (copies.size() > KEPT) {
                copies.removeLast();
            }
        }
    }

    /**
     * Puts the network at {@code zip}, replacing whatever is there, as a hard link to a copy that is
     * still as it was remembered. False when there is none or no link could be made: then nothing
     * at {@code zip} changed.
     */
    public boolean linkTo(Path zip) {
        List<Copy> known;
        synchronized (copies) {
            known = List.copyOf(copies);
        }
        Path target = zip.toAbsolutePath();
        for (Copy copy : known) {
            if (copy.stillThere() && link(copy.path, target)) {
                remember(target);
                return true;
            }
        }
        return false;
    }

    /** Links {@code target} to {@code source} through a temporary name, so that a reader sees the old file or the new, never none. */
    private static boolean link(Path source, Path target) {
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".link");
        try {
            Files.createDirectories(target.getParent());
            Files.createLink(tmp, source);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            // Linking a file over itself: rename(2) leaves both names when they are the same file.
            Files.deleteIfExists(tmp);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a stray hidden file at worst; the next save's write replaces the target anyway
            }
            return false;
        }
    }
}
