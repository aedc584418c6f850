package io.layerlab.ui.model;

import io.layerlab.graph.SetParam;
import io.layerlab.ui.TestDocuments;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Kept runs are unsaved work, as edits are. */
class DesignDocumentRunsTest {
    private final DesignDocument doc = TestDocuments.document(TestDocuments.xorProject());

    @Test
    void aKeptRunMakesTheDocumentDirtyUntilASaveWritesIt() {
        assertThat(doc.isDirty()).isFalse();

        doc.runsChanged();
        assertThat(doc.isDirty()).isTrue();

        doc.runsSaved(doc.runsRevision());
        assertThat(doc.isDirty()).isFalse();
    }

    @Test
    void aRunKeptWhileASaveWasWritingStaysUnsaved() {
        doc.runsChanged();
        long writing = doc.runsRevision();
        doc.runsChanged();

        doc.runsSaved(writing);

        assertThat(doc.isDirty()).isTrue();
        doc.runsSaved(doc.runsRevision());
        assertThat(doc.isDirty()).isFalse();
    }

    @Test
    void savedRunsDoNotHideUnsavedEditsNorSavedEditsUnsavedRuns() {
        doc.execute(new SetParam("dense1", "units", 16));
        doc.runsChanged();

        doc.runsSaved(doc.runsRevision());
        assertThat(doc.isDirty()).as("the edit is not saved").isTrue();

        doc.runsChanged();
        doc.savedTo(Path.of("x.layerlab.json"));
        assertThat(doc.isDirty()).as("the run is not saved").isTrue();
    }
}
