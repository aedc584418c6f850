package io.layerlab.ui.shell;

import io.layerlab.train.BackgroundPriority;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads ND4J on a background thread while the designer is already usable, and tells the status
 * bar how far it is: "Loading ND4J…" while it loads, nothing once it is ready, the reason when it
 * could not load (training would then say so too). The window never waits for it; a run started
 * meanwhile waits for the load in its own worker.
 */
public final class Nd4jLoading {
    static final String LOADING = "Loading ND4J…";
    private static final Logger LOG = LoggerFactory.getLogger(Nd4jLoading.class);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final Runnable load;
    private final Runnable afterwards;
    private boolean started;

    /** @param load loads ND4J (on a background thread); throws to say it could not */
    public Nd4jLoading(Runnable load) {
        this(load, () -> { });
    }

    /**
     * @param load       loads ND4J (on a background thread); throws to say it could not
     * @param afterwards runs on the same thread, at background priority, once the status bar has
     *                   been told ND4J is ready (not after a failed load); what it throws is ignored
     */
    public Nd4jLoading(Runnable load, Runnable afterwards) {
        this.load = Objects.requireNonNull(load);
        this.afterwards = Objects.requireNonNull(afterwards);
    }

    /** On the JavaFX thread: starts the load on a daemon thread of its own. Later calls do nothing. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        detail.set("ND4J, the numerical library LayerLab trains with, loads its native code once per start.");
        text.set(LOADING);
        Thread loader = new Thread(this::loadInBackground, "layerlab-nd4j-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private void loadInBackground() {
        try {
            load.run();
            Platform.runLater(this::loaded);
        } catch (RuntimeException | LinkageError e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            Platform.runLater(() -> failed(reason));
            return;
        }
        BackgroundPriority.lowerCurrentThread();
        try {
            afterwards.run();
        } catch (RuntimeException | LinkageError e) {
            // Nothing waits for it: ND4J is ready whatever it did.
            LOG.warn("After loading ND4J: {}", e.toString());
        }
    }

    // The detail is set before the text, so whoever watches the text finds the detail that goes with it.
    private void loaded() {
        detail.set("");
        text.set("");
    }

    private void failed(String reason) {
        detail.set(reason + "\nDesigning, shape checks and exporting code or diagrams work without it.");
        text.set("ND4J did not load: training is unavailable");
    }

    /** The status bar's word on ND4J: empty once it is ready. */
    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }

    /** More on it, for a tooltip: what ND4J is while it loads, the reason when it failed. */
    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }
}
