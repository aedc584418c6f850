package io.layerlab.data;

import io.layerlab.catalog.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Every data source a project can name, with its parameters and explanation; checks a data
 * section and generates its rows as plain arrays.
 *
 * <p>Sequence sources (Input shape {@code [t, f]}):
 * <ul>
 *   <li>{@code waves}: classify noisy wave forms; {@code samples}, {@code steps} (t, f = 1),
 *       {@code classes} (2 to 4: sine, square, triangle, sawtooth), {@code noise}.</li>
 *   <li>{@code tokens}: classify sentences of word ids by sentiment, where "not good" is
 *       negative; {@code samples}, {@code steps} (t, f = 1), {@code vocabulary} (ids 0 to
 *       vocabulary - 1, for an Embedding).</li>
 * </ul>
 *
 * <p>Touches no ND4J, so the designer can draw points cheaply; {@link Datasets#load} turns them
 * into DL4J data sets.
 */
public final class DataSources {
    public static final double MAX_VALIDATION_SPLIT = 0.9;

    private static final Map<String, DataSource> SOURCES = new LinkedHashMap<>();

    static {
        for (DataSource s : List.of(new XorSource(), new CirclesSource(), new SpiralSource(), new MoonsSource(),
                new BlobsSource(), new SineSource(), new IrisSource(), new ShapesSource(), new DigitsSource(),
                new WavesSource(), new TokensSource())) {
            SOURCES.put(s.name(), s);
        }
    }

    private DataSources() { }

    public static List<DataSource> all() { return List.copyOf(SOURCES.values()); }

    public static List<String> names() { return List.copyOf(SOURCES.keySet()); }

    public static Optional<DataSource> find(String name) { return Optional.ofNullable(SOURCES.get(name)); }

    /** The source of this name, or a {@link DataException} at {@code data.source} listing the valid names. */
    public static DataSource get(String name) {
        return find(name).orElseThrow(() -> new DataException("data.source", unknownSource(name)));
    }

    /**
     * Everything wrong with a data section, all at once (empty when it loads): the source, each
     * parameter against its declared range, parameters the source does not have, the split.
     */
    public static List<DataProblem> check(DataSpec spec) {
        List<DataProblem> problems = new ArrayList<>();
        DataSource source = SOURCES.get(spec.source());
        if (source == null) {
            problems.add(new DataProblem("data.source", unknownSource(spec.source())));
        } else {
            resolveParams(source, spec.params(), problems);
        }
        double split = spec.validationSplit();
        if (!(split >= 0 && split <= MAX_VALIDATION_SPLIT)) {
            problems.add(new DataProblem("data.validationSplit",
                    "is " + split + "; must be a number from 0 to " + MAX_VALIDATION_SPLIT + " (the fraction of rows kept for validation)"));
        }
        return problems;
    }

    /** The source's parameters with defaults filled in; throws a {@link DataException} naming every problem. */
    public static SourceParams params(DataSpec spec) {
        List<DataProblem> problems = check(spec);
        if (!problems.isEmpty()) throw new DataException(problems);
        return resolveParams(SOURCES.get(spec.source()), spec.params(), new ArrayList<>());
    }

    /**
     * All rows of the data section, unsplit and unstandardised, in an order shuffled by the
     * seed: the same spec always gives identical rows.
     *
     * @throws DataException when the spec is invalid (see {@link #check})
     */
    public static RawDataset generate(DataSpec spec) {
        SourceParams params = params(spec);
        DataSource source = SOURCES.get(spec.source());
        RawDataset grouped = source.generate(params, new Random(Seeds.derive(spec.seed(), Seeds.GENERATE)));
        // Sources may emit rows class by class; a shuffled order draws fairly and trains well unshuffled.
        return grouped.select(Seeds.permutation(grouped.size(), new Random(Seeds.derive(spec.seed(), Seeds.ORDER))));
    }

    private static SourceParams resolveParams(DataSource source, Map<String, Object> given, List<DataProblem> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec p : source.params()) {
            Object raw = given.get(p.name());
            if (raw == null) {
                values.put(p.name(), p.defaultValue());
                continue;
            }
            ParamSpec.Result r = p.coerce(raw);
            if (r.isOk()) values.put(p.name(), r.value());
            else problems.add(new DataProblem("data.params." + p.name(), r.error()));
        }
        for (String name : given.keySet()) {
            if (values.containsKey(name) || source.params().stream().anyMatch(p -> p.name().equals(name))) continue;
            String message = source.params().isEmpty() ? source.name() + " takes no parameters"
                    : source.name() + " has no parameter \"" + name + "\"; its parameters are "
                      + String.join(", ", source.params().stream().map(ParamSpec::name).toList());
            problems.add(new DataProblem("data.params." + name, message));
        }
        return new SourceParams(values);
    }

    private static String unknownSource(String name) {
        String what = name == null || name.isBlank() ? "is missing" : "\"" + name + "\" is not a data source";
        return what + "; must be one of: " + String.join(", ", SOURCES.keySet());
    }
}
