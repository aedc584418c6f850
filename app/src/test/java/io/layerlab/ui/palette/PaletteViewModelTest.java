package io.layerlab.ui.palette;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.catalog.Category;
import io.layerlab.graph.Node;
import io.layerlab.ui.TestDocuments;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.Workspace;
import java.util.List;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaletteViewModelTest {
    private final Workspace workspace = new Workspace();
    private PaletteViewModel palette;
    private DesignDocument doc;

    @BeforeEach
    void setUp() {
        doc = TestDocuments.document(TestDocuments.xorProject());
        workspace.show(doc);
        palette = new PaletteViewModel(workspace, () -> new Point2D(300, 200));
    }

    private static List<String> names(PaletteGroup g) { return g.entries().stream().map(PaletteEntry::name).toList(); }

    private PaletteEntry entry(String name) {
        return palette.groups().stream().flatMap(g -> g.entries().stream()).filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void groupsFollowTheCatalogCategoriesAndListActivationsAsTheirFunctions() {
        assertThat(palette.groups()).extracting(PaletteGroup::category).containsExactly(Category.values());
        PaletteGroup activations = palette.groups().get(palette.groups().size() - 1);
        assertThat(names(activations)).contains("relu", "sigmoid", "tanh", "softmax", "maxout").doesNotContain("Activation");
        assertThat(names(palette.groups().get(0))).contains("Input", "Dense", "Output");
    }

    @Test
    void searchFiltersAsYouTypeAndDropsEmptyGroups() {
        palette.queryProperty().set("conv");
        assertThat(palette.groups()).hasSize(1);
        assertThat(palette.groups().get(0).category()).isEqualTo(Category.CONVOLUTION);
        assertThat(names(palette.groups().get(0))).containsExactly("Conv2D");

        palette.queryProperty().set("RELU");
        assertThat(palette.groups()).extracting(PaletteGroup::category).containsExactly(Category.ACTIVATIONS);
        assertThat(names(palette.groups().get(0))).containsExactly("relu", "leakyrelu", "prelu");

        palette.queryProperty().set("no such layer");
        assertThat(palette.groups()).isEmpty();

        palette.queryProperty().set("");
        assertThat(palette.groups()).hasSize(Category.values().length);
    }

    @Test
    void kindsTheCompilerCannotBuildAreShownAndMarked() {
        assertThat(entry("GRU").trainable()).isFalse();
        assertThat(entry("GRU").details()).contains("Not trainable yet");
        assertThat(entry("maxout").trainable()).isFalse();
        assertThat(entry("Dense").trainable()).isTrue();
        assertThat(entry("Dense").details()).contains("Fully connected layer").doesNotContain("Not trainable");
    }

    @Test
    void addingALayerPlacesItSelectsItAndIsOneUndoableEdit() {
        String id = palette.addToGraph(entry("Dense"));

        Node added = doc.graph().node(id).orElseThrow();
        assertThat(added.type()).isEqualTo("Dense");
        assertThat(added.x()).isEqualTo(300);
        assertThat(added.y()).isEqualTo(200);
        assertThat(doc.selection()).containsExactly(id);
        assertThat(doc.undoLabelProperty().get()).isEqualTo("Add Dense");

        doc.undo();
        assertThat(doc.graph().contains(id)).isFalse();
    }

    @Test
    void addingAnActivationFunctionMakesAnActivationNode() {
        String id = palette.addToGraph(entry("relu"));

        Node added = doc.graph().node(id).orElseThrow();
        assertThat(added.type()).isEqualTo("Activation");
        assertThat(added.param("function")).isEqualTo("relu");
    }
}
