package io.layerlab.ui.training;

import io.layerlab.ui.support.ChartPalette;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A run's name after a round icon in the run's colour (the colour of its curves) whose symbol is
 * the run's status: a tick when it completed, a square when stopped, an exclamation mark when it
 * diverged, play or pause while it trains. One icon instead of a swatch and a status column, whose
 * word took a ninth of the docked dashboard's narrow runs table. The tooltip says both in words.
 */
final class RunNameCell extends TableCell<RunRow, RunRow> {
    static final String ICON_STYLE = "run-status-icon";

    /** {@link RunRow#statusProperty()}'s words and their icons; an unknown word shows a plain dot. */
    private static final Map<String, String> ICONS = Map.of(
            "Preparing", "mdi2t-timer-sand",
            "Running", "mdi2p-play-circle",
            "Paused", "mdi2p-pause-circle",
            "Completed", "mdi2c-check-circle",
            "Stopped", "mdi2s-stop-circle",
            "Diverged", "mdi2a-alert-circle");
    private static final String PLAIN = "mdi2c-circle";

    private final ChartPalette palette;
    private final FontIcon icon = new FontIcon(PLAIN);
    private final Tooltip tooltip = new Tooltip();
    private final InvalidationListener statusChanged = o -> showStatus();
    private RunRow shown;

    RunNameCell(ChartPalette palette) {
        this.palette = palette;
        icon.getStyleClass().add(ICON_STYLE);
    }

    @Override
    protected void updateItem(RunRow run, boolean empty) {
        super.updateItem(run, empty);
        if (shown != null) {
            shown.statusProperty().removeListener(statusChanged);
        }
        shown = empty ? null : run;
        if (shown == null) {
            setText(null);
            setTooltip(null);
            setGraphic(null);
            return;
        }
        shown.statusProperty().addListener(statusChanged);
        // Inline, so that the theme's colour for icons in a selected row does not replace it.
        icon.setStyle("-fx-icon-color: " + ChartPalette.css(palette.run(shown.colourIndex())) + ";");
        setGraphic(icon);
        setText(shown.name());
        setTooltip(tooltip);
        showStatus();
    }

    private void showStatus() {
        String status = shown.statusProperty().get();
        icon.setIconLiteral(ICONS.getOrDefault(status, PLAIN));
        // Runs opened from a sweep have long names ("Run 4 (sweep lr 0.1 · batch 32)").
        tooltip.setText(shown.name() + " · " + status);
    }
}
