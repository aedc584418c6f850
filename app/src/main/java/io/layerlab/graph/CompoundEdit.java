package io.layerlab.graph;

import java.util.List;

/** Several edits done and undone as one step (paste, duplicate, insert-between). */
public record CompoundEdit(String description, List<Edit> edits) implements Edit {
    public CompoundEdit {
        edits = List.copyOf(edits);
    }

    @Override public void apply(Graph g) {
        int done = 0;
        try {
            for (Edit e : edits) { e.apply(g); done++; }
        } catch (RuntimeException failure) {
            for (int i = done - 1; i >= 0; i--) edits.get(i).revert(g);
            throw failure;
        }
    }

    @Override public void revert(Graph g) {
        for (int i = edits.size() - 1; i >= 0; i--) edits.get(i).revert(g);
    }
}
