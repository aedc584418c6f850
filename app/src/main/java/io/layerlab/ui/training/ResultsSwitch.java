package io.layerlab.ui.training;

import atlantafx.base.theme.Styles;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * Two joined buttons, the results' title and the pad's, that choose which of the two the Results
 * area shows while it has height for only one (see {@link ResultsAndPad}). They stand in the
 * area's header in place of its title, followed by the note of the one shown.
 */
final class ResultsSwitch {
    private final ToggleButton resultsButton = new ToggleButton();
    private final ToggleButton padButton;
    private final HBox buttons;
    private final Label padNote = new Label();
    private Label title;
    private Label note;
    private boolean shown;

    ResultsSwitch(String padTitle, ObservableStringValue padNoteText, BooleanProperty padChosen) {
        padButton = new ToggleButton(padTitle);
        resultsButton.setId("results-switch-results");
        padButton.setId("results-switch-pad");
        ToggleGroup group = new ToggleGroup();
        for (ToggleButton button : new ToggleButton[]{resultsButton, padButton}) {
            button.setToggleGroup(group);
            button.getStyleClass().add(Styles.SMALL);
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        resultsButton.getStyleClass().add(Styles.LEFT_PILL);
        padButton.getStyleClass().add(Styles.RIGHT_PILL);
        group.selectToggle(padChosen.get() ? padButton : resultsButton);
        group.selectedToggleProperty().addListener((obs, was, is) -> {
            if (is == null) {
                // One of the two always shows: clicking the chosen one again keeps it.
                group.selectToggle(was);
            } else {
                padChosen.set(is == padButton);
            }
        });
        padChosen.addListener((obs, was, is) -> {
            group.selectToggle(is ? padButton : resultsButton);
            refresh();
        });
        buttons = new HBox(resultsButton, padButton);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        padNote.textProperty().bind(padNoteText);
        padNote.getStyleClass().add(DashboardStyles.PANEL_NOTE);
        padNote.setMinWidth(0);
    }

    /** Joins {@code header}: the buttons before {@code title}, the pad's note after {@code note}. */
    void attach(HBox header, Label title, Label note) {
        this.title = title;
        this.note = note;
        resultsButton.textProperty().bind(title.textProperty());
        header.getChildren().add(header.getChildren().indexOf(title), buttons);
        header.getChildren().add(header.getChildren().indexOf(note) + 1, padNote);
        refresh();
    }

    /** Shows the buttons in place of the title (true) or the title alone (false). */
    void setShown(boolean shown) {
        this.shown = shown;
        refresh();
    }

    private void refresh() {
        if (title == null) {
            return;
        }
        boolean pad = padButton.isSelected();
        show(buttons, shown);
        show(title, !shown);
        show(note, !shown || !pad);
        show(padNote, shown && pad);
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
