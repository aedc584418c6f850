package io.layerlab.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.layout.Region;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The results above the pad where there is height for both, otherwise the chosen one of them filling the height. */
@ExtendWith(ApplicationExtension.class)
class ResultsAndPadTest {
    private final Region matrix = sized(150, 150);
    private final Region pad = sized(200, 200);
    private ResultsAndPad area;

    private static Region sized(double least, double wanted) {
        Region region = new Region();
        region.setMinSize(120, least);
        region.setPrefSize(240, wanted);
        return region;
    }

    @BeforeEach
    void build() {
        area = new ResultsAndPad(pad);
        area.setResults(matrix);
    }

    private void layOut(double height) {
        area.resize(300, height);
        area.layout();
    }

    @Test
    void withHeightForBothTheResultsStandAboveThePad() {
        layOut(400);

        assertThat(area.oneAtATimeProperty().get()).isFalse();
        assertThat(matrix.isVisible()).isTrue();
        assertThat(pad.isVisible()).isTrue();
        assertThat(matrix.getLayoutY()).isZero();
        assertThat(matrix.getHeight()).isEqualTo(150);
        assertThat(pad.getLayoutY()).isEqualTo(156);
        assertThat(pad.getHeight()).as("the pad takes the rest").isEqualTo(244);
    }

    @Test
    void shortOfHeightTheChosenOneFillsItAndTheOtherIsHidden() {
        layOut(300);

        assertThat(area.oneAtATimeProperty().get()).isTrue();
        assertThat(matrix.isVisible()).isTrue();
        assertThat(pad.isVisible()).isFalse();
        assertThat(matrix.getHeight()).isEqualTo(300);

        area.padChosenProperty().set(true);
        area.layout();
        assertThat(pad.isVisible()).isTrue();
        assertThat(matrix.isVisible()).isFalse();
        assertThat(pad.getHeight()).isEqualTo(300);
    }

    @Test
    void aViewHiddenHereIsVisibleWhereverItGoesNext() {
        area.padChosenProperty().set(true);
        layOut(300);
        assertThat(matrix.isVisible()).isFalse();

        javafx.scene.layout.StackPane elsewhere = new javafx.scene.layout.StackPane(matrix);
        assertThat(matrix.getParent()).isSameAs(elsewhere);
        assertThat(matrix.isVisible()).isTrue();
    }

    @Test
    void itNeedsTheHeightOfTheTallerOneAndWantsBoth() {
        assertThat(area.minHeight(300)).isEqualTo(200);
        assertThat(area.prefHeight(300)).isEqualTo(150 + 6 + 200);
        assertThat(area.minWidth(-1)).isEqualTo(120);
    }

    @Test
    void aHeightNearTheLimitKeepsWhicheverWayItShows() {
        layOut(350);
        assertThat(area.oneAtATimeProperty().get()).as("150 + 6 + 200 = 356 is more than 350").isTrue();
        layOut(360);
        assertThat(area.oneAtATimeProperty().get()).as("4 px to spare are not enough to stack again").isTrue();
        layOut(370);
        assertThat(area.oneAtATimeProperty().get()).as("14 px to spare are").isFalse();
        layOut(358);
        assertThat(area.oneAtATimeProperty().get()).as("stacked, it stays so while both fit").isFalse();
    }
}
