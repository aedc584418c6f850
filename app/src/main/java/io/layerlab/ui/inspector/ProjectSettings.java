package io.layerlab.ui.inspector;

import static io.layerlab.catalog.ParamSpec.bool;
import static io.layerlab.catalog.ParamSpec.choice;
import static io.layerlab.catalog.ParamSpec.decimal;
import static io.layerlab.catalog.ParamSpec.integer;
import static io.layerlab.catalog.ParamSpec.positive;

import io.layerlab.catalog.ParamSpec;
import io.layerlab.data.DataSource;
import io.layerlab.data.DataSources;
import io.layerlab.data.DataSpec;
import io.layerlab.train.TrainingSpec;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.SetProjectSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The project's data and training settings as inspector rows, described with the same
 * {@link ParamSpec}s as layer parameters so they get the same editors and validation. Each
 * change is one {@link SetProjectSettings} edit.
 */
final class ProjectSettings {
    static final String DATA = "Data";
    static final String TRAINING = "Training";

    private record Setting<S>(ParamSpec spec, String label, Function<S, Object> read, BiFunction<S, Object, S> write) { }

    private final List<Setting<TrainingSpec>> training = List.of(
            new Setting<>(choice("optimizer", "adam", TrainingSpec.OPTIMIZERS, "How the weights are updated from the gradients"),
                    "Optimizer", TrainingSpec::optimizer, (t, v) -> t.withOptimizer((String) v)),
            // Any positive rate, as the dashboard, the command line and the project file take it: a
            // rate far too large is how a learner sees a run diverge.
            new Setting<>(positive("learningRate", 0.01, "Size of each update step"),
                    "Learning rate", TrainingSpec::learningRate, (t, v) -> t.withLearningRate((Double) v)),
            new Setting<>(integer("batchSize", 32, 1, 1_000_000, "Examples per update step"),
                    "Batch size", TrainingSpec::batchSize, (t, v) -> t.withBatchSize((Integer) v)),
            new Setting<>(integer("epochs", 50, 1, 1_000_000, "Passes over the training data"),
                    "Epochs", TrainingSpec::epochs, (t, v) -> t.withEpochs((Integer) v)),
            new Setting<>(bool("shuffle", true, "Shuffle the training examples before every epoch"),
                    "Shuffle", TrainingSpec::shuffle,
                    (t, v) -> new TrainingSpec(t.optimizer(), t.learningRate(), t.batchSize(), t.epochs(), (Boolean) v, t.seed(), t.extras())));

    List<SpecItem> trainingItems(DesignDocument doc) {
        List<SpecItem> items = new ArrayList<>();
        for (Setting<TrainingSpec> s : training) {
            items.add(new SpecItem(s.spec(), s.label(), TRAINING, s.read().apply(doc.project().training()), v -> {
                TrainingSpec now = doc.project().training();
                doc.execute(new SetProjectSettings(doc.project(), doc.project().data(), s.write().apply(now, v),
                        "Set " + s.label().toLowerCase()));
            }));
        }
        return items;
    }

    List<SpecItem> dataItems(DesignDocument doc) {
        List<SpecItem> items = new ArrayList<>();
        for (Setting<DataSpec> s : dataSettings(doc.project().data().source())) {
            items.add(new SpecItem(s.spec(), s.label(), DATA, s.read().apply(doc.project().data()), v -> {
                DataSpec now = doc.project().data();
                doc.execute(new SetProjectSettings(doc.project(), s.write().apply(now, v), doc.project().training(),
                        "Set " + s.label().toLowerCase()));
            }));
        }
        return items;
    }

    /** Puts the document's current values into rows built earlier for the same data source. */
    void refresh(DesignDocument doc, List<SpecItem> dataItems, List<SpecItem> trainingItems) {
        List<Setting<DataSpec>> data = dataSettings(doc.project().data().source());
        for (int i = 0; i < dataItems.size() && i < data.size(); i++) {
            dataItems.get(i).refresh(data.get(i).read().apply(doc.project().data()));
        }
        for (int i = 0; i < trainingItems.size(); i++) {
            trainingItems.get(i).refresh(training.get(i).read().apply(doc.project().training()));
        }
    }

    private static List<Setting<DataSpec>> dataSettings(String source) {
        List<Setting<DataSpec>> out = new ArrayList<>();
        List<String> sources = new ArrayList<>(DataSources.names());
        // A file may name a source this version does not know; it stays selectable so nothing is lost.
        if (source != null && !sources.contains(source)) sources.add(source);
        out.add(new Setting<>(choice("source", DataSources.names().get(0), sources, "Where the examples come from"),
                "Source", DataSpec::source, ProjectSettings::withSource));
        List<ParamSpec> params = DataSources.find(source).map(DataSource::params).orElse(List.of());
        for (ParamSpec p : params) {
            out.add(new Setting<>(p, label(p.name()), d -> d.param(p.name(), p.defaultValue()), (d, v) -> withParam(d, p.name(), v)));
        }
        out.add(new Setting<>(decimal("validationSplit", 0.2, 0, DataSources.MAX_VALIDATION_SPLIT, false, false,
                        "Fraction of the examples held out to measure generalisation"),
                "Validation", DataSpec::validationSplit,
                (d, v) -> new DataSpec(d.source(), d.params(), (Double) v, d.seed(), d.extras())));
        return out;
    }

    /** Another source keeps the parameters it shares with the old one (say, samples) and drops the rest. */
    private static DataSpec withSource(DataSpec d, Object source) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (ParamSpec p : DataSources.find((String) source).map(DataSource::params).orElse(List.of())) {
            Object kept = d.params().get(p.name());
            if (kept != null && p.coerce(kept).isOk()) params.put(p.name(), kept);
        }
        return new DataSpec((String) source, params, d.validationSplit(), d.seed(), d.extras());
    }

    private static DataSpec withParam(DataSpec d, String name, Object value) {
        Map<String, Object> params = new LinkedHashMap<>(d.params());
        params.put(name, value);
        return new DataSpec(d.source(), params, d.validationSplit(), d.seed(), d.extras());
    }

    private static String label(String name) {
        String spaced = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
