package io.layerlab.data;

import io.layerlab.catalog.ParamSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fisher's iris measurements: 150 flowers, 4 measurements, 3 species. Read from
 * {@code iris.dat}, which deeplearning4j-core bundles (rows "5.1,3.5,1.4,0.2,0"), so no network.
 */
final class IrisSource implements DataSource {
    static final String RESOURCE = "/iris.dat";
    static final List<String> FEATURES = List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)");
    static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

    @Override public String name() { return "iris"; }

    @Override public String explanation() {
        return "150 iris flowers, 4 measurements each, 3 species: a small real data set; one species is easy, two overlap a little.";
    }

    @Override public Task task() { return Task.CLASSIFICATION; }

    @Override public List<ParamSpec> params() { return List.of(); }

    @Override public RawDataset generate(SourceParams params, Random random) {
        try (InputStream in = IrisSource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new DataException("data.source", "iris needs iris.dat from deeplearning4j-core on the class path, and it is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)));
        } catch (IOException | IllegalArgumentException e) {
            throw new DataException("data.source", "iris.dat could not be read: " + e.getMessage(), e);
        }
    }

    private static RawDataset parse(BufferedReader reader) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) continue;
            String[] cells = line.trim().split(",");
            if (cells.length != FEATURES.size() + 1) {
                throw new DataException("data.source", "iris.dat line " + lineNumber + " has " + cells.length + " values, expected 5");
            }
            double[] row = new double[FEATURES.size()];
            for (int i = 0; i < row.length; i++) row[i] = Double.parseDouble(cells[i]);
            rows.add(row);
            labels.add(Integer.parseInt(cells[FEATURES.size()].trim()));
        }
        return RawDataset.classification(rows.toArray(double[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                FEATURES, SPECIES);
    }
}
