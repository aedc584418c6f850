package io.layerlab.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LiveTextCellTest {
    private final StringProperty live = new SimpleStringProperty("0.50");
    private final StringProperty plain = new SimpleStringProperty("0.50");
    private TableView<String> table;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        TableColumn<String, String> liveColumn = new TableColumn<>("live");
        liveColumn.setCellValueFactory(cell -> live);
        liveColumn.setCellFactory(column -> new LiveTextCell<>());
        liveColumn.setPrefWidth(200);
        liveColumn.setStyle("-fx-alignment: center-right;");
        TableColumn<String, String> plainColumn = new TableColumn<>("plain");
        plainColumn.setCellValueFactory(cell -> plain);
        table.getColumns().addAll(List.of(liveColumn, plainColumn));
        table.getItems().add("row");
        stage.setScene(new Scene(table, 400, 200));
        stage.show();
    }

    @Test
    void aNewNumberIsShownWithoutLayingTheTableOutAgain() throws Exception {
        assertThat(onFx(() -> liveCell().shownText())).isEqualTo("0.50");

        assertThat(tableNeedsLayoutAfter(live, "0.25")).as("the table after a live cell's new text").isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> liveCell().shownText())).isEqualTo("0.25");

        // A plain cell, for contrast: its label asks the table for a layout.
        assertThat(tableNeedsLayoutAfter(plain, "0.25")).as("the table after a plain cell's new text").isTrue();
    }

    @Test
    void theTextFollowsTheCellsAlignmentAndStaysInsideTheCell() throws Exception {
        onFx(() -> {
            live.set("1.23e-04");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double[] placed = onFx(() -> {
            LiveTextCell<?> cell = liveCell();
            var inCell = textInCell(cell);
            return new double[]{inCell.getMinX(), inCell.getMaxX(), cell.getWidth(), inCell.getMinY(), inCell.getMaxY(), cell.getHeight()};
        });
        assertThat(placed[1]).as("right edge of the text, right-aligned").isBetween(placed[2] - 20, placed[2]);
        assertThat(placed[0]).as("left edge").isGreaterThan(placed[2] / 2);
        assertThat(placed[3]).as("top").isGreaterThanOrEqualTo(0);
        assertThat(placed[4]).as("bottom").isLessThanOrEqualTo(placed[5]);
    }

    @Test
    void afterAChangeOfThemeTheTextStillEndsInsideTheCell() throws Exception {
        onFx(() -> {
            live.set("0.001566");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double[] placed = onFx(() -> {
            LiveTextCell<?> cell = liveCell();
            return new double[]{textInCell(cell).getMaxX(), cell.getWidth() - cell.snappedRightInset()};
        });
        onFx(() -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            return null;
        }); // the other tests' theme
        assertThat(placed[0]).as("right edge of the text after the dark theme's padding").isLessThanOrEqualTo(placed[1] + 0.5);
    }

    /** Where the cell's text is drawn, in the cell's coordinates. */
    private static javafx.geometry.Bounds textInCell(LiveTextCell<?> cell) {
        Text text = (Text) ((javafx.scene.Parent) cell.getGraphic()).getChildrenUnmodifiable().get(0);
        return cell.sceneToLocal(text.localToScene(text.getLayoutBounds()));
    }

    /** Lays the table out, sets {@code value} to {@code text}, and says whether the table then wants a layout again. */
    private boolean tableNeedsLayoutAfter(StringProperty value, String text) throws Exception {
        return onFx(() -> {
            table.layout();
            value.set(text);
            return table.isNeedsLayout();
        });
    }

    private LiveTextCell<?> liveCell() {
        for (Node n : table.lookupAll("." + LiveTextCell.STYLE_CLASS)) {
            if (n instanceof LiveTextCell<?> cell && !cell.isEmpty()) {
                return cell;
            }
        }
        throw new AssertionError("no live cell with a value");
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    @Test
    void aValueTooLongForTheColumnEndsInAnEllipsis() throws Exception {
        onFx(() -> {
            table.getColumns().get(0).setPrefWidth(60);
            live.set("0.000123456789");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> liveCell().fullText())).isEqualTo("0.000123456789");
        assertThat(onFx(() -> liveCell().shownText())).startsWith("0.0").endsWith("…").hasSizeLessThan("0.000123456789".length());

        onFx(() -> {
            table.getColumns().get(0).setPrefWidth(300);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> liveCell().shownText())).as("widened again").isEqualTo("0.000123456789");
    }
}
