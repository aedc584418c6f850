package io.layerlab.ui.pad;

import io.layerlab.data.PictureInput;
import io.layerlab.data.Sketch;
import io.layerlab.model.ClassProbabilities;
import io.layerlab.model.ImageClassifier;
import io.layerlab.model.ModelInfo;
import io.layerlab.model.Predictor;
import io.layerlab.shape.TensorShape;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;

/**
 * The drawing pad's state: what is drawn, the network it is shown to, what that network sees and
 * what it answers. Every change of the drawing asks for a prediction; predictions run on the pad's
 * own background thread, one at a time and at most one per {@link #MIN_INTERVAL_MILLIS}, always for
 * the latest drawing (intermediate ones are skipped), so drawing fast never queues work and the
 * JavaFX thread only hands over the sketch and shows the answer.
 *
 * <p>Used on the JavaFX thread only.
 */
public final class DrawingPadViewModel {
    /** Predictions while drawing start at most this often: live, yet cheap beside a training run. */
    static final long MIN_INTERVAL_MILLIS = 80;

    /**
     * What the pad classifies with.
     *
     * @param inputShape  the network's input {@code [h, w, c]}: the preview's size and the pen's width follow it
     * @param classNames  by label, shown before the first answer arrives
     * @param classifier  the classifier to use now, called on the pad's thread for every prediction (so a
     *                    training run can hand out its latest weights); null while none is ready
     */
    public record Source(TensorShape inputShape, List<String> classNames, Callable<ImageClassifier> classifier) {
        public Source {
            if (inputShape.kind() != TensorShape.Kind.IMAGE) {
                throw new IllegalArgumentException("a drawing pad draws pictures for an image network [h, w, c], not " + inputShape);
            }
            classNames = List.copyOf(classNames);
            Objects.requireNonNull(classifier);
        }

        /** A source that always classifies with {@code classifier}. */
        public static Source of(ImageClassifier classifier) {
            return new Source(classifier.inputShape(), classifier.classNames(), () -> classifier);
        }

        /**
         * A source for a model that classifies pictures ({@link ImageClassifier#supports}): it runs
         * its own copy of the model's network, made on the pad's thread at the first prediction, so
         * the pad never shares a network with the model's other predictions.
         */
        public static Source copying(Predictor predictor) {
            List<String> classes = predictor.model().info().map(ModelInfo::classes).orElse(List.of());
            Callable<ImageClassifier> firstUseCopies = new Callable<>() {
                private ImageClassifier copy;

                @Override public ImageClassifier call() {
                    if (copy == null) copy = ImageClassifier.copyOf(predictor);
                    return copy;
                }
            };
            return new Source(predictor.inputShape(), classes, firstUseCopies);
        }
    }

    /** The picture the network was given: grey levels 0..255 of {@code shape}, channels last. */
    public record SeenInput(TensorShape shape, double[] grey) { }

    private record Answer(SeenInput input, ClassProbabilities probabilities) { }

    private final Executor worker;
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source");
    private final ObjectProperty<Sketch> sketch = new SimpleObjectProperty<>(this, "sketch", Sketch.EMPTY);
    private final ReadOnlyObjectWrapper<ClassProbabilities> probabilities = new ReadOnlyObjectWrapper<>(this, "probabilities");
    private final ReadOnlyObjectWrapper<SeenInput> seen = new ReadOnlyObjectWrapper<>(this, "seen");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final PauseTransition spacing = new PauseTransition();
    private boolean running;
    private boolean wanted;
    private long lastStartNanos;

    /** A pad with its own background thread, which ends when the pad has been idle a few seconds. */
    public DrawingPadViewModel() {
        this(padThread());
    }

    /** A pad whose predictions run on {@code worker} (they never overlap, so any executor will do). */
    public DrawingPadViewModel(Executor worker) {
        this.worker = Objects.requireNonNull(worker);
        spacing.setOnFinished(e -> startIfWanted());
        sketch.addListener((obs, was, is) -> {
            if (is == null) {
                sketch.set(Sketch.EMPTY);
            } else {
                predict();
            }
        });
        source.addListener((obs, was, is) -> {
            probabilities.set(null);
            predict();
        });
    }

    private static Executor padThread() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "layerlab-drawing-pad");
            t.setDaemon(true);
            return t;
        });
        return pool;
    }

    /** The network the pad shows drawings to; null shows none. */
    public ObjectProperty<Source> sourceProperty() { return source; }

    public void setSource(Source newSource) { source.set(newSource); }

    /** What is drawn; the canvas keeps it up to date. */
    public ObjectProperty<Sketch> sketchProperty() { return sketch; }

    /** Removes the drawing and the answer. */
    public void clear() { sketch.set(Sketch.EMPTY); }

    /** The source has new weights (a training run finished an epoch): classify the drawing again. */
    public void refresh() { predict(); }

    /** The network's answer for the drawing; null while nothing is drawn or no answer has arrived. */
    public ReadOnlyObjectProperty<ClassProbabilities> probabilitiesProperty() { return probabilities.getReadOnlyProperty(); }

    /** The drawing as the network was given it; null while nothing is drawn. */
    public ReadOnlyObjectProperty<SeenInput> seenProperty() { return seen.getReadOnlyProperty(); }

    /** Why the last prediction failed, or empty. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** The pen's width for the source's input size, as a fraction of the pad's side (the sources' own pen). */
    public double penWidth() {
        Source s = source.get();
        return PictureInput.penWidth(s == null ? TensorShape.image(16, 16, 1) : s.inputShape());
    }

    /** True while a prediction runs or waits its turn; false once the answer shown is for the drawing shown. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    private void predict() {
        if (sketch.get().isEmpty() || source.get() == null) {
            wanted = false;
            busy.set(running);
            probabilities.set(null);
            seen.set(null);
            problem.set("");
            return;
        }
        wanted = true;
        startIfWanted();
    }

    private void startIfWanted() {
        try {
            startIfStillWanted();
        } finally {
            busy.set(running || wanted);
        }
    }

    private void startIfStillWanted() {
        if (!wanted || running) return;
        if (sketch.get().isEmpty() || source.get() == null) {
            wanted = false;
            return;
        }
        long waitNanos = lastStartNanos + MIN_INTERVAL_MILLIS * 1_000_000 - System.nanoTime();
        if (lastStartNanos != 0 && waitNanos > 0) {
            if (spacing.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                spacing.setDuration(Duration.millis(Math.ceil(waitNanos / 1e6)));
                spacing.playFromStart();
            }
            return;
        }
        wanted = false;
        running = true;
        lastStartNanos = System.nanoTime();
        Sketch drawing = sketch.get();
        Source asked = source.get();
        worker.execute(() -> {
            Answer answer;
            try {
                answer = answer(drawing, asked);
            } catch (Throwable failure) {
                Platform.runLater(() -> failed(asked, failure));
                return;
            }
            Platform.runLater(() -> answered(asked, answer));
        });
    }

    /** On the pad's thread. */
    private static Answer answer(Sketch drawing, Source asked) throws Exception {
        double[] row = PictureInput.rawRow(drawing, asked.inputShape());
        ImageClassifier classifier = asked.classifier().call();
        return new Answer(new SeenInput(asked.inputShape(), row), classifier == null ? null : classifier.classify(row));
    }

    private void answered(Source asked, Answer answer) {
        running = false;
        // A drawing cleared or a network replaced meanwhile: this answer is for something no longer shown.
        if (asked == source.get() && !sketch.get().isEmpty()) {
            seen.set(answer.input());
            probabilities.set(answer.probabilities());
            problem.set(answer.probabilities() == null ? "The network is not ready yet." : "");
        }
        startIfWanted();
    }

    private void failed(Source asked, Throwable failure) {
        running = false;
        if (asked == source.get()) {
            String message = failure.getMessage();
            problem.set("The network could not classify the drawing: "
                    + (message == null || message.isBlank() ? failure.getClass().getSimpleName() : message));
            probabilities.set(null);
        }
        startIfWanted();
    }
}
