package io.layerlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./layerlab} launcher's choice of collector: Parallel with a small young generation,
 * the designer's the smaller (its pauses may delay a frame), survivor spaces of a fixed size, and
 * the person's own choice in {@code LAYERLAB_JAVA_OPTS} alone when it names a collector; and its use
 * of the class-data archive the build makes beside the jar. The script
 * runs against a stand-in {@code java} that prints the arguments it was given, from a copy of the
 * script beside a stand-in jar.
 */
class LauncherScriptTest {
    @TempDir
    Path dir;
    private Path launcher;
    private Path javaHome;

    @BeforeEach
    void copyLauncher() throws IOException {
        Path script = Path.of("..", "layerlab").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(script) && Files.isExecutable(Path.of("/bin/bash")), "needs the launcher and bash");
        launcher = dir.resolve("layerlab");
        Files.copy(script, launcher);
        Files.createDirectories(dir.resolve("app/target"));
        Files.writeString(dir.resolve("app/target/layerlab.jar"), "stand-in");
        javaHome = dir.resolve("jdk");
        Path java = javaHome.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/bash\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theCommandLineGetsTheParallelCollectorWithAYoungGenerationOf32Mb() throws Exception {
        List<String> args = javaArgs("", "check", "my.layerlab.json");
        assertThat(args).contains("-XX:+UseParallelGC", "-Xmn32m").doesNotContain("-XX:+UseZGC");
        assertThat(args).endsWith("-jar", dir.resolve("app/target/layerlab.jar").toString(), "check", "my.layerlab.json");
    }

    @Test
    void theDesignerGetsTheParallelCollectorWith16MbOfEdenAndTwo4MbSurvivorSpaces() throws Exception {
        assertThat(javaArgs("")).contains("-XX:+UseParallelGC", "-Xmn24m", "-XX:SurvivorRatio=4")
                .doesNotContain("-Xmn32m", "-XX:SurvivorRatio=2");
    }

    @Test
    void theCommandLinesSurvivorSpacesAreAFixedThirdOfItsYoungGeneration() throws Exception {
        assertThat(javaArgs("", "train", "my.layerlab.json")).contains("-XX:SurvivorRatio=2").doesNotContain("-XX:SurvivorRatio=4");
    }

    @Test
    void bothGetSurvivorSpacesOfAFixedSize() throws Exception {
        for (List<String> command : List.of(List.<String>of(), List.of("train", "my.layerlab.json"))) {
            assertThat(javaArgs("", command.toArray(String[]::new))).contains("-XX:-UseAdaptiveSizePolicy");
        }
    }

    @Test
    void optionsThePersonGaveComeAfterTheLaunchersSoTheirsWin() throws Exception {
        List<String> args = javaArgs("-Xmn64m");
        assertThat(args.indexOf("-Xmn64m")).isGreaterThan(args.indexOf("-Xmn24m"));
    }

    @Test
    void aCollectorThePersonChoseWinsEitherWay() throws Exception {
        for (List<String> command : List.of(List.<String>of(), List.of("train", "my.layerlab.json"))) {
            List<String> args = javaArgs("-XX:+UseSerialGC -Xmx2g", command.toArray(String[]::new));
            assertThat(args).contains("-XX:+UseSerialGC", "-Xmx2g")
                    .doesNotContain("-XX:+UseParallelGC", "-Xmn16m", "-Xmn32m", "-XX:-UseAdaptiveSizePolicy", "-XX:SurvivorRatio=2");
        }
    }

    @Test
    void theArchiveTheBuildMadeIsUsedByTheDesignerAndTheCommandLine() throws Exception {
        Path archive = Files.writeString(dir.resolve("app/target/layerlab.jsa"), "stand-in");
        String option = "-XX:SharedArchiveFile=" + archive;
        assertThat(javaArgs("", true)).contains(option);
        assertThat(javaArgs("", true, "train", "my.layerlab.json")).contains(option);
        assertThat(javaArgs("", false)).as("LAYERLAB_CDS=off").doesNotContain(option);
    }

    @Test
    void anArchiveOlderThanTheJarIsNotUsed() throws Exception {
        Path archive = Files.writeString(dir.resolve("app/target/layerlab.jsa"), "stand-in");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(
                Files.getLastModifiedTime(dir.resolve("app/target/layerlab.jar")).toMillis() - 60_000));
        assertThat(javaArgs("", true)).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void withoutAnArchiveTheDesignerStartsWithoutOne() throws Exception {
        assertThat(javaArgs("", true)).noneMatch(a -> a.startsWith("-XX:SharedArchive") || a.startsWith("-XX:ArchiveClasses"));
    }

    /** What the launcher passed to java, one argument a line (class-data archive off, to keep it to the collector). */
    private List<String> javaArgs(String javaOpts, String... command) throws Exception {
        return javaArgs(javaOpts, false, command);
    }

    /** What the launcher passed to java, one argument a line. */
    private List<String> javaArgs(String javaOpts, boolean classDataArchive, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", launcher.toString()));
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("LAYERLAB_JAVA_OPTS", javaOpts);
        env.put("LAYERLAB_CDS", classDataArchive ? "on" : "off");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }
}
