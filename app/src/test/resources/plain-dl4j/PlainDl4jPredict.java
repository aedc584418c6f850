import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A program that knows nothing of LayerLab: it loads a model zip the way the DL4J documentation
 * shows, standardises raw feature rows with the saved normaliser and writes the outputs.
 * Usage: java -cp DL4J_JARS PlainDl4jPredict.java MODEL.zip ROWS.csv OUT.csv
 */
public class PlainDl4jPredict {
    public static void main(String[] args) throws Exception {
        File model = new File(args[0]);
        ComputationGraph network = ModelSerializer.restoreComputationGraph(model);
        DataNormalization normalizer = ModelSerializer.restoreNormalizerFromFile(model);

        List<float[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String[] cells = line.split(",");
            float[] row = new float[cells.length];
            for (int i = 0; i < cells.length; i++) row[i] = Float.parseFloat(cells[i]);
            rows.add(row);
        }
        INDArray input = Nd4j.create(rows.toArray(new float[0][]));
        normalizer.transform(input);
        INDArray output = network.outputSingle(input);

        StringBuilder out = new StringBuilder();
        for (int r = 0; r < output.rows(); r++) {
            for (int c = 0; c < output.columns(); c++) {
                if (c > 0) out.append(',');
                out.append(Float.toString(output.getFloat(r, c)));
            }
            out.append('\n');
        }
        Files.writeString(Path.of(args[2]), out);
    }
}
