package io.layerlab.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** Two panels stacked where there is height for both, otherwise one open and the other folded to its header. */
@ExtendWith(ApplicationExtension.class)
class PanelPairTest {
    private final Region boundary = sized(150, 300);
    private final Region results = sized(100, 200);
    private final VBox top = panel(boundary);
    private final VBox bottom = panel(results);
    private PanelPair pair;

    private static Region sized(double least, double wanted) {
        Region region = new Region();
        region.setMinHeight(least);
        region.setPrefHeight(wanted);
        return region;
    }

    /** A header row 30 high above the content, no padding. */
    private static VBox panel(Region content) {
        Region header = new Region();
        header.setMinHeight(30);
        header.setPrefHeight(30);
        header.setMaxHeight(30);
        return new VBox(new javafx.scene.layout.HBox(header), content);
    }

    @BeforeEach
    void build() {
        pair = new PanelPair(top, bottom);
    }

    private void layOut(double height) {
        pair.resize(300, height);
        pair.layout();
    }

    @Test
    void withHeightForBothEachTakesItsShareOfTheirPreferredHeights() {
        layOut(538); // 530 for the panels after the 8 between them: 330 wanted on top, 230 below

        assertThat(pair.foldingProperty().get()).isFalse();
        assertThat(boundary.isVisible()).isTrue();
        assertThat(results.isVisible()).isTrue();
        assertThat(top.getHeight()).isCloseTo(530 * 330.0 / 560, org.assertj.core.data.Offset.offset(1.0));
        assertThat(bottom.getLayoutY()).isCloseTo(top.getHeight() + 8, org.assertj.core.data.Offset.offset(1.0));
        assertThat(top.getHeight() + 8 + bottom.getHeight()).isCloseTo(538, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void shortOfHeightTheTopOneFillsItAndTheOtherFoldsToItsHeaderUntilOpened() {
        layOut(250); // both need 180 + 8 + 130

        assertThat(pair.foldingProperty().get()).isTrue();
        assertThat(boundary.isVisible()).isTrue();
        assertThat(results.isVisible()).as("folded: its content hidden").isFalse();
        assertThat(bottom.getHeight()).as("its header row").isEqualTo(30);
        assertThat(bottom.getLayoutY() + bottom.getHeight()).isEqualTo(250);
        assertThat(top.getHeight()).isEqualTo(250 - 8 - 30);

        pair.bottomOpenProperty().set(true);
        pair.layout();
        assertThat(boundary.isVisible()).isFalse();
        assertThat(results.isVisible()).isTrue();
        assertThat(top.getHeight()).isEqualTo(30);
        assertThat(bottom.getHeight()).isEqualTo(250 - 8 - 30);
    }

    @Test
    void aClickOnAFoldedHeaderOpensItsPanel() {
        layOut(250);
        javafx.scene.Node header = bottom.getChildren().get(0);
        javafx.event.Event.fireEvent(header, new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                5, 5, 5, 5, javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false, false, null));
        assertThat(pair.bottomOpenProperty().get()).isTrue();
    }

    @Test
    void itNeedsOneOpenAndTheOtherFoldedWhicheverIsOpen() {
        assertThat(pair.minHeight(300)).as("max(180 + 30, 130 + 30) + 8").isEqualTo(218);
        assertThat(pair.prefHeight(300)).isEqualTo(330 + 8 + 230);
    }

    @Test
    void withTheTopPanelLeftOutTheOtherFillsTheHeightAndNeverFolds() {
        top.setManaged(false);
        top.setVisible(false);
        layOut(150);

        assertThat(pair.foldingProperty().get()).isFalse();
        assertThat(results.isVisible()).isTrue();
        assertThat(bottom.getLayoutY()).isZero();
        assertThat(bottom.getHeight()).isEqualTo(150);
        assertThat(pair.minHeight(300)).isEqualTo(130);
    }

    @Test
    void aHeightNearTheLimitKeepsWhicheverWayItShows() {
        layOut(330);
        assertThat(pair.foldingProperty().get()).as("180 + 8 + 130 = 318 fit in 330").isFalse();
        layOut(310);
        assertThat(pair.foldingProperty().get()).isTrue();
        layOut(325);
        assertThat(pair.foldingProperty().get()).as("7 px to spare are not enough to stack again").isTrue();
        layOut(331);
        assertThat(pair.foldingProperty().get()).as("13 px are").isFalse();
    }
}
