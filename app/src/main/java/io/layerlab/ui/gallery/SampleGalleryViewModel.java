package io.layerlab.ui.gallery;

import io.layerlab.project.Project;
import io.layerlab.project.SampleProject;
import io.layerlab.project.SampleProjects;
import io.layerlab.ui.model.Workspace;
import io.layerlab.ui.support.DialogService;
import io.layerlab.ui.support.TaskExecutor;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sample gallery: the bundled sample projects with their descriptions. Opening one opens a
 * fresh copy as an untitled document; the gallery closes when any document opens.
 */
public final class SampleGalleryViewModel {
    private final SampleProjects samples;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final BiConsumer<Project, String> openAsUntitled;
    private final ObservableList<SampleProject> entries = FXCollections.observableArrayList();
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing");

    /** @param openAsUntitled opens a project as a new untitled document (asking about unsaved changes first) with a status message */
    public SampleGalleryViewModel(SampleProjects samples, Workspace workspace, TaskExecutor executor, DialogService dialogs,
                                  BiConsumer<Project, String> openAsUntitled) {
        this.samples = Objects.requireNonNull(samples);
        this.executor = Objects.requireNonNull(executor);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.openAsUntitled = Objects.requireNonNull(openAsUntitled);
        workspace.documentProperty().addListener((obs, old, doc) -> showing.set(false));
    }

    /** The samples, in gallery order (empty until {@link #show} loaded them). */
    public ObservableList<SampleProject> samples() { return entries; }

    /** True while the gallery covers the canvas. */
    public BooleanProperty showingProperty() { return showing; }

    /** Loads the samples (once) and shows the gallery. */
    public void show() {
        if (!entries.isEmpty()) { showing.set(true); return; }
        executor.execute(samples::list, list -> { entries.setAll(list); showing.set(true); },
                failure -> dialogs.showError("Cannot list the samples", failure.getMessage()));
    }

    public void close() { showing.set(false); }

    /** Opens a fresh copy of {@code sample}; the gallery closes once it is open. */
    public void open(SampleProject sample) {
        executor.execute(() -> samples.open(sample), project ->
                openAsUntitled.accept(project, "Opened the sample \"" + sample.name() + "\" as a new, untitled project"),
                failure -> dialogs.showError("Cannot open the sample " + sample.fileName(), failure.getMessage()));
    }
}
