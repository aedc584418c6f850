package io.layerlab.train;

import io.layerlab.data.DataSpec;
import io.layerlab.project.Project;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Every training run of one project, in the order they were started: ids and colours are handed out
 * here, finished runs are kept here. Not thread-safe: use it from one thread (the designer's UI thread).
 */
public final class RunLog {
    /** Distinct run colours before they repeat. */
    public static final int COLOURS = 10;

    private final List<RunRecord> runs = new ArrayList<>();
    private int nextId = 1;

    /**
     * Freezes the setup of a new run: {@code project}'s graph as it is now, with these training and
     * data settings. Call on the thread that edits the graph.
     */
    public RunSetup begin(Project project, TrainingSpec training, DataSpec data) {
        int id = nextId++;
        return RunSetup.of(id, (id - 1) % COLOURS, project, training, data);
    }

    /**
     * Gives back a run that never trained (its network could not be built): its id is handed out
     * again if no later run has begun, so run names have no gaps.
     */
    public void abandon(RunSetup setup) {
        if (setup.id() == nextId - 1 && find(setup.id()).isEmpty()) {
            nextId--;
        }
    }

    /** Keeps a finished run. */
    public void add(RunRecord record) {
        if (find(record.id()).isPresent()) {
            throw new IllegalArgumentException("run " + record.id() + " is already in the log");
        }
        runs.add(record);
    }

    /**
     * Takes back a run saved with the project, keeping its id, name and colour: runs begun later
     * are numbered after it.
     */
    public void restore(RunRecord record) {
        add(record);
        nextId = Math.max(nextId, record.id() + 1);
    }

    /**
     * Forgets finished run {@code id} (the person deleted it); ids are not handed out again, so a
     * later run never takes a deleted one's name. Whether it was here.
     */
    public boolean remove(int id) {
        return runs.removeIf(r -> r.id() == id);
    }

    public List<RunRecord> runs() {
        return Collections.unmodifiableList(runs);
    }

    public Optional<RunRecord> find(int id) {
        return runs.stream().filter(r -> r.id() == id).findFirst();
    }

    public int size() {
        return runs.size();
    }
}
