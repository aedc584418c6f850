package io.layerlab.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.graph.SetParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The canvas used with the mouse and keyboard, as a person would: editing the graph. */
class GraphCanvasTest extends CanvasFixture {
    @Start
    void start(Stage stage) { open(stage); }

    // --- placing nodes ---

    @Test
    void aLayerDroppedFromThePaletteAppearsWhereItWasDroppedWithCatalogDefaults(FxRobot robot) {
        show(robot, new Graph());
        Point2D target = canvas.localToScreen(300, 200);
        MonocleDragAndDrop.forgetStaleDropTarget();
        robot.drag("#palette-Dense", MouseButton.PRIMARY).dropTo(target);
        WaitForAsyncUtils.waitForFxEvents();

        Node dense = doc.graph().node("dense1").orElseThrow();
        assertThat(dense.params()).containsEntry("units", 16).containsEntry("activation", "relu");
        assertThat(dense.x()).isCloseTo(300, org.assertj.core.data.Offset.offset(GraphCanvas.GRID / 2));
        assertThat(dense.y()).isCloseTo(200, org.assertj.core.data.Offset.offset(GraphCanvas.GRID / 2));
        assertThat(dense.x() % GraphCanvas.GRID).isZero();
        assertThat(doc.selection()).containsExactly("dense1");
        assertThat(doc.history().undoDescription()).contains("Add Dense");
    }

    @Test
    void anEmptyCanvasSaysHowToStartUntilItHasANodeAndLetsTheDropThrough(FxRobot robot) {
        show(robot, new Graph());
        javafx.scene.Node hint = robot.lookup("." + EmptyCanvasHint.STYLE_CLASS).query();
        assertThat(hint.isVisible()).as("on an empty graph").isTrue();
        Bounds shown = hint.getBoundsInParent();
        assertThat(shown.getCenterX()).isCloseTo(canvas.getWidth() / 2, org.assertj.core.data.Offset.offset(1.0));
        assertThat(shown.getCenterY()).isCloseTo(canvas.getHeight() / 2, org.assertj.core.data.Offset.offset(1.0));

        MonocleDragAndDrop.forgetStaleDropTarget();
        robot.drag("#palette-Dense", MouseButton.PRIMARY).dropTo(canvas.localToScreen(shown.getCenterX(), shown.getCenterY()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(doc.graph().nodes()).as("dropped onto the hint, added to the graph").hasSize(1);
        assertThat(hint.isVisible()).as("gone with the first node").isFalse();
        robot.interact(() -> doc.undo());
        assertThat(hint.isVisible()).as("back once the graph is empty again").isTrue();
        show(robot, chain());
        assertThat(hint.isVisible()).as("another document with nodes").isFalse();
    }

    @Test
    void anActivationDroppedFromThePaletteBecomesANamedPill(FxRobot robot) {
        show(robot, new Graph());
        MonocleDragAndDrop.forgetStaleDropTarget();
        robot.drag("#palette-relu", MouseButton.PRIMARY).dropTo(canvas.localToScreen(400, 300));
        WaitForAsyncUtils.waitForFxEvents();

        Node relu = doc.graph().node("relu1").orElseThrow();
        assertThat(relu.type()).isEqualTo("Activation");
        assertThat(relu.params()).containsEntry("function", "relu");
        assertThat(view("relu1")).isInstanceOf(ActivationPillView.class);
        assertThat(robot.from(view("relu1")).lookup(".pill-name").queryAs(javafx.scene.text.Text.class).getText()).isEqualTo("ReLU");
    }

    // --- wiring ---

    @Test
    void draggingFromAnOutputToAnInputWiresThemAndLabelsTheWireWithItsShape(FxRobot robot) {
        show(robot, chain());
        robot.drag(out("dense1"), MouseButton.PRIMARY).dropTo(in("spare", 0));

        assertThat(doc.graph().edges()).contains(new Edge("dense1", "spare"));
        assertThat(canvas.diagram().wire(new Edge("dense1", "spare")).label().getText()).isEqualTo("16");
        assertThat(doc.history().undoDescription()).contains("Connect dense1 to spare");
    }

    @Test
    void aWireLabelFollowsAParameterChangeAtOnce(FxRobot robot) {
        show(robot, chain());
        WireView wire = canvas.diagram().wire(new Edge("dense1", "out"));
        assertThat(wire.label().getText()).isEqualTo("16");

        robot.interact(() -> doc.execute(new SetParam("dense1", "units", 64)));

        assertThat(wire.label().getText()).isEqualTo("64");
        assertThat(robot.from(view("dense1")).lookup(".node-params").queryAs(javafx.scene.text.Text.class).getText()).isEqualTo("64 units");
        robot.interact(doc::undo);
        assertThat(wire.label().getText()).isEqualTo("16");
    }

    @Test
    void whileAWireIsDraggedPortsThatCannotTakeItAreDimmedAndOthersHighlighted(FxRobot robot) {
        show(robot, chain());
        robot.moveTo(out("dense1")).press(MouseButton.PRIMARY).moveBy(60, 120);
        try {
            assertThat(has(in("dense1", 0), "incompatible")).as("its own input").isTrue();
            assertThat(has(in("spare", 0), "compatible")).as("a free layer").isTrue();
            assertThat(has(in("out", 0), "compatible")).as("already fed by it, but replacing is allowed").isFalse();
        } finally {
            robot.release(MouseButton.PRIMARY);
        }
        assertThat(has(in("dense1", 0), "incompatible")).isFalse();
        assertThat(has(in("spare", 0), "compatible")).isFalse();
    }

    @Test
    void anIncompatibleWireIsRefusedWithItsReason(FxRobot robot) {
        show(robot, chain());
        long revision = doc.history().revision();
        // Into the Input (which takes no wires): dropped on its body, since it has no input port.
        robot.drag(out("spare"), MouseButton.PRIMARY).dropTo(view("in"));

        assertThat(doc.history().revision()).isEqualTo(revision);
        assertThat(canvas.statusMessageProperty().get()).contains("Input 'in' takes no wires");
        assertThat(canvas.bubble().isVisible()).isTrue();
        assertThat(canvas.bubble().getText()).contains("takes no wires");

        // A loop: out of dense1's consumer back into dense1 would be refused too.
        robot.interact(() -> doc.execute(new io.layerlab.graph.Connect(new Edge("dense1", "spare"))));
        robot.drag(out("spare"), MouseButton.PRIMARY).dropTo(in("dense1", 0));
        assertThat(doc.graph().edges()).doesNotContain(new Edge("spare", "dense1"));
        assertThat(canvas.statusMessageProperty().get()).contains("loop");
    }

    @Test
    void aWireDroppedOnAWiredSingleInputReplacesTheOldWireInOneStep(FxRobot robot) {
        show(robot, chain());
        robot.drag(out("spare"), MouseButton.PRIMARY).dropTo(in("out", 0));

        assertThat(doc.graph().inputsOf("out")).containsExactly(new Edge("spare", "out"));
        assertThat(canvas.statusMessageProperty().get()).isEqualTo("Connected spare → out, replacing the wire from dense1.");
        robot.interact(doc::undo);
        assertThat(doc.graph().inputsOf("out")).containsExactly(new Edge("dense1", "out"));
    }

    @Test
    void aMergeOffersAFreePortAndKeepsItsInputsInPortOrder(FxRobot robot) {
        Graph g = chain();
        new io.layerlab.graph.AddNode(new Node("cat", "Concatenate", 600, 300, Map.of())).apply(g);
        show(robot, g);
        assertThat(view("cat").inputPorts()).hasSize(1);

        robot.drag(out("spare"), MouseButton.PRIMARY).dropTo(in("cat", 0));
        settle(robot);
        assertThat(view("cat").inputPorts()).hasSize(2);
        robot.drag(out("dense1"), MouseButton.PRIMARY).dropTo(in("cat", 1));
        settle(robot);

        assertThat(doc.graph().inputsOf("cat")).containsExactly(new Edge("spare", "cat", 0), new Edge("dense1", "cat", 1));
        assertThat(view("cat").inputPorts()).hasSize(3);
        assertThat(canvas.diagram().wire(new Edge("dense1", "cat", 1)).label().getText()).isEqualTo("16");
        assertThat(canvas.diagram().wire(new Edge("spare", "cat", 0)).label().getText()).as("spare has no input yet").isEqualTo("?");
    }

    @Test
    void aWiredInputCanBeDraggedOffToRemoveItsWire(FxRobot robot) {
        show(robot, chain());
        robot.drag(in("out", 0), MouseButton.PRIMARY).dropTo(canvas.localToScreen(700, 500));

        assertThat(doc.graph().edges()).containsExactly(new Edge("in", "dense1"));
    }

    @Test
    void aClickedWireIsSelectedAndDeleteRemovesIt(FxRobot robot) {
        show(robot, chain());
        WireView wire = canvas.diagram().wire(new Edge("dense1", "out"));
        Bounds b = wire.curve().localToScreen(wire.curve().getBoundsInLocal());
        robot.clickOn(new Point2D(b.getCenterX(), b.getCenterY() - 0.5));
        assertThat(canvas.selectedWireProperty().get()).isEqualTo(new Edge("dense1", "out"));

        robot.type(KeyCode.DELETE);
        assertThat(doc.graph().edges()).containsExactly(new Edge("in", "dense1"));
        assertThat(doc.graph().contains("out")).isTrue();
    }

    // --- moving and selecting ---

    @Test
    void draggingANodeMovesItOnTheGridAsOneUndoStep(FxRobot robot) {
        show(robot, chain());
        Point2D grab = view("dense1").localToScreen(60, 50);
        robot.drag(grab, MouseButton.PRIMARY).moveBy(40, 10).moveBy(40, 10).moveBy(23, 17).release(MouseButton.PRIMARY);

        Node moved = doc.graph().node("dense1").orElseThrow();
        assertThat(moved.x()).isEqualTo(400);
        assertThat(moved.y()).isEqualTo(140);
        // The wires followed the node.
        WireView wire = canvas.diagram().wire(new Edge("dense1", "out"));
        assertThat(wire.curve().getStartX()).isEqualTo(400 + view("dense1").getWidth());

        robot.interact(doc::undo);
        assertThat(doc.graph().node("dense1").orElseThrow().x()).isEqualTo(300);
        assertThat(doc.history().canUndo()).isFalse();
    }

    @Test
    void aRubberBandSelectsTheNodesItTouches(FxRobot robot) {
        show(robot, chain());
        robot.drag(screen(250, 60), MouseButton.PRIMARY).moveTo(screen(700, 200)).release(MouseButton.PRIMARY);

        assertThat(doc.selection()).containsExactlyInAnyOrder("dense1", "out");
    }

    @Test
    void shiftClickExtendsTheSelectionAndAClickOnEmptySpaceClearsIt(FxRobot robot) {
        show(robot, chain());
        robot.clickOn(view("dense1"));
        robot.press(KeyCode.SHIFT).clickOn(view("spare")).release(KeyCode.SHIFT);
        assertThat(doc.selection()).containsExactlyInAnyOrder("dense1", "spare");
        assertThat(has(view("spare"), "selected")).isTrue();

        robot.clickOn(screen(900, 600));
        assertThat(doc.selection()).isEmpty();
        assertThat(has(view("spare"), "selected")).isFalse();
    }

    @Test
    void deleteRemovesTheSelectedNodesWithTheirWiresAndUndoBringsThemBack(FxRobot robot) {
        show(robot, chain());
        robot.clickOn(view("dense1")).type(KeyCode.DELETE);

        assertThat(doc.graph().contains("dense1")).isFalse();
        assertThat(doc.graph().edges()).isEmpty();
        assertThat(canvas.diagram().wires()).isEmpty();

        robot.interact(doc::undo);
        assertThat(doc.graph().edges()).containsExactly(new Edge("in", "dense1"), new Edge("dense1", "out"));
        assertThat(canvas.diagram().wires()).hasSize(2);
        assertThat(view("dense1")).isNotNull();
    }

    // --- clipboard ---

    @Test
    void copyAndPasteAddFreshNodesWithTheirWiresSelectedAndOffset(FxRobot robot) {
        show(robot, chain());
        robot.clickOn(view("dense1"));
        robot.press(KeyCode.SHIFT).clickOn(view("out")).release(KeyCode.SHIFT);
        robot.press(KeyCode.CONTROL).type(KeyCode.C).type(KeyCode.V).release(KeyCode.CONTROL);

        assertThat(doc.graph().node("dense2")).isPresent();
        assertThat(doc.graph().node("output1")).isPresent();
        assertThat(doc.graph().edges()).contains(new Edge("dense2", "output1"));
        assertThat(doc.selection()).containsExactlyInAnyOrder("dense2", "output1");
        assertThat(doc.graph().node("dense2").orElseThrow().x()).isEqualTo(300 + 2 * GraphCanvas.GRID);
        assertThat(doc.history().undoDescription()).contains("Paste 2 nodes");

        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        assertThat(doc.graph().edges()).contains(new Edge("dense3", "output2"));
        assertThat(doc.graph().size()).isEqualTo(8);
        robot.interact(doc::undo);
        assertThat(doc.graph().size()).isEqualTo(6);
    }

    // --- layout and view ---

    @Test
    void autoLayoutOrdersTheGraphLeftToRightAsOneUndoStep(FxRobot robot) {
        Graph scrambled = Graph.of(List.of(
                new Node("out", "Output", 40, 400, Map.of("units", 3)),
                new Node("dense1", "Dense", 500, 40, Map.of()),
                new Node("in", "Input", 700, 300, Map.of("shape", List.of(8)))),
                List.of(new Edge("in", "dense1"), new Edge("dense1", "out")));
        show(robot, scrambled);
        robot.interact(canvas::autoLayout);

        double in = doc.graph().node("in").orElseThrow().x();
        double dense = doc.graph().node("dense1").orElseThrow().x();
        double out = doc.graph().node("out").orElseThrow().x();
        assertThat(in).isLessThan(dense);
        assertThat(dense).isLessThan(out);
        assertThat(doc.graph().node("in").orElseThrow().y()).isEqualTo(doc.graph().node("out").orElseThrow().y());
        assertThat(doc.history().undoDescription()).contains("Auto layout");

        robot.interact(doc::undo);
        assertThat(doc.graph().node("out").orElseThrow().x()).isEqualTo(40);
        assertThat(doc.history().canUndo()).isFalse();
    }

    @Test
    void theWheelZoomsAroundTheCursor(FxRobot robot) {
        show(robot, chain());
        Point2D cursorLocal = new Point2D(400, 150);
        Point2D before = canvas.toWorld(cursorLocal);
        robot.moveTo(canvas.localToScreen(cursorLocal)).scroll(3, javafx.geometry.VerticalDirection.UP);

        assertThat(canvas.getZoom()).isNotEqualTo(1.0);
        Point2D after = canvas.toWorld(cursorLocal);
        assertThat(after.distance(before)).isLessThan(0.5);
    }

    @Test
    void theMiddleButtonPansTheView(FxRobot robot) {
        show(robot, chain());
        Point2D before = view("dense1").localToScreen(0, 0);
        robot.drag(canvas.localToScreen(800, 500), MouseButton.MIDDLE).moveBy(-100, -50).release(MouseButton.MIDDLE);

        Point2D after = view("dense1").localToScreen(0, 0);
        assertThat(after.getX() - before.getX()).isCloseTo(-100, org.assertj.core.data.Offset.offset(1.0));
        assertThat(after.getY() - before.getY()).isCloseTo(-50, org.assertj.core.data.Offset.offset(1.0));
        assertThat(doc.history().canUndo()).as("panning is not an edit").isFalse();
    }

    @Test
    void fitToViewShowsTheWholeGraphAndTheMinimapOnlyWhenPartIsOutOfView(FxRobot robot) {
        List<Node> far = new ArrayList<>(chain().nodes());
        far.add(new Node("faraway", "Dense", 4000, 2500, Map.of()));
        show(robot, Graph.of(far, chain().edges()));
        assertThat(canvas.minimap().isVisible()).isTrue();

        robot.interact(canvas::fitToView);
        Bounds view = canvas.visibleWorld();
        assertThat(view.contains(4000, 2500)).isTrue();
        assertThat(view.contains(40, 100)).isTrue();
        assertThat(canvas.minimap().isVisible()).isFalse();
    }

    @Test
    void aCanvasTooShortForTheMinimapShowsNoneEvenWithPartOfTheGraphOutOfView(FxRobot robot) {
        List<Node> far = new ArrayList<>(chain().nodes());
        far.add(new Node("faraway", "Dense", 4000, 2500, Map.of()));
        double fullHeight = stage.getHeight();
        robot.interact(() -> stage.setHeight(stage.getHeight() - canvas.getHeight() + 200)); // the dashboard's strip
        show(robot, Graph.of(far, chain().edges()));
        assertThat(canvas.getHeight()).isEqualTo(200);
        assertThat(canvas.visibleWorld().contains(4000, 2500)).isFalse();
        assertThat(canvas.minimap().isVisible()).as("it would cover most of the strip").isFalse();

        robot.interact(() -> stage.setHeight(fullHeight));
        settle(robot);
        assertThat(canvas.minimap().isVisible()).as("back on a canvas with room for it").isTrue();
    }

    @Test
    void aGraphALittleTooWideForReadableCardsIsFittedWithANarrowerMarginAtTheDetailZoom(FxRobot robot) {
        List<Node> row = new ArrayList<>();
        List<Edge> wires = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            row.add(new Node("d" + i, "Dense", 40 + i * 220, 100, Map.of("units", 8)));
            if (i > 0) wires.add(new Edge("d" + (i - 1), "d" + i));
        }
        show(robot, Graph.of(row, wires));
        double graphWidth = canvas.diagram().contentBounds().getWidth();
        // A canvas where the usual 40-pixel margins fit it at 0.44, just under the cards' detail zoom.
        robot.interact(() -> stage.setWidth(stage.getWidth() - canvas.getWidth() + graphWidth * 0.44 + 80));
        settle(robot);

        robot.interact(canvas::fitToView);

        assertThat(canvas.getZoom()).as("cards, not boxes").isEqualTo(GraphCanvas.DETAIL_ZOOM);
        Bounds view = canvas.visibleWorld();
        Bounds graph = canvas.diagram().contentBounds();
        assertThat(view.contains(graph)).as(graph + " in " + view).isTrue();
    }

    @Test
    void aNodeWithAProblemIsMarkedAndItsTooltipSaysWhatIsWrongAndWhatWouldBeValid(FxRobot robot) throws Exception {
        Graph cnn = Graph.of(List.of(
                new Node("in", "Input", 40, 100, Map.of("shape", List.of(28, 28, 1))),
                new Node("conv1", "Conv2D", 300, 100, Map.of("filters", 8, "padding", "same")),
                new Node("dense1", "Dense", 560, 100, Map.of("units", 10))),
                List.of(new Edge("in", "conv1"), new Edge("conv1", "dense1")));
        show(robot, cnn);

        NodeView dense = view("dense1");
        assertThat(has(dense, "error")).isTrue();
        assertThat(has(view("conv1"), "error")).isFalse();
        assertThat(dense.tooltipText()).contains("is fed an image 28×28×8").contains("Flatten");
        assertThat(canvas.diagram().wire(new Edge("conv1", "dense1")).label().getText()).isEqualTo("28×28×8");
        // The tooltip itself is made when the mouse first comes over the node, and shows what it says.
        assertThat(dense.tooltip()).isNull();
        robot.moveTo(dense).moveBy(3, 2).moveBy(2, 1);
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> dense.tooltip() != null && dense.tooltip().isShowing());
        assertThat(dense.tooltip().getText()).isEqualTo(dense.tooltipText());
        robot.moveTo(canvas.localToScreen(20, 20));

        // Putting a Flatten in between clears the problem at once.
        robot.interact(() -> doc.execute(new io.layerlab.graph.CompoundEdit("Insert Flatten", List.of(
                new io.layerlab.graph.Disconnect(new Edge("conv1", "dense1")),
                new io.layerlab.graph.AddNode(new Node("flatten1", "Flatten", 560, 300, Map.of())),
                new io.layerlab.graph.Connect(new Edge("conv1", "flatten1")),
                new io.layerlab.graph.Connect(new Edge("flatten1", "dense1"))))));
        assertThat(has(dense, "error")).isFalse();
        assertThat(dense.tooltipText()).isNull();
        assertThat(dense.tooltip()).as("nothing to say: the tooltip is gone").isNull();
    }

    @Test
    void theDiagramSnapshotIsAtFullSizeWhateverTheZoom(FxRobot robot) {
        show(robot, chain());
        robot.interact(() -> canvas.zoomProperty().set(0.5));
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = canvas.snapshotDiagram());

        Bounds content = canvas.diagram().contentBounds();
        assertThat(shot[0].getWidth()).isGreaterThanOrEqualTo(content.getWidth());
        assertThat(shot[0].getWidth()).isLessThan(content.getWidth() + 120);
        assertThat(canvas.getZoom()).isEqualTo(0.5);
    }
}
