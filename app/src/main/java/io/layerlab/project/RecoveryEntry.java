package io.layerlab.project;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A recovery copy found in the recovery folder, for the "recover unsaved work?" dialog.
 *
 * @param slot         the document it belongs to (its original file, if it had one)
 * @param recoveryFile the copy itself
 * @param savedAt      when the copy was written
 * @param projectName  the project's name, to show
 */
public record RecoveryEntry(RecoverySlot slot, Path recoveryFile, Instant savedAt, String projectName) {
    /** The document's own file, empty when it was untitled. */
    public Optional<Path> originalFile() { return slot.originalFile(); }
}
