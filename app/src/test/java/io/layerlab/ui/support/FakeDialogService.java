package io.layerlab.ui.support;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A scripted stand-in for the real dialogs: answers come from queues the test fills, and
 * every question and message is recorded so the test can assert what the person was asked.
 * A question with no scripted answer fails the test.
 */
public final class FakeDialogService implements DialogService {
    public final Deque<SaveChoice> saveChoices = new ArrayDeque<>();
    public final Deque<Optional<Path>> filesToOpen = new ArrayDeque<>();
    public final Deque<Optional<Path>> saveLocations = new ArrayDeque<>();
    public final Deque<Boolean> confirmations = new ArrayDeque<>();
    public final List<String> saveQuestions = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> confirmQuestions = new ArrayList<>();
    public final List<String> informations = new ArrayList<>();

    @Override public SaveChoice askSaveChanges(String documentName, String action) {
        saveQuestions.add(documentName + " / " + action);
        return next(saveChoices, "askSaveChanges(" + documentName + ", " + action + ")");
    }

    @Override public Optional<Path> chooseProjectToOpen(Path initialDirectory) {
        return next(filesToOpen, "chooseProjectToOpen");
    }

    @Override public Optional<Path> chooseProjectSaveLocation(Path initialDirectory, String suggestedFileName) {
        return next(saveLocations, "chooseProjectSaveLocation(" + suggestedFileName + ")");
    }

    @Override public Optional<Path> choosePngSaveLocation(Path initialDirectory, String suggestedFileName) {
        return next(saveLocations, "choosePngSaveLocation(" + suggestedFileName + ")");
    }

    @Override public Optional<Path> chooseSaveLocation(String title, Path initialDirectory, String suggestedFileName,
                                                      FileKind kind) {
        saveQuestions.add(title + " / " + suggestedFileName);
        return next(saveLocations, "chooseSaveLocation(" + title + ", " + suggestedFileName + ")");
    }

    @Override public Optional<Path> chooseFileToOpen(String title, Path initialDirectory, FileKind kind) {
        return next(filesToOpen, "chooseFileToOpen(" + title + ")");
    }

    @Override public boolean confirm(String title, String message, String yesLabel, String noLabel) {
        confirmQuestions.add(title + ": " + message);
        return next(confirmations, "confirm(" + title + ")");
    }

    @Override public void showError(String title, String message) { errors.add(title + ": " + message); }

    @Override public void showInformation(String title, String message) { informations.add(title); }

    /** The last error shown, or fails when there was none. */
    public String lastError() {
        if (errors.isEmpty()) throw new AssertionError("no error was shown");
        return errors.get(errors.size() - 1);
    }

    private static <T> T next(Deque<T> answers, String question) {
        if (answers.isEmpty()) throw new AssertionError("unexpected dialog: " + question);
        return answers.removeFirst();
    }
}
