package io.layerlab.model;

import io.layerlab.shape.MemoryEstimate;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Checks a zip archive before DL4J reads it, so that a bad file fails with a clear message
 * instead of an exception deep in DL4J, an out-of-memory error or a hang.
 *
 * <p>Two passes, because a zip describes its entries twice: the directory at the end (what
 * {@link ZipFile} and most tools read) and a header before each entry's data (what DL4J's
 * {@code ModelSerializer} reads, with a {@link ZipInputStream}, allocating each entry's declared
 * size up front). The directory pass checks names, the entry count and the declared sizes; the
 * streaming pass inflates every entry, counting the bytes it really produces, and stops as soon
 * as an entry outgrows what it declared or the archive outgrows the limit. CRC checksums are
 * verified on the way, so damaged data is found here too.
 *
 * <p>Public for the other zip LayerLab reads, a project's weights sidecar
 * ({@link io.layerlab.project.WeightsFile}), which gets the same protection.
 */
public final class ZipInspection {
    private static final byte[] ZIP_ENTRY = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    /** Entries kept in memory for the caller (small JSON entries) may not exceed this. */
    static final int MAX_KEPT_BYTES = 64 << 20;

    /** What the archive holds: every entry's size, and the content of the entries asked for. */
    public record Contents(Map<String, Long> sizes, Map<String, byte[]> kept) {
        public boolean has(String entry) { return sizes.containsKey(entry); }

        public byte[] content(String entry) { return kept.get(entry); }
    }

    private ZipInspection() { }

    /**
     * @param keep entries whose content to return (each at most {@link #MAX_KEPT_BYTES})
     * @throws ModelFileException naming the file and what is wrong with it
     */
    public static Contents inspect(Path file, ModelFiles.Limits limits, Set<String> keep) throws ModelFileException {
        checkSignature(file);
        Map<String, Long> sizes = readDirectory(file, limits);
        Map<String, byte[]> kept = inflateAll(file, limits, sizes, keep);
        return new Contents(sizes, kept);
    }

    private static void checkSignature(Path file) throws ModelFileException {
        if (!Files.exists(file)) throw new ModelFileException(file, "does not exist");
        if (Files.isDirectory(file)) throw new ModelFileException(file, "is a folder, not a model file");
        byte[] head = new byte[HDF5.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (AccessDeniedException e) {
            throw new ModelFileException(file, "cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (n == 0) throw new ModelFileException(file, "is empty; a DL4J model is a zip archive");
        if (n == HDF5.length && Arrays.equals(head, HDF5)) {
            throw new ModelFileException(file, "is a Keras/HDF5 file, not a DL4J model zip; open it with: layerlab import "
                    + file.getFileName());
        }
        if (n < 4 || !(startsWith(head, ZIP_ENTRY) || startsWith(head, EMPTY_ZIP))) {
            throw new ModelFileException(file, "is not a zip archive, so it is not a DL4J model (a model zip starts with the bytes \"PK\")");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The directory pass: names, count and declared sizes, before any data is inflated. */
    private static Map<String, Long> readDirectory(Path file, ModelFiles.Limits limits) throws ModelFileException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        long declaredTotal = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                checkName(file, name);
                if (sizes.size() == limits.maxEntries()) {
                    throw new ModelFileException(file, "has more than " + limits.maxEntries()
                            + " entries; a DL4J model holds a handful (configuration.json, coefficients.bin, ...)");
                }
                long size = entry.getSize();
                if (size < 0) throw new ModelFileException(file, "entry " + name + " does not declare its size; the archive is damaged");
                if (sizes.putIfAbsent(name, size) != null) {
                    throw new ModelFileException(file, "entry " + name + " appears twice; a model's entries are unique");
                }
                if (size > limits.maxTotalBytes()) {
                    throw new ModelFileException(file, "entry " + name + " declares " + MemoryEstimate.format(size)
                            + ", more than the " + MemoryEstimate.format(limits.maxTotalBytes()) + " a model file may hold");
                }
                declaredTotal += size;
                if (declaredTotal > limits.maxTotalBytes()) {
                    throw new ModelFileException(file, "declares more than " + MemoryEstimate.format(limits.maxTotalBytes())
                            + " of content in all, more than a model file may hold");
                }
            }
        } catch (ZipException e) {
            throw damaged(file, e);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        return sizes;
    }

    /** The streaming pass, reading the archive the way DL4J will, with every byte counted. */
    private static Map<String, byte[]> inflateAll(Path file, ModelFiles.Limits limits, Map<String, Long> sizes, Set<String> keep)
            throws ModelFileException {
        Map<String, byte[]> kept = new HashMap<>();
        Map<String, Boolean> streamed = new HashMap<>();
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        String current = null;
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                current = name;
                checkName(file, name);
                Long declared = sizes.get(name);
                if (declared == null) {
                    throw new ModelFileException(file, "entry " + name + " is missing from the archive's directory; the archive is damaged");
                }
                if (streamed.put(name, Boolean.TRUE) != null) {
                    throw new ModelFileException(file, "entry " + name + " appears twice; a model's entries are unique");
                }
                if (entry.getSize() >= 0 && entry.getSize() != declared) {
                    throw new ModelFileException(file, "entry " + name + " declares " + MemoryEstimate.format(entry.getSize())
                            + " in its header but " + MemoryEstimate.format(declared) + " in the directory; the archive is damaged");
                }
                boolean keepIt = keep.contains(name);
                if (keepIt && declared > MAX_KEPT_BYTES) {
                    throw new ModelFileException(file, "entry " + name + " declares " + MemoryEstimate.format(declared)
                            + "; it is a small JSON entry in a model file");
                }
                ByteArrayOutputStream content = keepIt ? new ByteArrayOutputStream((int) (long) declared) : null;
                long inflated = 0;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    inflated += n;
                    total += n;
                    if (inflated > declared) {
                        throw new ModelFileException(file, "entry " + name + " inflates to more than the "
                                + MemoryEstimate.format(declared) + " it declares; the archive is damaged or a zip bomb");
                    }
                    if (total > limits.maxTotalBytes()) {
                        throw new ModelFileException(file, "inflates to more than " + MemoryEstimate.format(limits.maxTotalBytes())
                                + ", more than a model file may hold");
                    }
                    if (content != null) content.write(buffer, 0, n);
                }
                if (inflated != declared) {
                    throw new ModelFileException(file, "entry " + name + " holds " + MemoryEstimate.format(inflated) + " but declares "
                            + MemoryEstimate.format(declared) + "; the archive is damaged");
                }
                if (content != null) kept.put(name, content.toByteArray());
                current = null;
            }
        } catch (EOFException e) {
            throw new ModelFileException(file, current == null ? "is truncated" : "is truncated: it ends inside entry " + current, e);
        } catch (ZipException e) {
            if (current != null) throw new ModelFileException(file, "entry " + current + " is damaged: " + e.getMessage(), e);
            throw damaged(file, e);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        for (String name : sizes.keySet()) {
            if (!streamed.containsKey(name)) {
                throw new ModelFileException(file, "entry " + name + " is listed in the archive's directory but its data cannot be found; "
                        + "the archive is damaged");
            }
        }
        return kept;
    }

    /** Refuses names that would escape a folder the archive is unpacked into (zip-slip), and names a file system would misread. */
    static void checkName(Path file, String name) throws ModelFileException {
        if (name.isEmpty()) throw new ModelFileException(file, "has an entry without a name; the archive is damaged");
        if (name.indexOf('\0') >= 0) {
            throw new ModelFileException(file, "entry " + name.replace('\0', '?') + " has a NUL character in its name");
        }
        String path = name.replace('\\', '/');
        if (path.startsWith("/")) {
            throw new ModelFileException(file, "entry " + name + " has an absolute path; entries must stay inside the archive");
        }
        if (DRIVE.matcher(path).matches()) {
            throw new ModelFileException(file, "entry " + name + " names a drive; entries must stay inside the archive");
        }
        for (String part : path.split("/")) {
            if (part.equals("..")) throw new ModelFileException(file, "entry " + name + " points outside the archive");
        }
    }

    private static ModelFileException damaged(Path file, ZipException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("END header not found")) {
            return new ModelFileException(file, "is truncated or damaged: the zip directory at its end is missing", e);
        }
        return new ModelFileException(file, "is a damaged zip archive: " + message, e);
    }
}
