package io.layerlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar's word on ND4J while it loads in the background, once it is ready, and when it cannot load. */
@ExtendWith(ApplicationExtension.class)
class Nd4jLoadingTest {
    @Test
    void saysItIsLoadingUntilTheLoadEndsThenSaysNothing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ran = new CountDownLatch(1);
        Nd4jLoading loading = new Nd4jLoading(() -> {
            ran.countDown();
            await(release);
        });
        WaitForAsyncUtils.asyncFx(loading::start).get(5, TimeUnit.SECONDS);
        assertThat(ran.await(5, TimeUnit.SECONDS)).as("loads off the JavaFX thread, which start() returned to").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(loading.textProperty().get()).isEqualTo(Nd4jLoading.LOADING);
        assertThat(loading.detailProperty().get()).contains("native code");

        release.countDown();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> loading.textProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(loading.detailProperty().get()).isEmpty();
    }

    @Test
    void aLoadThatFailsSaysTrainingIsUnavailableAndWhy() throws Exception {
        Nd4jLoading loading = new Nd4jLoading(() -> {
            throw new IllegalStateException("ND4J could not load: no native library for linux-riscv64");
        });
        WaitForAsyncUtils.asyncFx(loading::start).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> loading.textProperty().get().contains("did not load"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(loading.textProperty().get()).contains("training is unavailable");
        assertThat(loading.detailProperty().get()).contains("linux-riscv64");
    }

    @Test
    void afterALoadItRunsWhatComesNextOnTheLoaderThreadOnceTheStatusSaysReady() throws Exception {
        CountDownLatch after = new CountDownLatch(1);
        String[] statusThen = new String[1];
        boolean[] onFxThread = new boolean[1];
        Nd4jLoading[] loading = new Nd4jLoading[1];
        loading[0] = new Nd4jLoading(() -> { }, () -> {
            // The status bar was told first: nothing about being ready waits for what comes next.
            WaitForAsyncUtils.waitForFxEvents();
            statusThen[0] = loading[0].textProperty().get();
            onFxThread[0] = javafx.application.Platform.isFxApplicationThread();
            after.countDown();
            throw new IllegalStateException("the warm-up failed");
        });
        WaitForAsyncUtils.asyncFx(loading[0]::start).get(5, TimeUnit.SECONDS);
        assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(statusThen[0]).isEmpty();
        assertThat(onFxThread[0]).isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(loading[0].textProperty().get()).as("what failed afterwards leaves ND4J ready").isEmpty();
    }

    @Test
    void afterAFailedLoadNothingMoreRuns() throws Exception {
        CountDownLatch after = new CountDownLatch(1);
        Nd4jLoading loading = new Nd4jLoading(() -> {
            throw new IllegalStateException("ND4J could not load: no native library");
        }, after::countDown);
        WaitForAsyncUtils.asyncFx(loading::start).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> loading.textProperty().get().contains("did not load"));
        assertThat(after.await(500, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void startingTwiceLoadsOnce() throws Exception {
        CountDownLatch twice = new CountDownLatch(2);
        Nd4jLoading loading = new Nd4jLoading(twice::countDown);
        WaitForAsyncUtils.asyncFx(() -> {
            loading.start();
            loading.start();
        }).get(5, TimeUnit.SECONDS);
        assertThat(twice.await(1, TimeUnit.SECONDS)).isFalse();
        assertThat(twice.getCount()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
