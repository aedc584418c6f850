package io.layerlab.ui.training;

import java.nio.file.Path;
import java.util.Optional;

/** Asks where to save an export; empty when the person cancelled. Tests answer without a dialog. */
@FunctionalInterface
public interface SaveTarget {
    /**
     * @param title          the dialog's title
     * @param suggestedName  a file name to start from, e.g. "loss.png"
     * @param extension      the file type's extension without dot, e.g. "png"
     */
    Optional<Path> choose(String title, String suggestedName, String extension);
}
