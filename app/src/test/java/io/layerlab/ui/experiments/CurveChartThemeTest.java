package io.layerlab.ui.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.layerlab.ui.support.FxmlView;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The experiments' charts paint in the theme's colours: dark in the dark theme, not a white box. */
@ExtendWith(ApplicationExtension.class)
class CurveChartThemeTest {
    private final CurveChart chart = new CurveChart("epoch");
    private final LossHeatmap heatmap = new LossHeatmap();

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        chart.setCurves(List.of(new Curve("lr 0.01", Color.web("#2da44e"), new double[0],
                new double[]{1, 2, 3, 4}, new double[]{0.8, 0.2, 0.05, 0.003}, null, null)));
        HBox root = new HBox(chart, heatmap);
        chart.setPrefSize(400, 300);
        heatmap.setPrefSize(200, 300);
        Scene scene = new Scene(root, 600, 300);
        scene.getStylesheets().add(FxmlView.stylesheet("app.css"));
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void lightAgain() throws Exception {
        theme(new PrimerLight().getUserAgentStylesheet()); // the other tests' theme
    }

    @Test
    void theChartsAreDarkInTheDarkThemeAndLightInTheLightOne() throws Exception {
        assertThat(brightness()).as("light theme: chart, heatmap").allSatisfy(b -> assertThat(b).isGreaterThan(0.9));

        theme(new PrimerDark().getUserAgentStylesheet());

        assertThat(brightness()).as("dark theme: chart, heatmap").allSatisfy(b -> assertThat(b).isLessThan(0.3));
    }

    private static void theme(String stylesheet) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(stylesheet)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The brightness of a corner of each canvas (its background). */
    private List<Double> brightness() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.of(chart, heatmap).stream().map(view -> {
            WritableImage image = view.snapshot(null, null);
            return image.getPixelReader().getColor(3, (int) image.getHeight() - 3).getBrightness();
        }).toList()).get(10, TimeUnit.SECONDS);
    }
}
