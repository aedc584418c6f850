package io.layerlab.ui.shell;

import io.layerlab.project.Project;
import io.layerlab.project.RecoveryEntry;
import io.layerlab.project.RecoverySlot;
import io.layerlab.project.RecoveryStore;
import io.layerlab.train.KeptRuns;
import io.layerlab.train.SavedRun;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.support.DialogService;
import io.layerlab.ui.support.TaskExecutor;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps recovery copies of the open document so work survives a crash: a copy now and then
 * while there are unsaved changes ({@link #saveCopy}, driven by the window's timer), none once
 * the document is saved or closed cleanly, and at start an offer to restore what is left. A copy
 * holds the project and its finished runs with their networks (beside it, as beside a project file).
 */
final class RecoveryKeeper {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneId.systemDefault());
    /** The runs beside a copy, with their networks' folder beside them (as beside a project file). */
    static final String RUNS = ".runs.json";

    /** Opens restored work: the project, the file it belongs to (null if untitled) and its runs; returns its document. */
    @FunctionalInterface
    interface Restorer {
        DesignDocument restore(Project project, Path originalFile, List<SavedRun> runs);
    }

    /** What a copy held, read in the background. */
    private record Restored(Project project, List<SavedRun> runs, String runsProblem) { }

    /** The state a document was copied at: its edits' revision and its runs'. */
    private record Copied(long revision, long runsRevision) { }

    private final RecoveryStore store;
    private final TaskExecutor executor;
    private final Consumer<String> status;
    private final Map<DesignDocument, RecoverySlot> slots = new WeakHashMap<>();
    /** What each document's last copy held, so an idle document is not copied again. */
    private final Map<DesignDocument, Copied> copied = new WeakHashMap<>();
    private Function<Project, KeptRuns> runsOf = p -> KeptRuns.NONE;

    RecoveryKeeper(RecoveryStore store, TaskExecutor executor, Consumer<String> status) {
        this.store = store;
        this.executor = executor;
        this.status = status;
    }

    /** Where a project's finished runs and their networks are found when it is copied. */
    void keepRunsFrom(Function<Project, KeptRuns> runs) {
        runsOf = Objects.requireNonNull(runs);
    }

    /** Starts keeping copies of {@code doc}: in its file's slot, or a fresh one while untitled. */
    void track(DesignDocument doc) {
        slots.put(doc, doc.file() != null ? store.slotFor(doc.file()) : store.untitledSlot());
    }

    /** Writes a copy of {@code doc} if it has unsaved changes (edits or runs) not yet copied. */
    void saveCopy(DesignDocument doc) {
        RecoverySlot slot = slots.get(doc);
        if (slot == null || !doc.isDirty()) return;
        // Settings changes are edits too, so unchanged revisions mean nothing new to copy.
        Copied now = new Copied(doc.history().revision(), doc.runsRevision());
        if (now.equals(copied.get(doc))) return;
        Project snapshot = MainViewModel.snapshot(doc.project());
        // Finished runs do not change: the worker may write them while training goes on.
        KeptRuns runs = runsOf.apply(doc.project());
        copied.put(doc, now);
        executor.execute(() -> {
            store.save(slot, snapshot);
            runs.write(store.sidecar(slot, RUNS), false);
            return slot;
        }, s -> { }, failure -> status.accept("Could not write the recovery copy: " + MainViewModel.describe(failure)));
    }

    /** After {@code doc} was saved as {@code file}: its copy is no longer needed, later copies go to the file's slot. */
    void saved(DesignDocument doc, Path file) {
        discard(slots.get(doc));
        slots.put(doc, store.slotFor(file));
        copied.remove(doc);
    }

    /** The person closed {@code doc} deliberately (saved, or chose not to save): its copy goes. */
    void closed(DesignDocument doc) {
        discard(slots.remove(doc));
        copied.remove(doc);
    }

    private void discard(RecoverySlot slot) {
        if (slot == null) return;
        executor.execute(() -> { store.discard(slot); return slot; }, s -> { },
                failure -> status.accept("Could not delete the recovery copy: " + MainViewModel.describe(failure)));
    }

    /**
     * Looks for copies left by a crash and asks, newest first, whether to restore each one.
     * {@code restorer} opens the restored project and returns its document, which keeps the copy
     * until saved or closed. Declined copies are deleted; once one is restored, the rest are kept for
     * the next start (one window holds one document). {@code whenDone} is told whether anything was restored.
     */
    void offerRecovery(DialogService dialogs, Restorer restorer, Consumer<Boolean> whenDone) {
        executor.execute(store::list, entries -> offer(dialogs, entries, 0, restorer, whenDone),
                failure -> {
                    status.accept("Could not look for recovery copies: " + MainViewModel.describe(failure));
                    whenDone.accept(false);
                });
    }

    private void offer(DialogService dialogs, List<RecoveryEntry> entries, int index, Restorer restorer, Consumer<Boolean> whenDone) {
        if (index == entries.size()) {
            whenDone.accept(false);
            return;
        }
        RecoveryEntry entry = entries.get(index);
        String where = entry.originalFile().map(f -> "of " + f).orElse("of an untitled project");
        boolean yes = dialogs.confirm("Restore unsaved work?",
                "LayerLab was not closed properly. It kept a copy of \"" + entry.projectName() + "\" (" + where
                        + "), saved " + WHEN.format(entry.savedAt()) + ".\n\nRestore it? If you don't, the copy is deleted.",
                "Restore", "Delete Copy");
        if (!yes) {
            discard(entry.slot());
            offer(dialogs, entries, index + 1, restorer, whenDone);
            return;
        }
        // Read in the background: the runs' networks need ND4J, which may still be loading.
        executor.execute(() -> read(entry), restored -> {
            DesignDocument doc = restorer.restore(restored.project(), entry.originalFile().orElse(null), restored.runs());
            slots.put(doc, entry.slot());
            if (restored.runsProblem() != null) {
                dialogs.showError("Cannot restore the runs of \"" + entry.projectName() + "\"", restored.runsProblem()
                        + "\n\nThe project was restored without them.");
            }
            int left = entries.size() - index - 1;
            if (left > 0) status.accept("Restored \"" + entry.projectName() + "\"; " + left + " more recovery "
                    + (left == 1 ? "copy is" : "copies are") + " kept for the next start");
            whenDone.accept(true);
        }, failure -> {
            dialogs.showError("Cannot restore the copy", entry.recoveryFile() + "\n\n" + MainViewModel.describe(failure));
            offer(dialogs, entries, index + 1, restorer, whenDone);
        });
    }

    private Restored read(RecoveryEntry entry) throws Exception {
        Project project = store.open(entry);
        try {
            return new Restored(project, KeptRuns.read(store.sidecar(entry.slot(), RUNS)), null);
        } catch (Exception e) {
            return new Restored(project, List.of(), MainViewModel.describe(e));
        }
    }
}
