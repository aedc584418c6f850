package io.layerlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.graph.Edge;
import io.layerlab.graph.Node;
import io.layerlab.graph.SetParam;
import io.layerlab.project.ProjectReader;
import io.layerlab.ui.TestDocuments;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.palette.PaletteEntry;
import io.layerlab.ui.palette.PaletteGroup;
import io.layerlab.ui.support.DialogService.SaveChoice;
import io.layerlab.ui.support.FakeDialogService;
import io.layerlab.ui.support.MenuClicks;
import io.layerlab.ui.support.StyleClasses;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import io.layerlab.shape.Diagnostic;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import io.layerlab.ui.summary.SummaryRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import javax.imageio.ImageIO;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private final DesignerFixture fixture = new DesignerFixture();
    private final FakeDialogService dialogs = fixture.dialogs;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, fixture.services());
        stage.setWidth(1250);
        stage.setHeight(780);
        window.show();
        window.files().show(TestDocuments.document(TestDocuments.xorProject()));
    }

    @AfterEach
    void deleteFiles() throws Exception { fixture.close(); }

    private DesignDocument doc() { return window.workspace().document(); }

    private void select(FxRobot robot, String id) {
        robot.interact(() -> { doc().selection().clear(); doc().selection().add(id); });
    }

    /** Selects the field's whole text and types over it, as a person would. */
    private static void retype(FxRobot robot, TextField field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text);
    }

    @Test
    void thePaletteSearchFiltersAsYouType(FxRobot robot) {
        robot.clickOn(".palette .text-field").write("conv");

        TreeView<Object> tree = robot.lookup(".palette .tree-view").queryAs(TreeView.class);
        assertThat(tree.getRoot().getChildren()).hasSize(1);
        TreeItem<Object> group = tree.getRoot().getChildren().get(0);
        assertThat(((PaletteGroup) group.getValue()).category().label()).isEqualTo("Convolution");
        assertThat(group.getChildren()).extracting(i -> ((PaletteEntry) i.getValue()).name()).containsExactly("Conv2D");

        robot.type(KeyCode.ESCAPE);
        assertThat(tree.getRoot().getChildren()).hasSizeGreaterThan(4);
    }

    @Test
    void theInspectorRefusesAnInvalidValueWithAMessageAndAppliesAValidOneAsAnUndoableEdit(FxRobot robot) {
        select(robot, "dense1");
        TextField units = robot.lookup("#param-units").queryAs(TextField.class);
        assertThat(units.getText()).isEqualTo("8");

        retype(robot, units, "-5");
        robot.type(KeyCode.ENTER);

        Label message = robot.lookup("." + "inspector-error").queryAs(Label.class);
        assertThat(units.getPseudoClassStates()).contains(StyleClasses.INVALID);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).startsWith("units ").contains("whole number from 1 to");
        assertThat(doc().graph().node("dense1").orElseThrow().param("units")).isEqualTo(8);
        assertThat(doc().isDirty()).isFalse();

        retype(robot, units, "64");
        robot.type(KeyCode.ENTER);

        assertThat(units.getPseudoClassStates()).doesNotContain(StyleClasses.INVALID);
        assertThat(message.isVisible()).isFalse();
        assertThat(doc().graph().node("dense1").orElseThrow().param("units")).isEqualTo(64);
        assertThat(doc().undoLabelProperty().get()).isEqualTo("Set units of dense1");

        robot.clickOn("#undoButton");
        assertThat(doc().graph().node("dense1").orElseThrow().param("units")).isEqualTo(8);
        assertThat(units.getText()).isEqualTo("8");
    }

    @Test
    void withNothingSelectedTheInspectorShowsTheTrainingSettingsAsNamedRowsThatEditTheProject(FxRobot robot) {
        double before = doc().project().training().learningRate();
        TextField rate = robot.lookup("#param-learningRate").queryAs(TextField.class);
        Label rateName = robot.lookup(".inspector .label").match(n -> "Learning rate".equals(((Label) n).getText())).queryAs(Label.class);
        assertThat(rateName.getLabelFor()).isSameAs(rate);
        assertThat(rate.isVisible()).isTrue();
        assertThat(Double.parseDouble(rate.getText())).isEqualTo(before);
        assertThat(robot.lookup(".inspector .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Optimizer", "Batch size", "Epochs", "Shuffle", "Source");

        retype(robot, rate, "0.05");
        robot.type(KeyCode.ENTER);
        assertThat(doc().project().training().learningRate()).isEqualTo(0.05);

        robot.clickOn("#undoButton");
        assertThat(doc().project().training().learningRate()).isEqualTo(before);
        assertThat(Double.parseDouble(rate.getText())).isEqualTo(before);
    }

    @Test
    void aPaletteEntryAndAnInspectorRowExplainThemselvesWhenThePointerRestsOnThem(FxRobot robot) throws Exception {
        TreeCell<?> dense = robot.lookup(".palette .tree-cell")
                .match(n -> ((TreeCell<?>) n).getItem() instanceof PaletteEntry e && e.name().equals("Dense")).queryAs(TreeCell.class);
        PaletteEntry entry = (PaletteEntry) dense.getItem();
        robot.moveTo(dense);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dense.getTooltip() != null && dense.getTooltip().isShowing());
        assertThat(dense.getTooltip().getText()).isEqualTo(entry.details()).contains("Fully connected");

        Label rateName = robot.lookup(".inspector .label").match(n -> "Learning rate".equals(((Label) n).getText())).queryAs(Label.class);
        robot.moveTo(rateName);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rateName.getTooltip() != null && rateName.getTooltip().isShowing());
        assertThat(rateName.getTooltip().getText()).startsWith("Size of each update step");
    }

    @Test
    void toolbarButtonsExplainThemselvesOnHoverAndUndoNamesTheEditItWouldUndo(FxRobot robot) throws Exception {
        Button fit = robot.lookup("#fitButton").queryButton();
        robot.moveTo(fit);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fit.getTooltip() != null && fit.getTooltip().isShowing());
        assertThat(fit.getTooltip().getText()).isEqualTo("Fit the graph in the window (Ctrl+0)");

        robot.interact(() -> doc().execute(new SetParam("dense1", "units", 32)));
        Button undo = robot.lookup("#undoButton").queryButton();
        robot.moveTo(undo);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> undo.getTooltip() != null && undo.getTooltip().isShowing());
        assertThat(undo.getTooltip().getText()).isEqualTo("Undo Set units of dense1 (Ctrl+Z)");
    }

    @Test
    void theTitleMarksUnsavedChangesAndNewAsksBeforeLosingThem(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("XOR — LayerLab");
        robot.interact(() -> doc().execute(new SetParam("dense1", "units", 32)));
        assertThat(stage.getTitle()).isEqualTo("XOR* — LayerLab");

        DesignDocument edited = doc();
        dialogs.saveChoices.add(SaveChoice.CANCEL);
        robot.clickOn("#newButton");
        assertThat(dialogs.saveQuestions).containsExactly("XOR / creating a new project");
        assertThat(doc()).as("cancel keeps the document").isSameAs(edited);

        dialogs.saveChoices.add(SaveChoice.DONT_SAVE);
        robot.clickOn("#newButton");
        assertThat(doc()).isNotSameAs(edited);
        assertThat(doc().graph().size()).isZero();
        assertThat(stage.getTitle()).isEqualTo("Untitled — LayerLab");
    }

    @Test
    void choosingSaveInThePromptSavesFirstAndThenProceeds(FxRobot robot) throws Exception {
        robot.interact(() -> doc().execute(new SetParam("dense1", "units", 32)));
        Path target = fixture.file("xor.layerlab.json");
        dialogs.saveChoices.add(SaveChoice.SAVE);
        dialogs.saveLocations.add(Optional.of(target));

        robot.clickOn("#newButton");

        assertThat(new ProjectReader().read(target).graph().node("dense1").orElseThrow().param("units")).isEqualTo(32);
        assertThat(doc().graph().size()).isZero();
    }

    @Test
    void cancellingTheSaveDialogInThePromptKeepsTheDocument(FxRobot robot) {
        robot.interact(() -> doc().execute(new SetParam("dense1", "units", 32)));
        DesignDocument edited = doc();
        dialogs.saveChoices.add(SaveChoice.SAVE);
        dialogs.saveLocations.add(Optional.empty());

        robot.clickOn("#newButton");

        assertThat(doc()).isSameAs(edited);
        assertThat(doc().isDirty()).isTrue();
    }

    @Test
    void closingTheWindowWithUnsavedChangesAsksAndCancelKeepsItOpen(FxRobot robot) {
        robot.interact(() -> doc().execute(new SetParam("dense1", "units", 32)));
        dialogs.saveChoices.add(SaveChoice.CANCEL);

        robot.interact(() -> window.quit());
        assertThat(stage.isShowing()).isTrue();

        dialogs.saveChoices.add(SaveChoice.DONT_SAVE);
        robot.interact(() -> window.quit());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isFalse();
        assertThat(dialogs.saveQuestions).hasSize(2);
    }

    @Test
    void savingClearsTheStarAndReopeningGivesTheSameGraph(FxRobot robot) {
        robot.interact(() -> doc().execute(new SetParam("dense1", "units", 32)));
        Path target = fixture.file("net.layerlab.json");
        dialogs.saveLocations.add(Optional.of(target));
        List<Node> nodes = List.copyOf(doc().graph().nodes());
        List<Edge> edges = List.copyOf(doc().graph().edges());

        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        assertThat(stage.getTitle()).isEqualTo("net.layerlab.json — LayerLab");
        assertThat(window.files().recentFiles()).containsExactly(target.toAbsolutePath());

        robot.clickOn("#newButton");
        assertThat(doc().graph().size()).isZero();
        dialogs.filesToOpen.add(Optional.of(target));
        robot.clickOn("#openButton");

        assertThat(doc().file()).isEqualTo(target);
        assertThat(doc().isDirty()).isFalse();
        assertThat(doc().graph().nodes()).containsExactlyElementsOf(nodes);
        assertThat(doc().graph().edges()).containsExactlyElementsOf(edges);
        assertThat(doc().project().training()).isEqualTo(TestDocuments.xorProject().training());
    }

    @Test
    void aFileThatCannotBeReadIsReportedByNameAndTheOpenDocumentStays(FxRobot robot) throws Exception {
        Path broken = fixture.file("broken.layerlab.json");
        Files.writeString(broken, "{\"format\": \"layerlab-project\", \"version\": 1, \"graph\": {\"nodes\": [ }");
        DesignDocument before = doc();
        dialogs.filesToOpen.add(Optional.of(broken));

        robot.clickOn("#openButton");

        assertThat(dialogs.errors).hasSize(1);
        assertThat(dialogs.errors.get(0)).startsWith("Cannot open broken.layerlab.json").contains("line 1");
        assertThat(doc()).isSameAs(before);
    }

    @Test
    void clickingAProblemSelectsItsNodeAndTheInspectorExplainsIt(FxRobot robot) {
        robot.interact(() -> window.files().show(TestDocuments.document(TestDocuments.cnnWithoutFlatten())));
        assertThat(robot.lookup(".problems-list").tryQuery()).as("built when its tab first shows").isEmpty();
        robot.clickOn("Problems (1)");

        ListView<Diagnostic> problems = robot.lookup(".problems-list").queryAs(ListView.class);
        assertThat(problems.getItems()).hasSize(1);
        Diagnostic problem = problems.getItems().get(0);
        assertThat(problem.nodeId()).isEqualTo("dense1");
        assertThat(problem.hint()).contains("Flatten");

        robot.clickOn(problem.message());

        assertThat(doc().selection()).containsExactly("dense1");
        Label inspectorProblems = robot.lookup(".inspector-problems").queryAs(Label.class);
        assertThat(inspectorProblems.isVisible()).isTrue();
        assertThat(inspectorProblems.getText()).contains("Flatten");
        assertThat(stage.getScene().lookup("#statusProblems")).isInstanceOfSatisfying(Label.class,
                l -> assertThat(l.getText()).isEqualTo("1 error"));
    }

    @Test
    void theDiagramIsExportedAsAPngImage(FxRobot robot) throws Exception {
        Path png = fixture.file("diagram.png");
        dialogs.saveLocations.add(Optional.of(png));

        MenuClicks.choose(robot, "File", "Export", "Diagram as PNG…");

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(10);
        assertThat(image.getHeight()).isGreaterThan(10);
    }

    @Test
    void theViewMenuSwitchesToTheDarkThemeAndBack(FxRobot robot) {
        String light = new PrimerLight().getUserAgentStylesheet();
        String dark = new PrimerDark().getUserAgentStylesheet();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(light);

        robot.clickOn("View").clickOn("Dark Theme");
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(dark);

        robot.clickOn("#darkThemeButton");
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(light);
    }

    @Test
    void aRecentFileReopensFromTheFileMenu(FxRobot robot) {
        Path target = fixture.file("recent.layerlab.json");
        dialogs.saveLocations.add(Optional.of(target));
        robot.clickOn("#saveButton");
        robot.clickOn("#newButton");

        robot.clickOn("File").clickOn("Open Recent").clickOn("recent.layerlab.json   (" + fixture.folder.toAbsolutePath() + ")");

        assertThat(doc().file()).isEqualTo(target.toAbsolutePath());
        assertThat(doc().graph().size()).isEqualTo(3);
    }

    @Test
    void clickingALayerInTheSummarySelectsIt(FxRobot robot) {
        TableView<SummaryRow> summary = robot.lookup(".summary-table").queryAs(TableView.class);
        assertThat(summary.getItems()).extracting(SummaryRow::nodeId).containsExactly("in", "dense1", "out", "Total");
        assertThat(summary.getItems().get(1).output()).isEqualTo("8");
        assertThat(summary.getItems().get(1).params()).isEqualTo(2 * 8 + 8);

        robot.clickOn("dense1");

        assertThat(doc().selection()).containsExactly("dense1");
    }
}
