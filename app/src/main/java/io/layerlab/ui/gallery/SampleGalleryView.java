package io.layerlab.ui.gallery;

import io.layerlab.project.SampleProject;
import io.layerlab.ui.support.StyleClasses;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The gallery over the canvas: a card per sample; click (or Enter) opens it, Escape closes the gallery. */
public final class SampleGalleryView {
    /** A card is never narrower than this; as many columns as fit share the row's width. */
    static final double CARD_LEAST_WIDTH = 240;

    private final SampleGalleryViewModel model;

    @FXML private VBox root;
    @FXML private FlowPane cards;

    public SampleGalleryView(SampleGalleryViewModel model) { this.model = model; }

    @FXML
    private void initialize() {
        root.visibleProperty().bind(model.showingProperty());
        root.managedProperty().bind(model.showingProperty());
        root.setOnKeyPressed(e -> { if (e.getCode() == KeyCode.ESCAPE) model.close(); });
        model.samples().addListener((ListChangeListener<SampleProject>) c -> rebuild());
        // Cards fill the row instead of leaving a strip beside them that is too narrow for one more.
        cards.widthProperty().addListener((obs, was, is) -> sizeCards());
        rebuild();
    }

    /** The width each card gets when {@code columns} of them share a row {@code width} wide, with gaps {@code gap}. */
    static double cardWidth(double width, double gap) {
        int columns = Math.max(1, (int) Math.floor((width + gap) / (CARD_LEAST_WIDTH + gap)));
        // Floored: a sum of widths a fraction over the row would wrap its last card.
        return Math.max(CARD_LEAST_WIDTH, Math.floor((width - (columns - 1) * gap) / columns));
    }

    private void sizeCards() {
        if (cards.getWidth() <= 0) return;
        double width = cardWidth(cards.getWidth(), cards.getHgap());
        for (Node card : cards.getChildren()) ((VBox) card).setPrefWidth(width);
    }

    @FXML
    private void onClose() { model.close(); }

    private void rebuild() {
        cards.getChildren().clear();
        for (SampleProject sample : model.samples()) cards.getChildren().add(card(sample));
        sizeCards();
    }

    private VBox card(SampleProject sample) {
        Label title = new Label(sample.name());
        title.getStyleClass().add(StyleClasses.GALLERY_CARD_TITLE);
        title.setWrapText(true);
        Label text = new Label(sample.description());
        text.getStyleClass().add(StyleClasses.GALLERY_CARD_TEXT);
        text.setWrapText(true);
        VBox card = new VBox(6, title, text);
        card.getStyleClass().add(StyleClasses.GALLERY_CARD);
        card.setId("sample-" + sample.shortName());
        card.setPrefWidth(CARD_LEAST_WIDTH);
        card.setMinHeight(110);
        card.setFocusTraversable(true);
        card.setAccessibleRole(AccessibleRole.BUTTON);
        card.setAccessibleText(sample.name());
        card.setOnMouseClicked(e -> model.open(sample));
        card.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) { model.open(sample); e.consume(); }
        });
        return card;
    }
}
