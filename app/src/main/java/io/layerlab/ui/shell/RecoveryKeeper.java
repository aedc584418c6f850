package io.layerlab.ui.shell;

import io.layerlab.project.Project;
import io.layerlab.project.RecoveryEntry;
import io.layerlab.project.RecoverySlot;
import io.layerlab.project.RecoveryStore;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.support.DialogService;
import io.layerlab.ui.support.TaskExecutor;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Keeps recovery copies of the open document so work survives a crash: a copy now and then
 * while there are unsaved changes ({@link #saveCopy}, driven by the window's timer), none once
 * the document is saved or closed cleanly, and at start an offer to restore what is left.
 */
final class RecoveryKeeper {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneId.systemDefault());

    private final RecoveryStore store;
    private final TaskExecutor executor;
    private final Consumer<String> status;
    private final Map<DesignDocument, RecoverySlot> slots = new WeakHashMap<>();
    /** The history revision each document's last copy was made at, so an idle document is not copied again. */
    private final Map<DesignDocument, Long> copiedRevision = new WeakHashMap<>();

    RecoveryKeeper(RecoveryStore store, TaskExecutor executor, Consumer<String> status) {
        this.store = store;
        this.executor = executor;
        this.status = status;
    }

    /** Starts keeping copies of {@code doc}: in its file's slot, or a fresh one while untitled. */
    void track(DesignDocument doc) {
        slots.put(doc, doc.file() != null ? store.slotFor(doc.file()) : store.untitledSlot());
    }

    /** Writes a copy of {@code doc} if it has unsaved changes not yet copied. */
    void saveCopy(DesignDocument doc) {
        RecoverySlot slot = slots.get(doc);
        if (slot == null || !doc.isDirty()) return;
        long revision = doc.history().revision();
        Long copied = copiedRevision.get(doc);
        // Settings changes are edits too, so an unchanged revision means nothing new to copy.
        if (copied != null && copied == revision) return;
        Project snapshot = MainViewModel.snapshot(doc.project());
        copiedRevision.put(doc, revision);
        executor.execute(() -> { store.save(slot, snapshot); return slot; }, s -> { },
                failure -> status.accept("Could not write the recovery copy: " + MainViewModel.describe(failure)));
    }

    /** After {@code doc} was saved as {@code file}: its copy is no longer needed, later copies go to the file's slot. */
    void saved(DesignDocument doc, Path file) {
        discard(slots.get(doc));
        slots.put(doc, store.slotFor(file));
        copiedRevision.remove(doc);
    }

    /** The person closed {@code doc} deliberately (saved, or chose not to save): its copy goes. */
    void closed(DesignDocument doc) {
        discard(slots.remove(doc));
        copiedRevision.remove(doc);
    }

    private void discard(RecoverySlot slot) {
        if (slot == null) return;
        executor.execute(() -> { store.discard(slot); return slot; }, s -> { },
                failure -> status.accept("Could not delete the recovery copy: " + MainViewModel.describe(failure)));
    }

    /**
     * Looks for copies left by a crash and asks, newest first, whether to restore each one.
     * {@code restore} opens the restored project (with the file it belonged to, null if
     * untitled) and returns its document, which keeps the copy until saved or closed. Declined
     * copies are deleted; once one is restored, the rest are kept for the next start (one window
     * holds one document). {@code whenDone} is told whether anything was restored.
     */
    void offerRecovery(DialogService dialogs, BiFunction<Project, Path, DesignDocument> restore, Consumer<Boolean> whenDone) {
        executor.execute(store::list, entries -> offer(dialogs, entries, restore, whenDone),
                failure -> {
                    status.accept("Could not look for recovery copies: " + MainViewModel.describe(failure));
                    whenDone.accept(false);
                });
    }

    private void offer(DialogService dialogs, List<RecoveryEntry> entries, BiFunction<Project, Path, DesignDocument> restore,
                       Consumer<Boolean> whenDone) {
        for (int i = 0; i < entries.size(); i++) {
            RecoveryEntry entry = entries.get(i);
            String where = entry.originalFile().map(f -> "of " + f).orElse("of an untitled project");
            boolean yes = dialogs.confirm("Restore unsaved work?",
                    "LayerLab was not closed properly. It kept a copy of \"" + entry.projectName() + "\" (" + where
                            + "), saved " + WHEN.format(entry.savedAt()) + ".\n\nRestore it? If you don't, the copy is deleted.",
                    "Restore", "Delete Copy");
            if (!yes) { discard(entry.slot()); continue; }
            try {
                DesignDocument doc = restore.apply(store.open(entry), entry.originalFile().orElse(null));
                slots.put(doc, entry.slot());
                int left = entries.size() - i - 1;
                if (left > 0) status.accept("Restored \"" + entry.projectName() + "\"; " + left + " more recovery "
                        + (left == 1 ? "copy is" : "copies are") + " kept for the next start");
                whenDone.accept(true);
                return;
            } catch (Exception e) {
                dialogs.showError("Cannot restore the copy", entry.recoveryFile() + "\n\n" + MainViewModel.describe(e));
            }
        }
        whenDone.accept(false);
    }
}
