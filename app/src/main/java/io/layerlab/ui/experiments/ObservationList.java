package io.layerlab.ui.experiments;

import io.layerlab.train.sweep.Observation;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * What the curves say, one wrapped paragraph per observation, each as tall as its lines. A list
 * view measured its cells once and kept the heights: an observation first laid out at another
 * width left a blank line under it. There are a handful of observations, nothing to select, so a
 * column of labels that scrolls is all it takes.
 */
final class ObservationList extends ScrollPane {
    static final String STYLE_CLASS = "experiments-observations";
    static final String ITEM_STYLE_CLASS = "experiments-observation";

    private final VBox column = new VBox(6);
    private final Label placeholder;

    ObservationList(ObservableList<Observation> observations, Label placeholder) {
        this.placeholder = placeholder;
        getStyleClass().add(STYLE_CLASS);
        column.setPadding(new Insets(6, 8, 6, 8));
        setContent(column);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        observations.addListener((ListChangeListener<Observation>) change -> show(observations));
        show(observations);
    }

    private void show(ObservableList<Observation> observations) {
        if (observations.isEmpty()) {
            column.getChildren().setAll(placeholder);
            return;
        }
        column.getChildren().setAll(observations.stream().map(ObservationList::paragraph).toList());
    }

    private static Label paragraph(Observation observation) {
        Label label = new Label(observation.text());
        label.getStyleClass().add(ITEM_STYLE_CLASS);
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        label.setUserData(observation);
        return label;
    }
}
