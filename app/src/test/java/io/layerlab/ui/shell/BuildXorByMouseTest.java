package io.layerlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.graph.Edge;
import io.layerlab.graph.Node;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.support.MonocleDrag;
import io.layerlab.ui.training.RunPhase;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A person builds the XOR network from an empty canvas with the mouse: layers dragged from the
 * palette, wired port to port, units set in the inspector, edits undone and redone, the project
 * saved, reopened and trained.
 */
@ExtendWith(ApplicationExtension.class)
class BuildXorByMouseTest {
    private final DesignerFixture fixture = new DesignerFixture();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, fixture.services());
        stage.setWidth(1250);
        stage.setHeight(780);
        window.show();
    }

    @AfterEach
    void deleteFiles() throws Exception { fixture.close(); }

    private DesignDocument doc() { return window.workspace().document(); }

    /** A point of the canvas, in screen coordinates. */
    private Point2D onCanvas(double x, double y) { return window.canvas().localToScreen(x, y); }

    private void dragFromPalette(FxRobot robot, String search, String title, Point2D target) {
        TextField field = robot.lookup(".palette .text-field").queryAs(TextField.class);
        robot.clickOn(field).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(search);
        Label entry = robot.from(robot.lookup(".palette .tree-view").queryParent())
                .lookup(".palette-entry-name").match((Label l) -> l.getText().equals(title)).queryAs(Label.class);
        MonocleDrag.forgetStaleDropTarget();
        robot.drag(entry, MouseButton.PRIMARY).dropTo(target);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The canvas card of a layer, found by the id it shows. */
    private Parent nodeView(FxRobot robot, String id) {
        return robot.from(window.canvas()).lookup(".layer-card")
                .match((Parent v) -> v.getChildrenUnmodifiable().stream().anyMatch(c -> c instanceof Text t && id.equals(t.getText())))
                .queryAs(Parent.class);
    }

    /** The canvas pill of the (only) Activation node. */
    private Parent activationPill(FxRobot robot) {
        return robot.from(window.canvas()).lookup(".activation-pill").queryAs(Parent.class);
    }

    private void wire(FxRobot robot, Parent from, Parent to) {
        javafx.scene.Node out = robot.from(from).lookup(".port-out").query();
        javafx.scene.Node in = robot.from(to).lookup(".port-in").query();
        robot.drag(out, MouseButton.PRIMARY).dropTo(in);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The shape labels on the wires, once the canvas has drawn everything in view. */
    private List<String> wireLabels(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> window.canvas().isSettled()).get());
        return robot.from(window.canvas()).lookup(".wire-label").<Label>queryAll().stream().map(Label::getText).toList();
    }

    @Test
    void buildTheXorNetworkByMouseUndoRedoSaveReopenAndTrainIt(FxRobot robot) throws Exception {
        robot.clickOn("Start with an empty canvas");

        dragFromPalette(robot, "input", "Input", onCanvas(40, 80));
        dragFromPalette(robot, "dense", "Dense", onCanvas(220, 200));
        dragFromPalette(robot, "relu", "ReLU", onCanvas(400, 80));
        dragFromPalette(robot, "output", "Output", onCanvas(520, 220));
        assertThat(doc().graph().nodes()).extracting(Node::type).containsExactly("Input", "Dense", "Activation", "Output");
        String input = idOf("Input");
        String dense = idOf("Dense");
        String relu = idOf("Activation");
        String output = idOf("Output");

        wire(robot, nodeView(robot, input), nodeView(robot, dense));
        wire(robot, nodeView(robot, dense), activationPill(robot));
        wire(robot, activationPill(robot), nodeView(robot, output));
        assertThat(doc().graph().edges()).containsExactly(new Edge(input, dense), new Edge(dense, relu), new Edge(relu, output));
        assertThat(doc().report().hasErrors()).isFalse();
        assertThat(wireLabels(robot)).containsExactlyInAnyOrder("2", "16", "16");

        robot.clickOn(nodeView(robot, dense));
        TextField units = robot.lookup("#param-units").queryAs(TextField.class);
        robot.clickOn(units).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("8").type(KeyCode.ENTER);
        assertThat(doc().graph().node(dense).orElseThrow().param("units")).isEqualTo(8);
        assertThat(wireLabels(robot)).containsExactlyInAnyOrder("2", "8", "8");

        robot.clickOn("#undoButton");
        assertThat(wireLabels(robot)).containsExactlyInAnyOrder("2", "16", "16");
        robot.clickOn("#undoButton");
        assertThat(doc().graph().edges()).doesNotContain(new Edge(relu, output));
        robot.clickOn("#redoButton");
        assertThat(doc().graph().edges()).contains(new Edge(relu, output));
        robot.clickOn("#redoButton");
        assertThat(wireLabels(robot)).containsExactlyInAnyOrder("2", "8", "8");

        List<Node> nodes = List.copyOf(doc().graph().nodes());
        List<Edge> edges = List.copyOf(doc().graph().edges());
        Path file = fixture.file("xor.layerlab.json");
        fixture.dialogs.saveLocations.add(Optional.of(file));
        robot.clickOn("#saveButton");
        robot.clickOn("#newButton");
        assertThat(doc().graph().size()).isZero();
        fixture.dialogs.filesToOpen.add(Optional.of(file));
        robot.clickOn("#openButton");

        assertThat(doc().graph().nodes()).containsExactlyElementsOf(nodes);
        assertThat(doc().graph().edges()).containsExactlyElementsOf(edges);
        assertThat(wireLabels(robot)).containsExactlyInAnyOrder("2", "8", "8");

        robot.clickOn("#trainButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> window.training().dashboard().phaseProperty().get() == RunPhase.IDLE).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText()).startsWith("Run 1 finished after");
    }

    private String idOf(String type) {
        return doc().graph().nodes().stream().filter(n -> n.type().equals(type)).findFirst().orElseThrow().id();
    }
}
