package io.layerlab.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.factory.Nd4j;

class NativeBufferGuardTest {
    @TempDir
    Path crashReports;

    @Test
    void aBufferStaysReachableUntilItsThreadHasMadeEnoughNewerOnes() throws InterruptedException {
        assertTrue(NativeBufferGuard.install());
        assertTrue(NativeBufferGuard.installed());

        WeakReference<DataBuffer> recent = new WeakReference<>(Nd4j.create(4, 4).data());
        collect();
        assertNotNull(recent.get(), "a buffer just made is kept although nothing else refers to it");

        for (int i = 0; i < 2 * NativeBufferGuard.KEPT_PER_THREAD; i++) {
            Nd4j.create(4, 4);
        }
        for (int i = 0; i < 20 && recent.get() != null; i++) {
            collect();
        }
        assertNull(recent.get(), "the guard lets go of a buffer once its thread has made "
                + NativeBufferGuard.KEPT_PER_THREAD + " newer ones: no leak");
    }

    @Test
    void buffersNothingRefersToAreFreed() throws InterruptedException {
        assertTrue(NativeBufferGuard.install());
        long before = NativeBufferGuard.released();
        for (int i = 0; i < 1_000; i++) {
            Nd4j.create(16, 16).addi(1);
        }
        for (int i = 0; i < 50 && NativeBufferGuard.released() - before < 900; i++) {
            collect();
        }
        long freed = NativeBufferGuard.released() - before;
        assertTrue(freed >= 900, "of a thousand arrays dropped, " + freed + " buffers were freed");
    }

    @Test
    void installingTwiceKeepsOneGuard() {
        assertTrue(NativeBufferGuard.install());
        Object service = Nd4j.getDeallocatorService();
        assertTrue(NativeBufferGuard.install());
        assertEquals(service, Nd4j.getDeallocatorService());
    }

    /**
     * The crash itself, in JVMs of their own with a 2 MB young generation: unguarded, the bias
     * additions crashed in every try here, within 0.5-4 s (one native thread, as the tests run); guarded,
     * they must run their whole time, 10 s. Skipped if the unguarded program runs 20 s without
     * crashing (an ND4J without the bug: the guarded run would prove nothing).
     */
    @Test
    void biasAdditionsSurviveCollectionsDuringNativeCalls() throws Exception {
        Outcome unguarded = runBroadcasts("unguarded", 20);
        assumeTrue(unguarded.exitCode() != 0, "ND4J did not crash without the guard: " + unguarded.output());

        Outcome guarded = runBroadcasts("guarded", 10);
        assertEquals(0, guarded.exitCode(), "the guarded program crashed (crash report in " + crashReports + "):\n" + guarded.output());
        assertTrue(guarded.output().contains("survived"), guarded.output());
    }

    private record Outcome(int exitCode, String output) { }

    private Outcome runBroadcasts(String mode, double seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-Xmn2m", "-Xmx512m", "-XX:ErrorFile=" + crashReports.resolve("hs_err_%p.log"),
                "-cp", System.getProperty("java.class.path"), BroadcastsUnderCollection.class.getName(),
                Double.toString(seconds), mode));
        Path output = crashReports.resolve(mode + ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor((long) seconds + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the " + mode + " program did not end");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        return new Outcome(process.exitValue(), text.lines().filter(l -> l.startsWith("survived") || l.contains("SIGSEGV"))
                .reduce("", (a, b) -> a + b + "\n"));
    }

    private static void collect() throws InterruptedException {
        System.gc();
        Thread.sleep(20);
    }
}
