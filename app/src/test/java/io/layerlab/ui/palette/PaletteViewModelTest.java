package io.layerlab.ui.palette;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.catalog.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaletteViewModelTest {
    /** What the palette asked the canvas to place. */
    private final List<String> placed = new ArrayList<>();
    private final List<Map<String, Object>> placedParams = new ArrayList<>();
    private PaletteViewModel palette;

    @BeforeEach
    void setUp() {
        palette = new PaletteViewModel((type, params) -> {
            placed.add(type);
            placedParams.add(params);
            return type.toLowerCase() + placed.size();
        });
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
    void addingALayerAsksTheCanvasForOneNodeOfThatTypeWithCatalogDefaults() {
        String id = palette.addToGraph(entry("Dense"));

        assertThat(id).isEqualTo("dense1");
        assertThat(placed).containsExactly("Dense");
        assertThat(placedParams.get(0)).isEmpty();
    }

    @Test
    void addingAnActivationFunctionMakesAnActivationNodeWithThatFunction() {
        palette.addToGraph(entry("relu"));

        assertThat(placed).containsExactly("Activation");
        assertThat(placedParams.get(0)).isEqualTo(Map.of("function", "relu"));
    }
}
