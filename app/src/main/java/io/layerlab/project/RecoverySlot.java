package io.layerlab.project;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one open document's recovery copy goes. Get it from {@link RecoveryStore#slotFor(Path)}
 * for a saved document or {@link RecoveryStore#untitledSlot()} for an untitled one and keep it
 * while the document is open; after "Save as", discard the old slot and take the new file's.
 *
 * @param key          file-name-safe identity of the document in the recovery folder
 * @param originalFile the document's own file, empty for an untitled document
 */
public record RecoverySlot(String key, Optional<Path> originalFile) {
    public RecoverySlot {
        Objects.requireNonNull(key);
        Objects.requireNonNull(originalFile);
        if (!key.matches("[A-Za-z0-9_-]+")) throw new IllegalArgumentException("recovery key must be letters, digits, - or _: " + key);
    }
}
