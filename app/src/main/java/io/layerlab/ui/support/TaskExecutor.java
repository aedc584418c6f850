package io.layerlab.ui.support;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (file IO, compiling, data generation) away from the JavaFX thread and hands
 * the result back on it. {@link FxTaskExecutor} in the application; {@link DirectTaskExecutor}
 * in tests, where running everything at once keeps them deterministic.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background; then calls {@code onSuccess} with its result, or
     * {@code onFailure} with what it threw, on the thread that owns the UI.
     */
    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread (soon, if called from elsewhere). */
    void runOnUiThread(Runnable action);

    /** Stops accepting work; running work is left to finish. */
    void shutdown();
}
