package io.layerlab.ui.shell;

import io.layerlab.data.DataSpec;
import io.layerlab.graph.Graph;
import io.layerlab.project.Project;
import io.layerlab.shape.ShapeReport;
import io.layerlab.train.TrainingSpec;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.Workspace;
import io.layerlab.ui.support.DialogService;
import io.layerlab.ui.support.DialogService.SaveChoice;
import io.layerlab.ui.support.TaskExecutor;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's document life cycle: New, Open, Save, Save As, and the question before
 * unsaved changes would be lost. File IO runs on the {@link TaskExecutor}; errors are shown
 * by the {@link DialogService} and never lose the open document.
 */
public final class MainViewModel {
    static final String APP_NAME = "LayerLab";

    private final Workspace workspace;
    private final DialogService dialogs;
    private final TaskExecutor executor;
    private final ProjectFiles files;
    private final Function<Graph, ShapeReport> analyzer;
    private final Consumer<String> status;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", APP_NAME);
    private Path lastDirectory;

    MainViewModel(Workspace workspace, DialogService dialogs, TaskExecutor executor, ProjectFiles files,
                  Function<Graph, ShapeReport> analyzer, Consumer<String> status) {
        this.workspace = Objects.requireNonNull(workspace);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.executor = Objects.requireNonNull(executor);
        this.files = Objects.requireNonNull(files);
        this.analyzer = Objects.requireNonNull(analyzer);
        this.status = Objects.requireNonNull(status);
        workspace.documentProperty().addListener((obs, old, doc) -> bindTitle(doc));
        bindTitle(workspace.document());
    }

    /** "xor.layerlab.json* — LayerLab": the file (or project) name, a star while there are unsaved changes. */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    public DesignDocument document() { return workspace.document(); }

    private void bindTitle(DesignDocument doc) {
        title.unbind();
        if (doc == null) { title.set(APP_NAME); return; }
        StringBinding text = Bindings.createStringBinding(
                () -> documentName(doc) + (doc.isDirty() ? "*" : "") + " — " + APP_NAME,
                doc.dirtyProperty(), doc.fileProperty());
        title.bind(text);
    }

    /** The file's name, or the project's name while it has no file. */
    static String documentName(DesignDocument doc) {
        return doc.file() != null ? doc.file().getFileName().toString() : doc.project().name();
    }

    // --- New / Open ---

    /** A new, empty, untitled project (after asking about unsaved changes). */
    public void newDocument() {
        whenChangesAreSafe("creating a new project", () -> {
            show(new DesignDocument(emptyProject(), null, analyzer));
            status.accept("New project");
        });
    }

    static Project emptyProject() {
        return new Project("Untitled", "", new Graph(), new DataSpec("xor", Map.of(), 0.2, 7), TrainingSpec.defaults());
    }

    /** Asks for a file, then opens it. */
    public void open() {
        whenChangesAreSafe("opening another project", () ->
                dialogs.chooseProjectToOpen(lastDirectory).ifPresent(this::load));
    }

    /** Opens {@code file} (after asking about unsaved changes). */
    public void open(Path file) {
        whenChangesAreSafe("opening another project", () -> load(file));
    }

    /** Reads {@code file} in the background and shows it; on failure the current document stays open. */
    private void load(Path file) {
        status.accept("Opening " + file.getFileName() + "…");
        executor.execute(() -> files.read(file), project -> {
            show(new DesignDocument(project, file, analyzer));
            remember(file);
            status.accept("Opened " + file);
        }, failure -> {
            status.accept("Could not open " + file.getFileName());
            dialogs.showError("Cannot open " + file.getFileName(), file + "\n\n" + describe(failure));
        });
    }

    /** Opens a copy of {@code project} as a new untitled document (samples, recovered work). */
    public void openAsUntitled(Project project, String message) {
        whenChangesAreSafe("opening another project", () -> {
            show(new DesignDocument(project, null, analyzer));
            status.accept(message);
        });
    }

    void show(DesignDocument doc) {
        workspace.show(doc);
    }

    // --- Save ---

    /** Saves to the document's file, or asks where when it has none. */
    public void save() { save(() -> { }); }

    public void saveAs() { saveAs(() -> { }); }

    private void save(Runnable afterSaving) {
        DesignDocument doc = workspace.document();
        if (doc.file() == null) saveAs(afterSaving); else write(doc, doc.file(), afterSaving);
    }

    private void saveAs(Runnable afterSaving) {
        DesignDocument doc = workspace.document();
        Path dir = doc.file() != null ? doc.file().getParent() : lastDirectory;
        dialogs.chooseProjectSaveLocation(dir, suggestedFileName(doc)).ifPresent(path -> write(doc, path, afterSaving));
    }

    static String suggestedFileName(DesignDocument doc) {
        if (doc.file() != null) return doc.file().getFileName().toString();
        String slug = doc.project().name().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (slug.isEmpty() ? "untitled" : slug) + ".layerlab.json";
    }

    /** Writes a snapshot of the document in the background; marks it saved if nothing changed meanwhile. */
    private void write(DesignDocument doc, Path path, Runnable afterSaving) {
        Project snapshot = snapshot(doc.project());
        long revision = doc.history().revision();
        status.accept("Saving " + path.getFileName() + "…");
        executor.execute(() -> { files.write(snapshot, path); return path; }, saved -> {
            if (doc.history().revision() == revision) doc.savedTo(saved);
            remember(saved);
            status.accept("Saved " + saved);
            afterSaving.run();
        }, failure -> {
            status.accept("Could not save " + path.getFileName());
            dialogs.showError("Cannot save " + path.getFileName(), path + "\n\n" + describe(failure)
                    + "\n\nYour project is still open; nothing was lost.");
        });
    }

    /** A copy the worker can write while the person keeps editing the original. */
    static Project snapshot(Project p) {
        Project copy = new Project(p.name(), p.description(), p.graph().copy(), p.data(), p.training());
        copy.extras().putAll(p.extras());
        return copy;
    }

    private void remember(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) lastDirectory = parent;
    }

    // --- unsaved changes ---

    /**
     * Runs {@code proceed} once the open document's changes are safe: it has none, the person
     * chose not to keep them, or they were saved. Cancel (or a failed or cancelled save) stops.
     */
    public void whenChangesAreSafe(String action, Runnable proceed) {
        DesignDocument doc = workspace.document();
        if (doc == null || !doc.isDirty()) { proceed.run(); return; }
        SaveChoice choice = dialogs.askSaveChanges(documentName(doc), action);
        switch (choice) {
            case SAVE -> save(proceed);
            case DONT_SAVE -> proceed.run();
            case CANCEL -> { }
        }
    }

    /** The message of a failure, without Java's class-name prefixes. */
    static String describe(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) t = t.getCause();
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
