package io.layerlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerlab.model.ModelFileException;
import io.layerlab.model.ModelFiles;
import io.layerlab.model.ModelInfo;
import io.layerlab.model.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class RunNetworksTest {
    @TempDir Path dir;
    private final List<Integer> written = new ArrayList<>();

    private RunNetworks.Writer fake(int id) {
        return zip -> {
            written.add(id);
            Files.writeString(zip, "network of run " + id);
        };
    }

    private Map<Integer, RunNetworks.Writer> fakes(int... ids) {
        Map<Integer, RunNetworks.Writer> networks = new LinkedHashMap<>();
        for (int id : ids) networks.put(id, fake(id));
        return networks;
    }

    @Test
    void theFolderIsNamedAfterTheProjectFile() {
        assertThat(RunNetworks.folderBeside(dir.resolve("spiral.layerlab.json"))).isEqualTo(dir.resolve("spiral.layerlab.runs"));
        assertThat(RunNetworks.zipOf(dir.resolve("spiral.layerlab.runs"), 3)).isEqualTo(dir.resolve("spiral.layerlab.runs/run-3.zip"));
    }

    @Test
    void savingInPlaceWritesOnlyTheNetworksNotThereYet() throws IOException {
        Path folder = dir.resolve("p.layerlab.runs");
        RunNetworks.write(folder, List.of(1, 2), fakes(1, 2), false);
        assertThat(written).containsExactly(1, 2);

        written.clear();
        RunNetworks.write(folder, List.of(1, 2, 3), fakes(1, 2, 3), false);
        assertThat(written).as("a finished run's network never changes").containsExactly(3);
        assertThat(folder.resolve("run-3.zip")).hasContent("network of run 3");
    }

    @Test
    void savingUnderAnotherNameReplacesWhatAnotherProjectLeftThere() throws IOException {
        Path folder = dir.resolve("p.layerlab.runs");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("run-1.zip"), "another project's run 1");

        RunNetworks.write(folder, List.of(1), fakes(1), true);

        assertThat(folder.resolve("run-1.zip")).hasContent("network of run 1");
    }

    @Test
    void networksOfRunsNoLongerListedAreDeletedAndOtherFilesKept() throws IOException {
        Path folder = dir.resolve("p.layerlab.runs");
        RunNetworks.write(folder, List.of(1, 2), fakes(1, 2), false);
        Files.writeString(folder.resolve("notes.txt"), "mine");

        RunNetworks.write(folder, List.of(2), fakes(2), false);

        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("run-2.zip", "notes.txt");
        }
    }

    @Test
    void aRunWithoutANetworkIsListedButWritesNothingAndAnEmptyFolderGoes() throws IOException {
        Path folder = dir.resolve("p.layerlab.runs");
        RunNetworks.write(folder, List.of(1), fakes(1), false);

        RunNetworks.write(folder, List.of(4), fakes(), false);
        assertThat(folder).doesNotExist();

        RunNetworks.write(folder, List.of(5), fakes(), false);
        assertThat(folder).as("no folder for runs without networks").doesNotExist();
    }

    @Test
    void aSavedNetworkReadsBackWithItsWeightsAndDescription() throws Exception {
        ComputationGraph network = tinyNetwork();
        ModelInfo info = new ModelInfo("XOR", null, List.of(2), List.of("x", "y"), List.of("no", "yes"), List.of());
        Path folder = dir.resolve("p.layerlab.runs");
        RunNetworks.write(folder, List.of(7), Map.of(7, zip -> ModelFiles.save(network, null, info, zip, false)), false);

        TrainedModel read = RunNetworks.read(folder, 7).orElseThrow();

        INDArray input = Nd4j.create(new float[][] {{0, 1}, {1, 0}});
        assertThat(read.network().outputSingle(input)).isEqualTo(network.outputSingle(input));
        assertThat(read.info()).contains(info);
        assertThat(RunNetworks.read(folder, 8)).as("no network saved for run 8").isEmpty();
        Path plain = Files.writeString(folder.resolve("plain.txt"), "a file as any program makes it");
        assertThat(Files.getPosixFilePermissions(RunNetworks.zipOf(folder, 7))).as("not private to its owner")
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aDamagedNetworkIsRefusedWithItsFileNamed() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("p.layerlab.runs"));
        Files.write(folder.resolve("run-2.zip"), new byte[] {'P', 'K', 3, 4, 0, 0});

        assertThatThrownBy(() -> RunNetworks.read(folder, 2)).isInstanceOf(ModelFileException.class).hasMessageStartingWith("run-2.zip");
    }

    private static ComputationGraph tinyNetwork() {
        ComputationGraph net = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(3).graphBuilder()
                .addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(2).nOut(4).activation(Activation.TANH).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(4).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("out").build());
        net.init();
        return net;
    }
}
