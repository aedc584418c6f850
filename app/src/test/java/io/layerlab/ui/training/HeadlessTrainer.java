package io.layerlab.ui.training;

import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import io.layerlab.train.MemorySettings;
import io.layerlab.train.ProjectRun;
import io.layerlab.train.TrainingResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The headless side of {@link DashboardBenchmark}, in a JVM of its own as {@code layerlab train}
 * runs: its threads keep their normal priority (the designer lowers its training and helper threads
 * for good, so the same JVM could not train as the command line does after its first dashboard run),
 * and it stays up between rounds so its JIT warms up as the designer's does.
 *
 * <p>Protocol on standard input/output: a line {@code train EPOCHS} trains the spiral sample and
 * answers {@code result SAMPLES_PER_SECOND TRAINING_THREAD_CPU_NANOS COLLECTIONS COLLECTION_MILLIS EPOCH_SECONDS}
 * (the seconds at each epoch's end, comma-separated); a line {@code gc} collects the heap and
 * answers {@code collected}; end of input ends it. Everything
 * else the process prints (ND4J, SameDiff) goes to standard error.
 */
public final class HeadlessTrainer implements AutoCloseable {
    private final Process process;
    private final BufferedReader answers;
    private final PrintStream requests;

    private HeadlessTrainer(Process process) {
        this.process = process;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.requests = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /**
     * The young generation {@code ./layerlab} gives the command line (the designer's differs, for
     * shorter pauses): {@code layerlab train} trains faster with it, and that is what the dashboard is compared with.
     */
    static final List<String> COMMAND_LINE_YOUNG_GENERATION = List.of("-Xmn32m", "-XX:SurvivorRatio=2");

    /**
     * Starts the trainer JVM with this one's -XX and heap options (collector, heap), the young
     * generation sized as for the command line, and this class path.
     */
    static HeadlessTrainer start() throws IOException {
        return start(List.of());
    }

    /** As {@link #start()}, with these JVM options added (system properties for the trainer, say). */
    static HeadlessTrainer start(List<String> extraOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            boolean youngGeneration = option.startsWith("-Xmn") || option.startsWith("-XX:SurvivorRatio=");
            if (!youngGeneration && (option.startsWith("-XX:") || option.startsWith("-Xm"))) {
                // A flight recording's file named with %p (which JDK 17 does not expand) gets a name of its own.
                command.add(option.replace("%p", "headless"));
            }
        }
        command.addAll(COMMAND_LINE_YOUNG_GENERATION);
        command.addAll(extraOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HeadlessTrainer.class.getName()));
        return new HeadlessTrainer(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start());
    }

    /** Collections in a JVM: how many, and their pauses in all (ms). */
    record Collected(long count, long millis) {
        /** This JVM's collections so far, over all its collectors. */
        static Collected soFar() {
            long count = 0;
            long millis = 0;
            for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, collector.getCollectionCount());
                millis += Math.max(0, collector.getCollectionTime());
            }
            return new Collected(count, millis);
        }

        Collected since(Collected before) {
            return new Collected(count - before.count, millis - before.millis);
        }
    }

    /** One run's figures: samples/s, the training thread's CPU (ns), and the collections meanwhile. */
    record Run(double samplesPerSecond, long trainingCpuNanos, Collected collected, double[] epochSeconds) {
    }

    /** Trains {@code epochs} epochs in the other JVM. */
    Run train(int epochs) throws IOException {
        return train(epochs, false);
    }

    /** Trains {@code epochs} epochs in the other JVM, with the dashboard's statistics and boundary attached if {@code observed}. */
    Run train(int epochs, boolean observed) throws IOException {
        requests.println("train " + epochs + (observed ? " observed" : ""));
        String[] parts = answer("result ").split(" ");
        return new Run(Double.parseDouble(parts[1]), Long.parseLong(parts[2]),
                new Collected(Long.parseLong(parts[3]), Long.parseLong(parts[4])),
                Arrays.stream(parts[5].split(",")).mapToDouble(Double::parseDouble).toArray());
    }

    /** Has the other JVM collect its heap (a full cycle) and answers once it has. */
    void collect() throws IOException {
        requests.println("gc");
        answer("collected");
    }

    /** The next answer line starting with {@code prefix}, skipping any other output. */
    private String answer(String prefix) throws IOException {
        String line;
        while ((line = answers.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IOException("the headless trainer ended (exit " + process.onExit().join().exitValue() + ")");
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        requests.close();
        process.destroy();
    }

    /**
     * System property of the trainer JVM: {@code true} trains on a thread of its own, started once
     * (as the designer's training pool's thread), instead of the JVM's main thread, as {@code layerlab train} does.
     */
    static final String OWN_THREAD_PROPERTY = "headless.ownThread";

    public static void main(String[] args) throws Exception {
        MemorySettings.configure();
        // Only the answers go to standard output: the libraries' chatter would mix with them.
        PrintStream answers = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        java.util.concurrent.ExecutorService ownThread = Boolean.getBoolean(OWN_THREAD_PROPERTY)
                ? java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "headless-training")) : null;
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = requests.readLine()) != null) {
            if (line.equals("gc")) {
                System.gc();
                answers.println("collected");
                continue;
            }
            if (!line.startsWith("train ")) {
                continue;
            }
            String[] words = line.substring(6).trim().split(" ");
            answers.println(ownThread == null ? trainOnce(words) : ownThread.submit(() -> trainOnce(words)).get());
        }
        if (ownThread != null) ownThread.shutdown();
    }

    /** Trains the spiral sample as a request says, on the calling thread; the answer line. */
    private static String trainOnce(String[] words) {
        SampleProjects samples = new SampleProjects();
        Project p = samples.open(samples.find("spiral").orElseThrow());
        p.setTraining(p.training().withEpochs(Integer.parseInt(words[0])));
        ProjectRun run = ProjectRun.prepare(p);
        if (words.length > 1 && words[1].equals("observed")) {
            // As the dashboard attaches them, their output dropped: what they do to the JIT's profiles.
            io.layerlab.train.LayerStatistics.attach(run, p.graph(), TrainingViewModel.STATISTICS_RATE, e -> { });
            run.trainer().addObserver(new io.layerlab.train.BoundarySampler(
                    io.layerlab.train.DecisionBoundary.over(run.data(), TrainingViewModel.BOUNDARY_SIZE), run.network(), f -> { }),
                    TrainingViewModel.BOUNDARY_RATE);
        }
        long before = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Collected collectedBefore = Collected.soFar();
        TrainingResult result = run.trainer().run();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - before;
        Collected collected = Collected.soFar().since(collectedBefore);
        String seconds = Arrays.stream(result.history().epochSeconds()).mapToObj(Double::toString).collect(Collectors.joining(","));
        return String.format(Locale.ROOT, "result %.1f %d %d %d %s", result.samplesPerSecond(), cpu, collected.count(), collected.millis(), seconds);
    }
}
