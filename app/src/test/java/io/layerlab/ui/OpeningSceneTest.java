package io.layerlab.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class OpeningSceneTest {
    private OpeningScene opening;
    private final AtomicBoolean builtBeforeShown = new AtomicBoolean();
    private final CountDownLatch built = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        opening = new OpeningScene();
        stage.setScene(opening.scene());
        opening.afterItsFirstFrame(() -> {
            builtBeforeShown.set(!stage.isShowing());
            built.countDown();
        });
        stage.show();
    }

    @Test
    void theDesignerIsBuiltOnlyAfterTheWindowShowsTheOpeningScene() throws InterruptedException {
        assertThat(built.await(10, TimeUnit.SECONDS)).as("the task ran").isTrue();
        assertThat(builtBeforeShown).isFalse();
    }

    @Test
    void aDesignerThatFailsToOpenSaysWhyAndOffersToQuit() {
        WaitForAsyncUtils.asyncFx(() -> opening.failed(new IllegalStateException("the sample catalogue is unreadable")));
        WaitForAsyncUtils.waitForFxEvents();
        Label message = (Label) opening.scene().getRoot().getChildrenUnmodifiable().get(1);
        assertThat(message.getText()).startsWith("The designer could not open: the sample catalogue is unreadable")
                .contains("standard error");
        assertThat(opening.scene().getRoot().getChildrenUnmodifiable()).last()
                .isInstanceOfSatisfying(Button.class, quit -> assertThat(quit.getText()).isEqualTo("Quit"));
    }
}
