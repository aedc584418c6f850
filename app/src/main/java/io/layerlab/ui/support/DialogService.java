package io.layerlab.ui.support;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Every question and message the designer puts to the person. The window uses
 * {@link FxDialogService}; tests substitute a scripted fake so no real dialog ever blocks them.
 */
public interface DialogService {

    /** The answer to "save changes before ...?". */
    enum SaveChoice { SAVE, DONT_SAVE, CANCEL }

    /**
     * Asks whether to save unsaved changes of {@code documentName} before {@code action}
     * ("opening another project", "quitting").
     */
    SaveChoice askSaveChanges(String documentName, String action);

    /** A project file to open, or empty when the person cancels. */
    Optional<Path> chooseProjectToOpen(Path initialDirectory);

    /** Where to save the project, or empty when the person cancels. */
    Optional<Path> chooseProjectSaveLocation(Path initialDirectory, String suggestedFileName);

    /** Where to write a PNG image, or empty when the person cancels. */
    Optional<Path> choosePngSaveLocation(Path initialDirectory, String suggestedFileName);

    /**
     * Where to write an export, or empty when the person cancels. The answer ends with
     * {@code kind}'s extension (added when the person typed a name without it).
     */
    Optional<Path> chooseSaveLocation(String title, Path initialDirectory, String suggestedFileName, FileKind kind);

    /** A file of {@code kind} to read, or empty when the person cancels. */
    Optional<Path> chooseFileToOpen(String title, Path initialDirectory, FileKind kind);

    /** A yes/no question; true for {@code yesLabel}. */
    boolean confirm(String title, String message, String yesLabel, String noLabel);

    /** Something went wrong; the message names what and where. */
    void showError(String title, String message);

    /** Plain information (About, keyboard shortcuts). */
    void showInformation(String title, String message);
}
