package io.layerlab.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.graph.AddNode;
import io.layerlab.graph.Node;
import io.layerlab.ui.TestDocuments;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InspectorViewModelTest {
    private final Workspace workspace = new Workspace();
    private InspectorViewModel inspector;
    private DesignDocument doc;

    @BeforeEach
    void setUp() {
        doc = TestDocuments.document(TestDocuments.xorProject());
        workspace.show(doc);
        inspector = new InspectorViewModel(workspace);
    }

    private SpecItem item(List<SpecItem> items, String name) {
        return items.stream().filter(i -> i.spec().name().equals(name)).findFirst().orElseThrow();
    }

    private void select(String id) {
        doc.selection().clear();
        doc.selection().add(id);
    }

    @Test
    void showsTheSelectedNodesParametersWithCatalogDefaultsFilledIn() {
        select("dense1");

        assertThat(inspector.modeProperty().get()).isEqualTo(InspectorViewModel.Mode.NODE);
        assertThat(inspector.titleProperty().get()).isEqualTo("Dense");
        assertThat(inspector.subtitleProperty().get()).startsWith("dense1");
        assertThat(inspector.nodeItems()).extracting(i -> i.spec().name()).containsExactly("units", "activation", "frozen");
        assertThat(item(inspector.nodeItems(), "units").getValue()).isEqualTo(8);
        assertThat(item(inspector.nodeItems(), "frozen").getValue()).isEqualTo(false);
        assertThat(inspector.explanationProperty().get()).contains("weighted sum");
        assertThat(inspector.formulaProperty().get()).contains("Tanh").contains("f(x) =");
    }

    @Test
    void aLayerShowsMaxoutsPiecesOnlyWhileMaxoutIsItsActivation() {
        select("dense1");

        item(inspector.nodeItems(), "activation").setValue("maxout");

        assertThat(inspector.nodeItems()).extracting(i -> i.spec().name()).containsExactly("units", "activation", "pieces", "frozen");
        assertThat(item(inspector.nodeItems(), "pieces").getValue()).isEqualTo(2);
    }

    @Test
    void aValidValueIsOneUndoableEditAndAnInvalidOneIsRefused() {
        select("dense1");
        SpecItem units = item(inspector.nodeItems(), "units");

        units.setValue(-3);
        assertThat(doc.graph().node("dense1").orElseThrow().param("units")).isEqualTo(8);
        assertThat(doc.isDirty()).isFalse();

        units.setValue(64);
        assertThat(doc.graph().node("dense1").orElseThrow().param("units")).isEqualTo(64);
        assertThat(doc.undoLabelProperty().get()).isEqualTo("Set units of dense1");
        assertThat(units.getValue()).isEqualTo(64);

        doc.undo();
        assertThat(doc.graph().node("dense1").orElseThrow().param("units")).isEqualTo(8);
        assertThat(units.getValue()).as("the row follows undo").isEqualTo(8);
    }

    @Test
    void anActivationNodeShowsItsFunctionsFormulaAndOnlyThatFunctionsParameters() {
        doc.execute(new AddNode(new Node("act1", "Activation", 0, 0, Map.of("function", "leakyrelu"))));
        select("act1");

        assertThat(inspector.nodeItems()).extracting(i -> i.spec().name()).containsExactly("function", "alpha");
        assertThat(item(inspector.nodeItems(), "alpha").getValue()).isEqualTo(0.01);
        assertThat(inspector.titleProperty().get()).isEqualTo("Activation: Leaky ReLU");
        assertThat(inspector.formulaProperty().get()).isEqualTo("f(x) = x if x > 0, else alpha * x");

        item(inspector.nodeItems(), "function").setValue("relu");
        assertThat(inspector.nodeItems()).extracting(i -> i.spec().name()).containsExactly("function");
        assertThat(inspector.formulaProperty().get()).isEqualTo("f(x) = max(0, x)");
    }

    @Test
    void withNothingSelectedItEditsTheProjectsTrainingAndDataSettings() {
        assertThat(inspector.modeProperty().get()).isEqualTo(InspectorViewModel.Mode.PROJECT);
        assertThat(inspector.trainingItems()).extracting(SpecItem::getName)
                .contains("Optimizer", "Learning rate", "Batch size", "Epochs");
        assertThat(inspector.dataItems()).extracting(SpecItem::getName).contains("Source", "Samples", "Noise");

        item(inspector.trainingItems(), "learningRate").setValue(0.1);
        assertThat(doc.project().training().learningRate()).isEqualTo(0.1);
        assertThat(doc.isDirty()).isTrue();
        assertThat(doc.undoLabelProperty().get()).isEqualTo("Set learning rate");

        item(inspector.trainingItems(), "learningRate").setValue(0.0);
        assertThat(doc.project().training().learningRate()).as("a learning rate must be above 0").isEqualTo(0.1);
        SpecItem rate = item(inspector.trainingItems(), "learningRate");
        assertThat(rate.spec().coerce(0.0).error()).isEqualTo("is 0; must be a number above 0");
        rate.setValue(50.0);
        assertThat(doc.project().training().learningRate()).as("far too large, but a rate to watch diverge, as the dashboard takes it")
                .isEqualTo(50.0);

        item(inspector.dataItems(), "samples").setValue(1000);
        assertThat(doc.project().data().param("samples", null)).isEqualTo(1000);

        doc.undo();
        doc.undo();
        doc.undo();
        assertThat(doc.project().training().learningRate()).isEqualTo(0.01);
        assertThat(doc.project().data().param("samples", null)).isEqualTo(400);
        assertThat(item(inspector.trainingItems(), "learningRate").getValue()).isEqualTo(0.01);
        assertThat(doc.isDirty()).isFalse();
    }

    @Test
    void severalSelectedNodesAskForOne() {
        doc.selection().addAll(List.of("in", "dense1"));
        assertThat(inspector.modeProperty().get()).isEqualTo(InspectorViewModel.Mode.MULTIPLE);
        assertThat(inspector.titleProperty().get()).isEqualTo("2 nodes selected");
        assertThat(inspector.nodeItems()).isEmpty();
    }
}
