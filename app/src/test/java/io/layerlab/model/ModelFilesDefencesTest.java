package io.layerlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Bad model files get one clear message naming the file and the problem, never a crash, an
 * out-of-memory error or a file left behind; the file itself is not changed.
 */
class ModelFilesDefencesTest {
    @TempDir static Path shared;
    @TempDir Path dir;
    private static byte[] goodZip;

    @BeforeAll
    static void trainOneModel() throws IOException {
        Path zip = shared.resolve("iris.zip");
        TrainedModels.train("iris", 1).saveModel(zip);
        goodZip = Files.readAllBytes(zip);
    }

    /** Loading {@code bytes} as {@code name} fails with a message containing {@code expected}; the folder and file stay as they were. */
    private void assertRefused(String name, byte[] bytes, String... expected) throws IOException {
        assertRefused(name, bytes, ModelFiles.Limits.DEFAULT, expected);
    }

    private void assertRefused(String name, byte[] bytes, ModelFiles.Limits limits, String... expected) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        List<Path> before = listing();
        assertThatThrownBy(() -> ModelFiles.load(file, limits))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(name)
                .hasMessageContainingAll(expected)
                .satisfies(e -> assertThat(((ModelFileException) e).file()).isEqualTo(file));
        assertThat(listing()).as("files in the folder").isEqualTo(before);
        assertThat(Files.readAllBytes(file)).as("the file itself").isEqualTo(bytes);
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void theTrainedModelItselfLoads() throws Exception {
        Path file = dir.resolve("model.zip");
        Files.write(file, goodZip);
        TrainedModel model = ModelFiles.load(file);
        assertThat(model.network().numParams()).isEqualTo(4 * 16 + 16 + 16 * 3 + 3);
        assertThat(model.normalizer()).isPresent();
        assertThat(model.info().orElseThrow().classes()).hasSize(3);
    }

    @Test
    void filesThatAreNotZipArchivesAreNamedForWhatTheyAre() throws Exception {
        assertRefused("empty.zip", new byte[0], "is empty");
        assertRefused("notes.zip", "just some text\n".getBytes(StandardCharsets.UTF_8), "is not a zip archive");
        byte[] hdf5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        assertRefused("net.h5", hdf5, "is a Keras/HDF5 file", "layerlab import net.h5");
        assertThatThrownBy(() -> ModelFiles.load(dir.resolve("missing.zip"))).hasMessage("missing.zip does not exist");
        assertThatThrownBy(() -> ModelFiles.load(dir)).hasMessageEndingWith("is a folder, not a model file");
    }

    @ParameterizedTest(name = "cut to {0}% of its size")
    @ValueSource(ints = {10, 50, 90, 99})
    void aTruncatedModelIsRefused(int percent) throws Exception {
        byte[] cut = java.util.Arrays.copyOf(goodZip, goodZip.length * percent / 100);
        assertRefused("cut.zip", cut, "truncated");
    }

    @Test
    void damagedWeightsFailTheirChecksum() throws Exception {
        byte[] damaged = goodZip.clone();
        int data = dataOffset(damaged, ModelSerializer.COEFFICIENTS_BIN);
        for (int i = 0; i < 8; i++) damaged[data + 40 + i] ^= (byte) 0x5a;
        assertRefused("damaged.zip", damaged, "entry coefficients.bin is damaged");
    }

    /** Where the data of an entry starts, from its local header. */
    private static int dataOffset(byte[] zip, String entry) {
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 30 + name.length < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4
                    && java.util.Arrays.equals(zip, i + 30, i + 30 + name.length, name, 0, name.length)) {
                int nameLength = (zip[i + 26] & 0xff) | (zip[i + 27] & 0xff) << 8;
                int extraLength = (zip[i + 28] & 0xff) | (zip[i + 29] & 0xff) << 8;
                return i + 30 + nameLength + extraLength;
            }
        }
        throw new AssertionError("no entry " + entry);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../../etc/passwd", "weights/../../../outside.bin", "..\\..\\windows\\system32\\x.dll"})
    void entriesThatClimbOutOfTheArchiveAreRefused(String name) throws Exception {
        byte[] zip = new ZipForge().add("configuration.json", "{}").add(name, "x").bytes();
        assertRefused("slip.zip", zip, "entry " + name + " points outside the archive");
    }

    @Test
    void absolutePathsAndDrivesAreRefused() throws Exception {
        assertRefused("absolute.zip", new ZipForge().add("/etc/cron.d/job", "x").bytes(), "entry /etc/cron.d/job has an absolute path");
        assertRefused("drive.zip", new ZipForge().add("C:/Windows/x.dll", "x").bytes(), "entry C:/Windows/x.dll names a drive");
    }

    @Test
    void anEntryDeclaringAnEnormousSizeIsRefusedBeforeAnythingIsInflated() throws Exception {
        long fortyGigabytes = 40_000_000_000L;
        byte[] zip = new ZipForge().add("configuration.json", "{}")
                .add(ZipForge.Entry.of("coefficients.bin", new byte[] {1, 2, 3}).declaring(fortyGigabytes)).bytes();
        assertThat(zip.length).isLessThan(1000);
        assertRefused("bomb.zip", zip, "entry coefficients.bin declares 40.0 GB, more than the 4.0 GB a model file may hold");
    }

    @Test
    void anEntryInflatingBeyondWhatItDeclaresIsStoppedThere() throws Exception {
        byte[] zeros = new byte[16 << 20];
        byte[] zip = new ZipForge().add("configuration.json", "{}")
                .add(ZipForge.Entry.of("coefficients.bin", zeros).declaring(1000)).bytes();
        assertThat(zip.length).as("bytes on disk").isLessThan(64 * 1024);
        assertRefused("bomb.zip", zip, "entry coefficients.bin inflates to more than the 1.0 KB it declares");
    }

    @Test
    void theLimitsCountTheWholeArchive() throws Exception {
        ModelFiles.Limits oneMegabyte = new ModelFiles.Limits(64, 1_000_000);
        byte[] honest = new ZipForge().add("configuration.json", "{}")
                .add("coefficients.bin", new byte[600_000]).add("updaterState.bin", new byte[600_000]).bytes();
        assertRefused("big.zip", honest, oneMegabyte, "declares more than 1.0 MB of content in all");

        ZipForge many = new ZipForge();
        for (int i = 0; i < 65; i++) many.add("objects/o" + i, "x");
        assertRefused("many.zip", many.bytes(), "has more than 64 entries");
    }

    @Test
    void anArchiveWhoseHeadersContradictItsDirectoryIsRefused() throws Exception {
        byte[] hidden = new ZipForge().add("configuration.json", "{}")
                .add(ZipForge.Entry.of("payload.bin", new byte[10]).listedAs("coefficients.bin")).bytes();
        assertRefused("hidden.zip", hidden, "entry payload.bin is missing from the archive's directory");
        byte[] twice = new ZipForge().add("configuration.json", "{}").add("coefficients.bin", "a").add("coefficients.bin", "b").bytes();
        assertRefused("twice.zip", twice, "entry coefficients.bin appears twice");
    }

    @Test
    void zipsThatAreNotDl4jModelsSaySo() throws Exception {
        assertRefused("photos.zip", new ZipForge().add("holiday.jpg", "x").bytes(),
                "is not a DL4J model: it has no configuration.json entry");
        assertRefused("config-only.zip", new ZipForge().add("configuration.json", "{\"vertices\": {}}").bytes(),
                "is not a DL4J model: it has no coefficients.bin entry");
        assertRefused("garbled.zip", new ZipForge().add("configuration.json", "{vertices").add("coefficients.bin", "x").bytes(),
                "entry configuration.json is not valid JSON");
        assertRefused("other.zip", new ZipForge().add("configuration.json", "{\"name\": \"x\"}").add("coefficients.bin", "x").bytes(),
                "entry configuration.json is not a DL4J network configuration");
    }

    @Test
    void weightsThatDoNotFitTheConfigurationAreRefused() throws Exception {
        byte[] zip = replaceEntry(goodZip, ModelSerializer.COEFFICIENTS_BIN, goodEntry(ModelSerializer.NORMALIZER_BIN));
        assertRefused("mismatch.zip", zip, "could not be restored as a DL4J network");
    }

    @Test
    void aDamagedModelDescriptionIsNamed() throws Exception {
        byte[] zip = replaceEntry(goodZip, ModelInfo.ENTRY, "{\"format\": ".getBytes(StandardCharsets.UTF_8));
        assertRefused("described.zip", zip, "entry layerlab.json is not valid JSON");
    }

    @Test
    void aMultiLayerNetworkZipLoadsAsTheEquivalentGraph() throws Exception {
        MultiLayerNetwork mln = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(5).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(5).nOut(2).activation(Activation.SOFTMAX).build())
                .build());
        mln.init();
        Path file = dir.resolve("mln.zip");
        ModelSerializer.writeModel(mln, file.toFile(), false);
        ComputationGraph graph = ModelFiles.load(file).network();
        INDArray x = Nd4j.rand(4, 3);
        assertThat(graph.outputSingle(x)).isEqualTo(mln.output(x));
    }

    private static byte[] goodEntry(String name) throws IOException {
        Path file = Files.createTempFile(shared, "good", ".zip");
        Files.write(file, goodZip);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getInputStream(zip.getEntry(name)).readAllBytes();
        }
    }

    /** The good model zip with one entry's content replaced, written by the JDK (so only the content is wrong). */
    private static byte[] replaceEntry(byte[] original, String name, byte[] content) throws IOException {
        Path file = Files.createTempFile(shared, "original", ".zip");
        Files.write(file, original);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipFile in = new ZipFile(file.toFile()); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals(name) ? content : in.getInputStream(e).readAllBytes());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
