package io.layerlab.ui.shell;

import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.project.Project;
import io.layerlab.project.ProjectDefaults;
import io.layerlab.project.ProjectReader;
import io.layerlab.project.ProjectWriter;
import io.layerlab.project.RecentFiles;
import io.layerlab.shape.ShapeReport;
import io.layerlab.train.KeptRuns;
import io.layerlab.train.RunsFile;
import io.layerlab.train.SavedRun;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.Workspace;
import io.layerlab.ui.support.DialogService;
import io.layerlab.ui.support.DialogService.SaveChoice;
import io.layerlab.ui.support.TaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's document life cycle: New, Open, Open Recent, Save, Save As, and the question
 * before unsaved changes would be lost. File IO runs on the {@link TaskExecutor}; errors are
 * shown by the {@link DialogService} and never lose the open document. Recovery copies follow
 * the document through the {@link RecoveryKeeper}.
 */
public final class MainViewModel {
    static final String APP_NAME = "LayerLab";

    private final Workspace workspace;
    private final DialogService dialogs;
    private final TaskExecutor executor;
    private final Function<Graph, ShapeReport> analyzer;
    private final RecentFiles recentFiles;
    private final RecoveryKeeper recovery;
    private final Consumer<String> status;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", APP_NAME);
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private Path lastDirectory;
    /** The finished runs kept for a project, and the networks they hold: saved beside its file. */
    private Function<Project, KeptRuns> runsOf = p -> KeptRuns.NONE;

    MainViewModel(Workspace workspace, DialogService dialogs, TaskExecutor executor, Function<Graph, ShapeReport> analyzer,
                  RecentFiles recentFiles, RecoveryKeeper recovery, Consumer<String> status) {
        this.workspace = Objects.requireNonNull(workspace);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.executor = Objects.requireNonNull(executor);
        this.analyzer = Objects.requireNonNull(analyzer);
        this.recentFiles = Objects.requireNonNull(recentFiles);
        this.recovery = Objects.requireNonNull(recovery);
        this.status = Objects.requireNonNull(status);
        workspace.documentProperty().addListener((obs, old, doc) -> bindTitle(doc));
        bindTitle(workspace.document());
    }

    /**
     * Where the finished runs of a project and their networks are found when it is saved or copied
     * for recovery (the training view model's).
     */
    void keepRunsFrom(Function<Project, KeptRuns> runs) {
        runsOf = Objects.requireNonNull(runs);
        recovery.keepRunsFrom(runs);
    }

    /** "xor.layerlab.json* — LayerLab": the file (or project) name, a star while there are unsaved changes. */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    /** Recently opened or saved files, most recent first. */
    public ObservableList<Path> recentFiles() { return recent; }

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
            show(new DesignDocument(ProjectDefaults.newProject(), null, analyzer));
            status.accept("New project");
        });
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

    /** A project read from its file, with the runs (and their networks) saved beside it, or why they could not be read. */
    private record Opened(Project project, List<SavedRun> runs, String runsProblem) { }

    /** Reads {@code file} in the background and shows it; on failure the current document stays open. */
    private void load(Path file) {
        status.accept("Opening " + file.getFileName() + "…");
        // Made in the task: the JSON library loads there, not on the JavaFX thread while the window opens.
        executor.execute(() -> readWithRuns(file), opened -> {
            show(new DesignDocument(opened.project(), file, analyzer, opened.runs()));
            remember(file);
            status.accept("Opened " + file);
            if (opened.runsProblem() != null) {
                dialogs.showError("Cannot read the runs saved with " + file.getFileName(), opened.runsProblem());
            }
        }, failure -> {
            status.accept("Could not open " + file.getFileName());
            dialogs.showError("Cannot open " + file.getFileName(), describe(failure)
                    + "\n\nThe project that was open is still open.");
        });
    }

    /**
     * The project, and the runs saved beside it with their networks. Runs that cannot be read do
     * not keep the project from opening: their file is set aside under another name, so that saving
     * the project does not replace it, and the person is told where it is. A network that cannot be
     * read leaves its run without one (the run says why).
     */
    static Opened readWithRuns(Path file) throws Exception {
        Project project = new ProjectReader().read(file);
        Path runsFile = RunsFile.besideProject(file);
        List<SavedRun> runs;
        try {
            runs = KeptRuns.read(runsFile);
        } catch (Exception unreadable) {
            String kept;
            try {
                kept = "It was kept as " + setAside(runsFile).getFileName() + " beside the project.";
            } catch (IOException e) {
                kept = "It could not be set aside (" + describe(e) + "): saving the project will replace it.";
            }
            return new Opened(project, List.of(), describe(unreadable) + "\n\nThe project opened without its earlier runs. " + kept);
        }
        return new Opened(project, runs, null);
    }

    /** Renames {@code file} to a free "….unreadable.json" name beside it; returns the new path. */
    private static Path setAside(Path file) throws IOException {
        String name = file.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        Path aside = file.resolveSibling(base + ".unreadable.json");
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(base + ".unreadable-" + n + ".json");
        }
        return Files.move(file, aside);
    }

    /** Opens {@code project} (a sample's fresh copy) as a new untitled document, after asking about unsaved changes. */
    public void openAsUntitled(Project project, String message) {
        whenChangesAreSafe("opening another project", () -> {
            show(new DesignDocument(project, null, analyzer));
            status.accept(message);
        });
    }

    /** Opens {@code project} (an import) as a new untitled document; unsaved changes were dealt with already. */
    void showUntitled(Project project, String message) {
        show(new DesignDocument(project, null, analyzer));
        status.accept(message);
    }

    /** The folder files were last opened from or saved to, or null. */
    Path lastDirectory() { return lastDirectory; }

    /** Shows work restored from a recovery copy, with its runs: unsaved, tied to its file if it had one. */
    DesignDocument showRecovered(Project project, Path originalFile, List<SavedRun> runs) {
        DesignDocument doc = new DesignDocument(project, originalFile, analyzer, runs);
        doc.history().markUnsaved();
        workspace.show(doc);
        status.accept("Restored unsaved work on \"" + project.name() + "\"");
        return doc;
    }

    /** Makes {@code doc} the open document; the one it replaces was dealt with by {@link #whenChangesAreSafe}. */
    void show(DesignDocument doc) {
        DesignDocument previous = workspace.document();
        if (previous != null) recovery.closed(previous);
        workspace.show(doc);
        recovery.track(doc);
    }

    /** A recovery copy of the open document, if it has changes not yet copied (the autosave timer calls this). */
    public void autosave() {
        if (workspace.document() != null) recovery.saveCopy(workspace.document());
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
        Path dir = doc.file() != null ? doc.file().toAbsolutePath().getParent() : lastDirectory;
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
        // Finished runs do not change: the worker may write them while training goes on.
        KeptRuns runs = runsOf.apply(doc.project());
        // In place, the networks already beside the file are this project's; elsewhere they may be another's.
        boolean inPlace = path.equals(doc.file());
        long runsRevision = doc.runsRevision();
        status.accept("Saving " + path.getFileName() + "…");
        executor.execute(() -> {
            new ProjectWriter().save(snapshot, path);
            runs.write(RunsFile.besideProject(path), !inPlace);
            return path;
        }, saved -> {
            if (doc.history().revision() == revision) {
                doc.savedTo(saved);
                recovery.saved(doc, saved);
            }
            doc.runsSaved(runsRevision);
            remember(saved);
            status.accept("Saved " + saved);
            afterSaving.run();
        }, failure -> {
            status.accept("Could not save " + path.getFileName());
            dialogs.showError("Cannot save " + path.getFileName(), path + "\n\n" + describe(failure)
                    + "\n\nYour project is still open; nothing was lost.");
        });
    }

    /** A copy a worker can write while the person keeps editing the original. */
    static Project snapshot(Project p) {
        Project copy = new Project(p.name(), p.description(), p.graph().copy(), p.data(), p.training());
        copy.extras().putAll(p.extras());
        copy.copyInitialWeightsFrom(p);
        copy.graphExtras().putAll(p.graphExtras());
        Map<Edge, Map<String, Object>> edges = new HashMap<>();
        p.edgeExtras().forEach((edge, fields) -> edges.put(edge, new HashMap<>(fields)));
        copy.edgeExtras().putAll(edges);
        return copy;
    }

    // --- recent files ---

    /** Reads the recent-files list (at start). */
    public void loadRecentFiles() {
        executor.execute(recentFiles::list, recent::setAll,
                failure -> status.accept("Could not read the recent-files list: " + describe(failure)));
    }

    private void remember(Path file) {
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) lastDirectory = absolute.getParent();
        executor.execute(() -> { recentFiles.add(absolute); return recentFiles.list(); }, recent::setAll,
                failure -> status.accept("Could not update the recent-files list: " + describe(failure)));
    }

    public void clearRecentFiles() {
        executor.execute(() -> { recentFiles.clear(); return List.<Path>of(); }, recent::setAll,
                failure -> status.accept("Could not clear the recent-files list: " + describe(failure)));
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

    /** Closes the document for good (the window is closing): its recovery copy goes. */
    void closeDocument() {
        if (workspace.document() != null) recovery.closed(workspace.document());
    }

    /** The message of a failure, without Java's class-name prefixes. */
    static String describe(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) t = t.getCause();
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
