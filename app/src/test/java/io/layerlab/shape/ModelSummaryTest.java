package io.layerlab.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {
    private final ShapeReport cnn = Graphs.create()
            .node("in", "Input", "shape", List.of(28, 28, 1))
            .node("conv", "Conv2D", "filters", 32, "kernel", List.of(3, 3))
            .node("flat", "Flatten")
            .node("out", "Output", "units", 10)
            .chain("in", "conv", "flat", "out")
            .infer();

    @Test
    void rowsFollowTheOrderDataFlowsIn() {
        ModelSummary s = ModelSummary.of(cnn, 32, "adam");
        assertThat(s.rows()).extracting(ModelSummary.Row::id).containsExactly("in", "conv", "flat", "out");
        assertThat(s.rows()).extracting(ModelSummary.Row::outputLabel).containsExactly("28×28×1", "26×26×32", "21632", "10");
        assertThat(s.rows().get(1).params()).isEqualTo(9 * 32 + 32);
        assertThat(s.totalParams()).isEqualTo(320 + 21632 * 10 + 10);
        assertThat(s.totalMultiplyAdds()).isEqualTo(26L * 26 * 32 * 9 + 216_320);
        assertThat(s.memory()).isEqualTo(MemoryEstimate.of(cnn, 32, "adam"));
    }

    @Test
    void theTableAlignsColumnsAndSeparatesThousands() {
        String table = ModelSummary.of(cnn, 32, "adam").toTable();
        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).startsWith("Layer").contains("Type", "Output", "Parameters", "Multiply-adds");
        assertThat(table).contains("216,650", "26×26×32", "194,688");
        String convLine = lines.stream().filter(l -> l.startsWith("conv ")).findFirst().orElseThrow();
        String outLine = lines.stream().filter(l -> l.startsWith("out ")).findFirst().orElseThrow();
        assertThat(convLine).endsWith("194,688");
        assertThat(convLine.length()).as("numbers are right-aligned to the same column").isEqualTo(outLine.length());
        assertThat(convLine.indexOf("320") + 3).isEqualTo(outLine.indexOf("216,330") + 7);
        assertThat(lines).anyMatch(l -> l.startsWith("Total") && l.contains("216,650"));
        assertThat(table).contains("Memory to train with adam at batch 32: weights 866.6 KB");
    }

    @Test
    void aLayerWhoseShapeIsUnknownShowsAQuestionMark() {
        ShapeReport broken = Graphs.create().node("in", "Input", "shape", List.of(28, 28, 1))
                .node("d", "Dense").chain("in", "d").infer();
        ModelSummary s = ModelSummary.of(broken, 1, "sgd");
        assertThat(s.rows().get(1).output()).isNull();
        assertThat(s.rows().get(1).outputLabel()).isEqualTo("?");
        assertThat(s.toTable()).containsPattern("d\\s+Dense\\s+\\?");
    }
}
