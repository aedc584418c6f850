package io.layerlab.ui.training;

import atlantafx.base.theme.PrimerLight;
import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import io.layerlab.train.ProjectRun;
import io.layerlab.train.RunRecord;
import io.layerlab.train.TrainingResult;
import io.layerlab.ui.training.HeadlessTrainer.Collected;
import io.layerlab.ui.training.PulsePhaseTimer.Phase;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * What the dashboard costs while the spiral sample trains with per-layer statistics and the decision
 * boundary on: rounds that train the same project headless (as {@code layerlab train} does: no
 * statistics, no boundary, no window, in a JVM of its own, {@link HeadlessTrainer}) and with the
 * dashboard, in alternating order, so both see the same machine load. Run under Xvfb:
 * {@code DISPLAY=:98 java -XX:+UseParallelGC -Xmn24m -XX:-UseAdaptiveSizePolicy -XX:SurvivorRatio=4 -cp <test classpath> io.layerlab.ui.training.DashboardBenchmark [epochs] [rounds] [runs|layers]}
 * (the collector {@code ./layerlab} starts the designer with; the headless side gets the command line's young generation)
 * (defaults 100 epochs, the sample's own; 30 rounds, about 6 minutes here: ten cannot tell 0.91 from
 * 0.95; the layer statistics table in view). To see where the
 * time goes: {@code -Dprofile=true} samples the render thread's stacks (JFR) and the JavaFX thread's (every 2 ms), {@code -Dhide=id,id}
 * hides views by id (iteration-chart, epoch-chart, accuracy-chart, boundary-view); {@code -Dwarmup=N} sets the
 * warm-up run's epochs (default 3,000), {@code -Dwarmup.runs=N} the unmeasured runs of the measured length after it
 * (default 10); {@code -Dtrace=true} prints
 * which nodes moved or resized at each pulse (see {@link LayoutTrace}); {@code -Dcputrace=true} reads the
 * JavaFX and render threads' CPU every 2 ms to annotate the slowest pulses; {@code -Dstalls=FILE} reads what
 * tools/stall-probe recorded meanwhile and reports apart the pulses during which a core was not available
 * to any thread of the machine (see {@link CoreStalls}); {@code -Dab=PROPERTY} compares a designer setting it reads at every run on and off
 * in alternating pairs of rounds.
 *
 * <p>Reported:
 * <ul>
 * <li><b>samples/s ratio</b> dashboard / headless per round and their median: the number the issue
 *     asks for (at least 0.95). A round's pair ran back to back, so a change of load between rounds
 *     affects both sides; each side starts only once both JVMs have gone quiet after the other's run.
 *     Single runs of 2 s swing by ±30 % (the machine: a slow run is slower in every library alike,
 *     see docs/performance.md), so also reported: the middle half of the ratios, the range a rerun's
 *     median would likely fall in ({@link #medianInterval}, 90 %) and the sides' overall rates. That
 *     range takes the rounds as independent; the machine's slow and fast phases outlast a run, so
 *     two settings compare only in interleaved rounds ({@code -Dab}).</li>
 * <li><b>pulses</b>: JavaFX's own instrumentation reports each phase of each pulse ({@link PulsePhaseTimer},
 *     no flight recording: one slowed the training it measured), on the JavaFX thread (CSS, layout, waiting for the renderer, syncing the scene
 *     graph) and on the render thread (painting, presenting). A pulse lasts from the start of its first
 *     phase to the end of its last. p50/p99/max over all pulses during dashboard runs, and over those
 *     after each run's first second (a run's start changes the most at once).</li>
 * <li><b>the slowest pulses</b>, each with its phases, what painted in it, with {@code -Djfr=true} what stopped, compiled or held a lock waited for
 *     meanwhile, and with {@code -Dcputrace=true} the CPU the JavaFX and render threads used around it and how long each waited in
 *     a run queue for a core (read every 2 ms, the latter from Linux's {@code schedstat}): a pulse far
 *     longer than its CPU and run-queue wait together waited for something else (the X server, a lock).</li>
 * <li><b>CPU per pulse and per second</b> of the JavaFX and render threads ({@code ThreadMXBean}):
 *     what painting takes from the training, and far less sensitive to other load on the machine
 *     than wall-clock times.</li>
 * </ul>
 * The load average is printed at the start and the end: on a shared machine wall-clock figures are
 * only as good as it is quiet.
 */
public final class DashboardBenchmark {
    /** A stop of the whole JVM (a garbage collection's pause), or a JIT compilation on a compiler thread. */
    private record Stall(String what, Instant start, Instant end) {
    }

    /** One dashboard run: its time span and the CPU the JavaFX, render and training threads used in it (ns). */
    private record Window(Instant start, Instant end, long fxCpu, long renderCpu, long otherUiCpu) {
        double seconds() {
            return Duration.between(start, end).toNanos() / 1e9;
        }
    }

    /** Samples/s of each side, the CPU its training thread used (ns), and its collections. */
    private record Round(double headless, double dashboard, long headlessTrainingCpu, long dashboardTrainingCpu, Window window,
                         Collected headlessCollections, Collected dashboardCollections, double[] headlessEpochSeconds,
                         double[] dashboardEpochSeconds) {
        double ratio() {
            return dashboard / headless;
        }

        /** The training thread's CPU for the run, dashboard over headless. */
        double cpuRatio() {
            return dashboardTrainingCpu / (double) headlessTrainingCpu;
        }
    }

    /** {@code -Dprofile=true}: also samples the JavaFX and render threads' stacks and prints where their time goes. */
    private static final boolean PROFILE = Boolean.getBoolean("profile") || "start".equals(System.getProperty("profile"));
    /** {@code -Dprofile=start}: samples only each run's first 0.4 s (where the slowest pulses are). */
    private static final boolean PROFILE_START = "start".equals(System.getProperty("profile"));
    /** {@code -Dtrace=true}: prints which nodes moved or changed size at each pulse of a run's first seconds (what relayouts). */
    private static final boolean TRACE = Boolean.getBoolean("trace");
    /**
     * {@code -Dab=PROPERTY}: compares the dashboard with a boolean system property of the designer's
     * as it is and turned off ({@code false}), in alternating pairs of rounds (one of each order), so
     * that both settings see the same phases of the machine's load; reported apart.
     */
    private static final String AB_PROPERTY = System.getProperty("ab");
    /**
     * {@code -Dab=bare}: the rounds turned off train the project as the command line does (no
     * dashboard attached) on the designer's training thread, the window showing but idle: what the
     * designer's JVM costs training apart from what the dashboard does. The pulses are counted over
     * both kinds of rounds.
     */
    private static final boolean COMPARE_BARE = "bare".equals(AB_PROPERTY);
    /**
     * {@code -Djfr=true}: a flight recording names what overlapped the slowest pulses (collections,
     * compilations, VM operations, locks waited for, parks, deoptimisations). Off by default: a
     * recording running through the warm-up made the dashboard's training thread about 5 % slower
     * (see {@link PulsePhaseTimer}, which times the pulses either way).
     */
    private static final boolean DIAGNOSE = Boolean.getBoolean("jfr");
    private static ExecutorService trainingWorker;

    /** Whether round {@code round} (from 1) runs with {@link #AB_PROPERTY} turned off: rounds 3-4, 7-8, ... */
    private static boolean turnedOff(int round) {
        return (round - 1) / 2 % 2 == 1;
    }

    /** {@code -Dstalls=FILE}: the file tools/stall-probe writes while the benchmark runs (see {@link CoreStalls}). */
    private static final String STALL_FILE = System.getProperty("stalls");
    private static CoreStalls coreStalls;
    /** A pulse overlapped by a core's stall at least this long (ms) is counted apart. */
    private static final double STALL_MS = 5;
    /** The spans being profiled: start and end (null while open). */
    private static final List<Instant[]> PROFILE_WINDOWS = new ArrayList<>();
    private static final Map<String, Integer> PROFILE_COUNTS = new java.util.concurrent.ConcurrentHashMap<>();
    /** With {@link #AB_PROPERTY}: pulse lengths (ms) in the rounds with the setting as set (false) and turned off (true). */
    private static final Map<Boolean, List<Double>> PULSES_BY_SIDE = new HashMap<>();
    private static final Map<String, Integer> RENDER_STACKS = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile boolean profiling;
    private static final List<Stall> STALLS = Collections.synchronizedList(new ArrayList<>());
    /** CPU per native thread name (from /proc), summed over the dashboard runs: who else takes the cores. */
    private static final Map<String, Long> THREAD_CPU = new java.util.TreeMap<>();
    private static final Map<String, Long> HEADLESS_THREAD_CPU = new java.util.TreeMap<>();
    /** Milliseconds each thread name spent ready to run but waiting for a core (schedstat), both sides. */
    private static final Map<String, Long> THREAD_WAIT = new java.util.TreeMap<>();
    private static final Map<String, Long> HEADLESS_THREAD_WAIT = new java.util.TreeMap<>();
    /** The display server's CPU (clock ticks) during the dashboard runs: with software rendering every painted pulse hands it the whole window. */
    private static long displayServerTicks;
    /** What the big views painted in a pulse (before its layout pass ended), by the time the pass ended. */
    private static final List<Map.Entry<Instant, String>> PAINTED = Collections.synchronizedList(new ArrayList<>());

    private DashboardBenchmark() {
    }

    /**
     * The JavaFX and render threads' CPU time and run-queue wait, read every 2 ms during dashboard runs: whether a slow
     * pulse was slow with work (its threads ran) or with waiting (for a core, the X server, a lock).
     * Times in epoch nanoseconds, as the pulses' phases are; primitive arrays, grown as needed.
     */
    private static final class CpuTrace {
        private long[] at = new long[1 << 16];
        private long[] fx = new long[1 << 16];
        private long[] render = new long[1 << 16];
        private long[] fxWait = new long[1 << 16];
        private long[] renderWait = new long[1 << 16];
        private int size;

        synchronized void add(long when, long fxCpu, long renderCpu, long fxWaited, long renderWaited) {
            if (size == at.length) {
                at = Arrays.copyOf(at, 2 * size);
                fx = Arrays.copyOf(fx, 2 * size);
                render = Arrays.copyOf(render, 2 * size);
                fxWait = Arrays.copyOf(fxWait, 2 * size);
                renderWait = Arrays.copyOf(renderWait, 2 * size);
            }
            at[size] = when;
            fx[size] = fxCpu;
            render[size] = renderCpu;
            fxWait[size] = fxWaited;
            renderWait[size] = renderWaited;
            size++;
        }

        /**
         * Between the samples around {@code from} and {@code to} (ms): the CPU the JavaFX and render
         * threads used, the span, and how long each waited in a run queue for a core; null without samples.
         */
        synchronized double[] between(Instant from, Instant to) {
            int i = Arrays.binarySearch(at, 0, size, nanos(from));
            int j = Arrays.binarySearch(at, 0, size, nanos(to));
            i = Math.max(0, i >= 0 ? i : -i - 2);
            j = Math.min(size - 1, j >= 0 ? j : -j - 1);
            if (size == 0 || j <= i) {
                return null;
            }
            return new double[]{(fx[j] - fx[i]) / 1e6, (render[j] - render[i]) / 1e6, (at[j] - at[i]) / 1e6,
                (fxWait[j] - fxWait[i]) / 1e6, (renderWait[j] - renderWait[i]) / 1e6};
        }

        private static long nanos(Instant t) {
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        }
    }

    /**
     * A thread's {@code schedstat} (ns on a core, ns waiting in a run queue), read in place from a file kept
     * open: the tracer reads two of them 500 times a second in the JVM it measures, and opening, reading
     * into a string and splitting each time had cost it 5 % of a core.
     */
    private static final class Schedstat {
        private final java.nio.channels.FileChannel file;
        private final java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(96);
        private final long[] fields = new long[2];

        private Schedstat(java.nio.channels.FileChannel file) {
            this.file = file;
        }

        static Schedstat open(Path path) {
            try {
                return path == null ? null : new Schedstat(java.nio.channels.FileChannel.open(path));
            } catch (java.io.IOException e) {
                return null;
            }
        }

        /** The first two fields; zeros when the file cannot be read (the thread ended). */
        long[] read() {
            fields[0] = 0;
            fields[1] = 0;
            buffer.clear();
            try {
                file.read(buffer, 0);
            } catch (java.io.IOException e) {
                return fields;
            }
            int field = 0;
            long value = 0;
            for (int i = 0; i < buffer.position() && field < 2; i++) {
                byte b = buffer.get(i);
                if (b >= '0' && b <= '9') {
                    value = value * 10 + (b - '0');
                } else {
                    fields[field++] = value;
                    value = 0;
                }
            }
            return fields;
        }
    }

    /** The schedstat file of this JVM's busiest native thread whose name starts with {@code prefix}; null if none. */
    private static Path schedstatOf(String prefix) {
        Path best = null;
        long most = -1;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (!Files.readString(task.resolve("comm")).startsWith(prefix)) {
                        continue;
                    }
                    long ran = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                    if (ran > most) {
                        most = ran;
                        best = task.resolve("schedstat");
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return null;
        }
        return best;
    }

    private static final CpuTrace CPU_TRACE = new CpuTrace();
    /**
     * {@code -Dcputrace=true}: a thread reads the window's CPU every 2 ms, to tell what the slowest pulses
     * waited for. Off by default: it wakes 500 times a second on the cores the training shares, which the
     * headless side has no counterpart for.
     */
    private static final boolean CPU_TRACE_ON = Boolean.getBoolean("cputrace");
    private static volatile boolean tracingCpu;

    private static void traceCpu(Thread fx, Thread renderer) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Schedstat fxSchedstat = Schedstat.open(schedstatOf("JavaFX Applicat"));
        Schedstat renderSchedstat = Schedstat.open(schedstatOf("QuantumRenderer"));
        everyTwoMillis("benchmark-cpu-tracer", () -> {
            if (tracingCpu) {
                long when = CpuTrace.nanos(Instant.now());
                // schedstat's first field is the thread's time on a core, as the JVM's thread CPU time is.
                long fxCpu = fxSchedstat == null ? threads.getThreadCpuTime(fx.getId()) : fxSchedstat.read()[0];
                long fxWaited = fxSchedstat == null ? 0 : fxSchedstat.fields[1];
                long renderCpu = renderSchedstat == null ? threads.getThreadCpuTime(renderer.getId()) : renderSchedstat.read()[0];
                long renderWaited = renderSchedstat == null ? 0 : renderSchedstat.fields[1];
                CPU_TRACE.add(when, fxCpu, renderCpu, fxWaited, renderWaited);
            }
        });
    }

    /** Runs {@code tick} every 2 ms on a daemon thread of its own, for the rest of the benchmark. */
    private static void everyTwoMillis(String name, Runnable tick) {
        Thread ticker = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
                tick.run();
            }
        }, name);
        ticker.setDaemon(true);
        ticker.start();
    }

    private static void sample(RecordedEvent e) {
        if (e.getThread("sampledThread") == null) {
            return;
        }
        // JFR hands samples over about a second late: whether one counts goes by its own time.
        Instant at = e.getStartTime();
        boolean inWindow;
        synchronized (PROFILE_WINDOWS) {
            inWindow = PROFILE_WINDOWS.stream().anyMatch(w -> !at.isBefore(w[0]) && (w[1] == null || at.isBefore(w[1])));
        }
        if (!inWindow) {
            return;
        }
        String thread = e.getThread("sampledThread").getJavaName();
        String who = thread != null && thread.startsWith("JavaFX Application") ? "fx" : thread != null && thread.contains("QuantumRenderer") ? "render" : thread != null && thread.startsWith("benchmark-worker") ? "train" : null;
        if (who == null) {
            PROFILE_COUNTS.merge("other thread " + thread, 1, Integer::sum);
        }
        if (who == null || e.getStackTrace() == null) {
            return;
        }
        PROFILE_COUNTS.merge(who + " (all)", 1, Integer::sum);
        var frames = e.getStackTrace().getFrames();
        if (!frames.isEmpty()) {
            var top = frames.get(0).getMethod();
            PROFILE_COUNTS.merge(who + " self " + top.getType().getName() + "." + top.getName(), 1, Integer::sum);
        }
        if (who.equals("render")) {
            // Whole stacks too: which node's painting a rasterising loop served.
            StringBuilder stack = new StringBuilder();
            for (int i = 0; i < Math.min(frames.size(), 40); i++) {
                var m = frames.get(i).getMethod();
                String type = m.getType().getName();
                stack.append(i == 0 ? "" : " < ").append(type.substring(type.lastIndexOf('.') + 1)).append('.').append(m.getName());
            }
            RENDER_STACKS.merge(stack.toString(), 1, Integer::sum);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (var f : frames) {
            String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
            if ((name.startsWith("io.layerlab") || name.contains(".NG") || name.startsWith("com.sun.prism") || name.startsWith("com.sun.pisces") || name.contains("Layout") || name.contains("CssStyle")
                    || name.contains("Text") || name.contains("Canvas") || name.contains("Parent.") || name.contains("VirtualFlow"))
                    && seen.add(name)) {
                PROFILE_COUNTS.merge(who + " incl " + name, 1, Integer::sum);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        io.layerlab.train.MemorySettings.configure();
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        boolean layersTab = args.length < 3 || !args[2].equals("runs");
        List<Phase> phases = Collections.synchronizedList(new ArrayList<>());
        System.out.println("load average at start: " + loadAverage());
        List<Round> results;
        String pipeline;
        PulsePhaseTimer.install(phases::add);
        RecordingStream recording = DIAGNOSE || PROFILE ? openRecording() : null;
        try {
            CompletableFuture<TrainingDashboard> shown = new CompletableFuture<>();
            ExecutorService worker = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "benchmark-worker");
                t.setDaemon(true);
                return t;
            });
            trainingWorker = worker;
            io.layerlab.ui.DesignerLauncher.configureRendering();
            Platform.startup(() -> shown.complete(show(worker, layersTab)));
            TrainingDashboard dashboard = shown.get(1, TimeUnit.MINUTES);
            if (PROFILE) {
                sampleFxThread(fxThread());
            }
            if (CPU_TRACE_ON) {
                traceCpu(fxThread(), threadNamed("QuantumRenderer"));
            }
            long[] paintsBefore = onFx(() -> paintCounts(dashboard));
            List<Map<String, Integer>> reasonsBefore = onFx(() -> wholePaintReasons(dashboard));
            results = run(dashboard, epochs, rounds);
            long[] paints = onFx(() -> paintCounts(dashboard));
            List<Map<String, Integer>> reasons = onFx(() -> wholePaintReasons(dashboard));
            StringBuilder why = new StringBuilder("why charts were painted whole:");
            String[] names = {"iterations", "epoch loss", "accuracy"};
            for (int chart = 0; chart < 3; chart++) {
                Map<String, Integer> before = reasonsBefore.get(chart);
                why.append(chart > 0 ? ";" : "").append(' ').append(names[chart]).append(' ');
                why.append(new java.util.TreeMap<>(reasons.get(chart)).entrySet().stream()
                        .filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0))
                        .map(e -> e.getKey() + " " + (e.getValue() - before.getOrDefault(e.getKey(), 0)))
                        .collect(java.util.stream.Collectors.joining(", ")));
            }
            chartPaintsLine = String.format(Locale.ROOT, "chart paints during the measured runs (whole / all): iterations %d / %d,"
                            + " epoch loss %d / %d, accuracy %d / %d (the rest painted only a strip of new segments)",
                    paints[1] - paintsBefore[1], paints[0] - paintsBefore[0], paints[3] - paintsBefore[3], paints[2] - paintsBefore[2],
                    paints[5] - paintsBefore[5], paints[4] - paintsBefore[4]) + "\n" + why;
            pipeline = com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName();
            if (recording != null) {
                // JFR hands events over about once a second.
                Thread.sleep(2500);
            }
            worker.shutdownNow();
        } finally {
            if (recording != null) {
                recording.close();
            }
        }
        Platform.exit();
        report(results, phases, epochs, pipeline);
        System.out.println(chartPaintsLine);
        if (PROFILE) {
            System.out.println("stack samples (5 ms) of the JavaFX and render threads during dashboard runs:");
            PROFILE_COUNTS.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(70)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey()));
            System.out.println("the render thread's commonest stacks:");
            RENDER_STACKS.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey()));
        }
        System.out.println("load average at end: " + loadAverage());
    }

    private static String chartPaintsLine = "";
    /** Starts the flight recording of {@link #DIAGNOSE} and {@link #PROFILE}. */
    private static RecordingStream openRecording() {
        RecordingStream jfr = new RecordingStream();
        if (DIAGNOSE) {
            // What else ran while a pulse was slow: GC pauses stop every thread; compilations take a core.
            jfr.enable("jdk.GCPhasePause");
            jfr.enable("jdk.Compilation").withThreshold(Duration.ofMillis(2));
            jfr.enable("jdk.ExecuteVMOperation").withThreshold(Duration.ofMillis(1));
            jfr.enable("jdk.ZAllocationStall").withThreshold(Duration.ofMillis(1));
            jfr.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofMillis(5));
            jfr.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(5));
            jfr.enable("jdk.Deoptimization");
            jfr.onEvent("jdk.GCPhasePause", e -> STALLS.add(new Stall("GC pause " + e.getString("name"), e.getStartTime(), e.getEndTime())));
            jfr.onEvent("jdk.Compilation", e -> STALLS.add(new Stall("JIT " + e.getValue("method.type.name") + "."
                    + e.getValue("method.name"), e.getStartTime(), e.getEndTime())));
            // Other stops of every thread (VM operations at a safepoint), and allocations that wait for ZGC.
            jfr.onEvent("jdk.ExecuteVMOperation", e -> STALLS.add(new Stall("VM operation " + e.getString("operation"),
                    e.getStartTime(), e.getEndTime())));
            jfr.onEvent("jdk.ZAllocationStall", e -> STALLS.add(new Stall("ZGC allocation stall", e.getStartTime(), e.getEndTime())));
            // A thread that waits for a lock another thread holds: a pulse slow with neither CPU nor a wait for a core.
            jfr.onEvent("jdk.JavaMonitorEnter", e -> STALLS.add(new Stall("monitor " + e.getValue("monitorClass.name") + " waited by "
                    + e.getThread().getJavaName() + ", held by " + threadName(e.getValue("previousOwner")), e.getStartTime(), e.getEndTime())));
            jfr.onEvent("jdk.ThreadPark", e -> {
                String parker = e.getThread() == null ? "?" : e.getThread().getJavaName();
                // The render thread parks between pulses as a matter of course; the JavaFX thread should not in one.
                if (parker != null && parker.startsWith("JavaFX")) {
                    STALLS.add(new Stall("park " + e.getValue("parkedClass.name") + " by " + parker, e.getStartTime(), e.getEndTime()));
                }
            });
            // A deoptimised method runs interpreted until it is compiled again: a sudden slow paint.
            jfr.onEvent("jdk.Deoptimization", e -> STALLS.add(new Stall("deopt " + e.getValue("method.type.name") + "."
                    + e.getValue("method.name") + " (" + e.getString("reason") + ")", e.getStartTime(), e.getStartTime().plusMillis(1))));
        }
        if (PROFILE) {
            jfr.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(5));
            jfr.onEvent("jdk.ExecutionSample", DashboardBenchmark::sample);
            // The software renderer's rasterising loops are native: only these samples see them.
            jfr.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(5));
            jfr.onEvent("jdk.NativeMethodSample", DashboardBenchmark::sample);
        }
        jfr.startAsync();
        return jfr;
    }

    private static String threadName(Object thread) {
        return thread instanceof jdk.jfr.consumer.RecordedThread t ? t.getJavaName() : "?";
    }

    /**
     * JFR's sampler does not see the JavaFX thread (GTK runs it from native code), so with
     * -Dprofile=true a daemon thread reads its stack every 2 ms during dashboard runs (at safepoints:
     * a rough picture, but one that names the dear parts of a pulse).
     */
    private static void sampleFxThread(Thread fx) {
        everyTwoMillis("benchmark-fx-sampler", () -> {
            if (!profiling || fx.getState() != Thread.State.RUNNABLE) {
                return;
            }
            StackTraceElement[] stack = fx.getStackTrace();
            if (stack.length == 0 || stack[0].isNativeMethod()) {
                return;
            }
            PROFILE_COUNTS.merge("fx (all)", 1, Integer::sum);
            PROFILE_COUNTS.merge("fx self " + stack[0].getClassName() + "." + stack[0].getMethodName(), 1, Integer::sum);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (StackTraceElement f : stack) {
                String name = f.getClassName() + "." + f.getMethodName();
                if ((name.startsWith("io.layerlab") || name.contains("Layout") || name.endsWith("layoutChildren") || name.endsWith("computePrefHeight") || name.endsWith("computePrefWidth") || name.contains("CssStyle") || name.contains("Text")
                        || name.contains("Canvas") || name.contains("Parent.") || name.contains("VirtualFlow") || name.contains("Skin")
                        || name.contains("syncPeer") || name.contains("Scene") || name.contains("Toolkit")) && seen.add(name)) {
                    PROFILE_COUNTS.merge("fx incl " + name, 1, Integer::sum);
                }
            }
        });
    }

    private static List<Map<String, Integer>> wholePaintReasons(TrainingDashboard d) {
        return List.of(d.iterationChart().wholePaintReasons(), d.epochChart().wholePaintReasons(), d.accuracyChart().wholePaintReasons());
    }

    /** Paints and whole paints of the three charts so far, without painting what waits for its turn, and the boundary's heatmap updates. */
    private static long[] paintCounts(TrainingDashboard d) {
        long[] all = new long[7];
        List<ChartView> charts = List.of(d.iterationChart(), d.epochChart(), d.accuracyChart());
        for (int i = 0; i < 3; i++) {
            System.arraycopy(charts.get(i).paintsSoFar(), 0, all, 2 * i, 2);
        }
        all[6] = d.boundaryView().heatUpdates();
        return all;
    }


    private static TrainingDashboard show(ExecutorService worker, boolean layersTab) {
        javafx.application.Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        TrainingDashboard dashboard = new TrainingDashboard(worker);
        Stage stage = new Stage();
        stage.setX(0);
        stage.setY(0);
        stage.setScene(new Scene(dashboard, 1600, 1000));
        stage.show();
        if (layersTab && dashboard.lookup("#bottomTabs") instanceof TabPane tabs) {
            tabs.getSelectionModel().select(1);
        }
        if (TRACE) {
            LayoutTrace.attach(dashboard);
        }
        long[] last = new long[7];
        long[] turnsTaken = {0};
        dashboard.getScene().addPostLayoutPulseListener(() -> {
            long[] now = paintCounts(dashboard);
            String[] names = {"iteration chart", "epoch chart", "accuracy chart"};
            StringBuilder what = new StringBuilder();
            for (int chart = 0; chart < 3; chart++) {
                long paints = now[2 * chart] - last[2 * chart];
                long whole = now[2 * chart + 1] - last[2 * chart + 1];
                if (paints > 0) {
                    what.append(what.length() > 0 ? ", " : "").append(names[chart]).append(whole > 0 ? " whole" : " strip");
                }
            }
            if (now[6] > last[6]) {
                what.append(what.length() > 0 ? ", " : "").append("boundary");
            }
            // Other turns than the charts' (which show above): the settings, results, runs list...
            if (dashboard.turns().turnsTaken() > turnsTaken[0] && !(dashboard.turns().lastTurn() instanceof ChartView)) {
                Object turn = dashboard.turns().lastTurn();
                String id = turn instanceof javafx.scene.Node node && node.getId() != null ? node.getId() : turn.getClass().getSimpleName();
                what.append(what.length() > 0 ? ", " : "").append("turn ").append(id);
            }
            turnsTaken[0] = dashboard.turns().turnsTaken();
            System.arraycopy(now, 0, last, 0, now.length);
            if (what.length() > 0) {
                PAINTED.add(Map.entry(Instant.now(), what.toString()));
            }
        });
        // -Dhide=iteration-chart,boundary-view,...: what painting costs without these views (to see where it goes).
        for (String id : System.getProperty("hide", "").split(",")) {
            if (!id.isBlank() && dashboard.lookup("#" + id.trim()) != null) {
                dashboard.lookup("#" + id.trim()).setVisible(false);
            }
        }
        return dashboard;
    }

    private static List<Round> run(TrainingDashboard dashboard, int epochs, int rounds) throws Exception {
        try (HeadlessTrainer headless = HeadlessTrainer.start()) {
            return run(dashboard, epochs, rounds, headless);
        }
    }

    private static List<Round> run(TrainingDashboard dashboard, int epochs, int rounds, HeadlessTrainer headless) throws Exception {
        Project project = spiral(epochs);
        // Warm-up: JIT, ND4J's native kernels, the dashboard's first layout. -Dwarmup=N: N epochs
        // (default 3,000, a person's first minutes). The JIT goes on compiling ND4J's and JavaFX's
        // code for minutes: after 5 epochs the measured runs were still getting faster round by
        // round, and the window's JVM, with more code to compile, lagged the headless one. What
        // counts is the warm-up's time: once ND4J's caches made training twice as fast, 1,000 epochs
        // and 5 runs left the JIT compilers 3.8 s of compiling (2 ms or more each) in the measured
        // runs (C2 1.5 s of CPU, headless 0.2 s) and the ratio at 0.85; 3,000 and 10 left 1.2 s and 0.88-0.91.
        int warmup = Integer.getInteger("warmup", 3000);
        headless.train(warmup);
        dashboardRun(dashboard, spiral(warmup));
        // Then -Dwarmup.runs=N unmeasured runs of the measured length (default 10): what happens once
        // per run (its start and end: rows, results, whole chart paints) runs often enough for the JIT
        // to compile it, as it has after a person's first few runs; with one long warm-up run the
        // first measured runs' starts were the slowest pulses of all.
        for (int i = 0, runs = Integer.getInteger("warmup.runs", 10); i < runs; i++) {
            headless.train(epochs);
            dashboardRun(dashboard, project);
        }
        idle(dashboard);
        List<Round> results = new ArrayList<>();
        long displayServer = displayServerPid();
        for (int round = 1; round <= rounds; round++) {
            boolean headlessFirst = round % 2 == 1;
            boolean bare = COMPARE_BARE && turnedOff(round);
            if (AB_PROPERTY != null && !COMPARE_BARE) {
                if (turnedOff(round)) {
                    System.setProperty(AB_PROPERTY, "false");
                } else {
                    System.clearProperty(AB_PROPERTY);
                }
            }
            HeadlessTrainer.Run headlessSide = null;
            startClean(headless);
            if (headlessFirst) {
                headlessSide = headlessRun(headless, epochs);
                startClean(headless);
            }
            long workersBefore = cpuOfThreadsNamed("benchmark-worker");
            Thread fx = fxThread();
            Thread renderer = threadNamed("QuantumRenderer");
            long fxBefore = cpu(fx);
            long renderBefore = cpu(renderer);
            long tickerBefore = cpu(threadNamed("layerlab-dashboard"));
            long workersAllocatedBefore = allocatedByThreadsNamed("benchmark-worker");
            long fxAllocatedBefore = allocated(fx);
            long renderAllocatedBefore = allocated(renderer);
            Instant start = Instant.now();
            if (Boolean.getBoolean("bench.uptime")) {
                // To line a run up with -Xlog output (uptime decorations).
                System.out.printf(Locale.ROOT, "round %d: dashboard run starts at JVM uptime %.3f s%n", round,
                        ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
            }
            profiling = true;
            tracingCpu = true;
            Instant[] window = {start, PROFILE_START ? start.plusMillis(400) : null};
            int onlyRound = Integer.getInteger("profile.round", 0);
            synchronized (PROFILE_WINDOWS) {
                if (onlyRound == 0 || onlyRound == round) {
                    PROFILE_WINDOWS.add(window);
                }
            }
            if (PROFILE_START) {
                CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS).execute(() -> profiling = false);
            }
            LayoutTrace.runStarted(start);
            Map<String, Long> threadsBefore = nativeThreadCpu(ProcessHandle.current().pid());
            Map<String, Long> waitsBefore = nativeThreadWaits(ProcessHandle.current().pid());
            long displayServerBefore = displayServer < 0 ? 0 : processTicks(displayServer);
            Collected collectedBefore = Collected.soFar();
            TrainingResult dashboardSide = bare ? bareRun(project) : dashboardRun(dashboard, project);
            double d = dashboardSide.samplesPerSecond();
            Collected dGc = Collected.soFar().since(collectedBefore);
            if (displayServer >= 0) {
                displayServerTicks += processTicks(displayServer) - displayServerBefore;
            }
            addGrowth(THREAD_CPU, threadsBefore, nativeThreadCpu(ProcessHandle.current().pid()));
            addGrowth(THREAD_WAIT, waitsBefore, nativeThreadWaits(ProcessHandle.current().pid()));
            profiling = false;
            tracingCpu = false;
            synchronized (PROFILE_WINDOWS) {
                if (window[1] == null) {
                    window[1] = Instant.now();
                }
            }
            Window w = new Window(start, Instant.now(), cpu(fx) - fxBefore, cpu(renderer) - renderBefore,
                    cpu(threadNamed("layerlab-dashboard")) - tickerBefore);
            long dCpu = cpuOfThreadsNamed("benchmark-worker") - workersBefore;
            double[] allocatedMb = {(allocatedByThreadsNamed("benchmark-worker") - workersAllocatedBefore) / 1e6,
                    (allocated(fx) - fxAllocatedBefore) / 1e6, (allocated(renderer) - renderAllocatedBefore) / 1e6};
            if (!headlessFirst) {
                startClean(headless);
                headlessSide = headlessRun(headless, epochs);
            }
            double h = headlessSide.samplesPerSecond();
            long hCpu = headlessSide.trainingCpuNanos();
            Collected hGc = headlessSide.collected();
            Round r = new Round(h, d, hCpu, dCpu, w, hGc, dGc, headlessSide.epochSeconds(), dashboardSide.history().epochSeconds());
            results.add(r);
            System.out.printf(Locale.ROOT, "round %d (%s first): headless %.0f samples/s, dashboard %.0f samples/s, ratio %.3f;"
                            + " training thread CPU headless %.0f ms, dashboard %.0f ms;"
                            + " JavaFX thread %.0f ms, render thread %.0f ms CPU in %.1f s;"
                            + " allocated on the heap: training %.0f MB, JavaFX %.0f MB, render %.0f MB;"
                            + " collections headless %d in %d ms, dashboard %d in %d ms%n",
                    round, headlessFirst ? "headless" : "dashboard", h, d, r.ratio(), hCpu / 1e6, dCpu / 1e6,
                    w.fxCpu() / 1e6, w.renderCpu() / 1e6, w.seconds(), allocatedMb[0], allocatedMb[1], allocatedMb[2],
                    hGc.count(), hGc.millis(), dGc.count(), dGc.millis());
        }
        return results;
    }

    /**
     * Lets the next run start from the same state on either side: both JVMs collect their heaps (a
     * run that began with the last run's garbage uncollected had a collection, and the native frees
     * it sets off, land inside it: the second of two runs back to back on one side came out up to
     * 40 % slower), then both go quiet. The window first finishes what the last run's end changed:
     * a collection called right after a run landed in that run's last frames (a 60 ms pause in a
     * 70 ms pulse, counted as the run's slowest), which no person's run has.
     */
    private static void startClean(HeadlessTrainer headless) throws Exception {
        settle(headless);
        System.gc();
        headless.collect();
        settle(headless);
    }

    /**
     * Waits until both JVMs have gone quiet after a run: each goes on collecting and freeing the
     * run's garbage for a second or more, and a run started meanwhile (the other side's) shares the
     * two cores with that; the side measured second came out up to 40 % slower. At most 10 s.
     */
    private static void settle(HeadlessTrainer headless) throws InterruptedException {
        long self = ProcessHandle.current().pid();
        long deadline = System.nanoTime() + 10_000_000_000L;
        long before = processTicks(self) + processTicks(headless.pid());
        int quiet = 0;
        while (quiet < 3 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            long now = processTicks(self) + processTicks(headless.pid());
            // A tick is 10 ms: at most one per 100 ms between the two JVMs is idle (the window's clock, JFR).
            quiet = now - before <= 1 ? quiet + 1 : 0;
            before = now;
        }
    }

    /** User and system CPU of a whole process, in clock ticks. */
    private static long processTicks(long pid) {
        try {
            return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The X server showing this JVM's windows (the one whose command line names {@code $DISPLAY}); -1 if not found. */
    private static long displayServerPid() {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isEmpty()) {
            return -1;
        }
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                try {
                    String[] args = Files.readString(process.resolve("cmdline")).split("\0");
                    String program = Path.of(args[0]).getFileName().toString();
                    if (program.startsWith("X") && Arrays.asList(args).contains(display)) {
                        return Long.parseLong(process.getFileName().toString());
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // not a process, or it ended
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }

    /** One headless run; its JVM's thread CPU is summed by name, to set beside the dashboard's. */
    private static HeadlessTrainer.Run headlessRun(HeadlessTrainer headless, int epochs) throws java.io.IOException {
        Map<String, Long> before = nativeThreadCpu(headless.pid());
        Map<String, Long> waitsBefore = nativeThreadWaits(headless.pid());
        HeadlessTrainer.Run side = headless.train(epochs);
        addGrowth(HEADLESS_THREAD_CPU, before, nativeThreadCpu(headless.pid()));
        addGrowth(HEADLESS_THREAD_WAIT, waitsBefore, nativeThreadWaits(headless.pid()));
        return side;
    }

    /** Pulses and CPU while nothing trains: what the dashboard costs by merely being shown. */
    private static void idle(TrainingDashboard dashboard) throws Exception {
        Thread fx = fxThread();
        Thread renderer = threadNamed("QuantumRenderer");
        int[] pulses = new int[1];
        Runnable count = () -> pulses[0]++;
        Platform.runLater(() -> dashboard.getScene().addPostLayoutPulseListener(count));
        Thread.sleep(500);
        long cpuBefore = cpu(fx) + cpu(renderer);
        int pulsesBefore = onFx(() -> pulses[0]);
        Thread.sleep(4000);
        long cpuUsed = cpu(fx) + cpu(renderer) - cpuBefore;
        int counted = onFx(() -> pulses[0]) - pulsesBefore;
        Platform.runLater(() -> dashboard.getScene().removePostLayoutPulseListener(count));
        System.out.printf(Locale.ROOT, "idle, after a run: %.1f pulses/s, JavaFX + render thread CPU %.0f ms/s%n",
                counted / 4.0, cpuUsed / 1e6 / 4);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        CompletableFuture<T> value = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                value.complete(read.call());
            } catch (Exception e) {
                value.completeExceptionally(e);
            }
        });
        return value.get(1, TimeUnit.MINUTES);
    }

    private static void report(List<Round> rounds, List<Phase> phases, int epochs, String pipeline) {
        Map<Integer, List<Phase>> byPulse = new HashMap<>();
        synchronized (phases) {
            for (Phase p : phases) {
                byPulse.computeIfAbsent(p.pulse(), k -> new ArrayList<>()).add(p);
            }
        }
        List<Double> total = new ArrayList<>();
        List<Double> settled = new ArrayList<>();
        List<Double> fxOnly = new ArrayList<>();
        coreStalls = STALL_FILE == null ? null : CoreStalls.read(Path.of(STALL_FILE));
        List<Double> unstalled = new ArrayList<>();
        List<Double> stalled = new ArrayList<>();
        int painted = 0;
        Map<String, Double> phaseSums = new java.util.TreeMap<>();
        for (List<Phase> pulse : byPulse.values()) {
            Instant first = pulse.stream().map(Phase::start).min(Instant::compareTo).orElseThrow();
            Round round = roundOf(rounds, first);
            if (round == null) {
                continue;
            }
            Instant last = pulse.stream().map(Phase::end).max(Instant::compareTo).orElseThrow();
            total.add(millis(Duration.between(first, last)));
            if (AB_PROPERTY != null) {
                PULSES_BY_SIDE.computeIfAbsent(turnedOff(rounds.indexOf(round) + 1), k -> new ArrayList<>())
                        .add(millis(Duration.between(first, last)));
            }
            if (coreStalls != null) {
                (coreStalls.longestWithin(first, last) >= STALL_MS ? stalled : unstalled).add(millis(Duration.between(first, last)));
            }
            if (Duration.between(round.window().start(), first).toMillis() >= 1000) {
                settled.add(millis(Duration.between(first, last)));
            }
            Instant fxEnd = pulse.stream().filter(p -> !p.renderThread()).map(Phase::end).max(Instant::compareTo).orElse(first);
            fxOnly.add(millis(Duration.between(first, fxEnd)));
            if (pulse.stream().anyMatch(p -> p.name().equals("Painting"))) {
                painted++;
            }
            for (Phase p : pulse) {
                phaseSums.merge((p.renderThread() ? "render: " : "fx: ") + p.name(), millis(Duration.between(p.start(), p.end())), Double::sum);
            }
        }
        Collections.sort(total);
        Collections.sort(settled);
        Collections.sort(fxOnly);
        double seconds = rounds.stream().mapToDouble(r -> r.window().seconds()).sum();
        double fxCpu = rounds.stream().mapToLong(r -> r.window().fxCpu()).sum() / 1e6;
        double renderCpu = rounds.stream().mapToLong(r -> r.window().renderCpu()).sum() / 1e6;
        double tickerCpu = rounds.stream().mapToLong(r -> r.window().otherUiCpu()).sum() / 1e6;
        int pulses = total.size();
        double[] cpuRatios = rounds.stream().mapToDouble(Round::cpuRatio).sorted().toArray();
        double[] ratios = rounds.stream().mapToDouble(Round::ratio).sorted().toArray();
        double[] headless = rounds.stream().mapToDouble(Round::headless).sorted().toArray();
        double[] dashboard = rounds.stream().mapToDouble(Round::dashboard).sorted().toArray();

        System.out.println();
        System.out.printf(Locale.ROOT, "spiral sample, %d epochs, %d rounds; window 1600x1000; Prism pipeline %s; %d cores%n",
                epochs, rounds.size(), pipeline,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "samples/s: headless median %.0f, dashboard median %.0f; ratio dashboard/headless median %.3f"
                        + " (middle half %.3f-%.3f, min %.3f, max %.3f)%n",
                median(headless), median(dashboard), median(ratios), ratios[ratios.length / 4], ratios[(3 * ratios.length - 1) / 4],
                ratios[0], ratios[ratios.length - 1]);
        double[] interval = medianInterval(ratios, 0.90);
        System.out.printf(Locale.ROOT, "how sure: 90 %% of medians resampled from these rounds lie in %.3f-%.3f (bootstrap);"
                + " it takes the rounds as independent, but the machine's slow and fast phases outlast a run: compare settings with -Dab%n", interval[0], interval[1]);
        // Every run trains the same samples, so a side's overall rate (all its samples over all its
        // time) is the harmonic mean of its runs' rates: one slow run counts for its whole length.
        System.out.printf(Locale.ROOT, "overall samples/s (all runs' samples over all their time): headless %.0f, dashboard %.0f; ratio %.3f%n",
                harmonicMean(headless), harmonicMean(dashboard), harmonicMean(dashboard) / harmonicMean(headless));
        System.out.printf(Locale.ROOT, "training thread CPU per run, dashboard / headless (what statistics and boundary add): median %.3f%n",
                median(cpuRatios));
        reportRunParts(rounds);
        reportSettings(rounds);
        System.out.printf(Locale.ROOT, "collections per run (median), headless: %.0f, pauses %.0f ms in all; dashboard: %.0f, %.0f ms%n",
                medianOf(rounds, r -> r.headlessCollections().count()), medianOf(rounds, r -> r.headlessCollections().millis()),
                medianOf(rounds, r -> r.dashboardCollections().count()), medianOf(rounds, r -> r.dashboardCollections().millis()));
        System.out.printf(Locale.ROOT, "pulses during dashboard runs: %d in %.1f s (%.1f/s); p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                        + " (JavaFX thread part: p50 %.1f, p99 %.1f, max %.1f)%n",
                pulses, seconds, pulses / seconds, pct(total, 50), pct(total, 99), pct(total, 100),
                pct(fxOnly, 50), pct(fxOnly, 99), pct(fxOnly, 100));
        System.out.printf(Locale.ROOT, "  of these, painted: %d (%.1f/s); the display server's CPU meanwhile: %.0f ms per second of training%n",
                painted, painted / seconds, displayServerTicks * 10 / seconds);
        System.out.printf(Locale.ROOT, "  of these, after each run's first second: %d; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                settled.size(), pct(settled, 50), pct(settled, 99), pct(settled, 100));
        if (coreStalls != null) {
            Collections.sort(unstalled);
            Collections.sort(stalled);
            double count = 0;
            double longest = 0;
            int over20 = 0;
            for (Round r : rounds) {
                double[] c = coreStalls.countAndLongest(r.window().start(), r.window().end(), STALL_MS);
                count += c[0];
                longest = Math.max(longest, c[1]);
                over20 += (int) coreStalls.countAndLongest(r.window().start(), r.window().end(), 20)[0];
            }
            System.out.printf(Locale.ROOT, "cores stalled during dashboard runs (tools/stall-probe: a real-time thread per core woke late):"
                    + " %.0f times for %.0f ms or more, %d for 20 ms or more, longest %.1f ms%n", count, STALL_MS, over20, longest);
            System.out.printf(Locale.ROOT, "  pulses no such stall overlapped: %d; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    unstalled.size(), pct(unstalled, 50), pct(unstalled, 99), pct(unstalled, 100));
            System.out.printf(Locale.ROOT, "  pulses one overlapped: %d; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    stalled.size(), pct(stalled, 50), pct(stalled, 99), pct(stalled, 100));
        }
        System.out.printf(Locale.ROOT, "CPU per pulse: JavaFX thread %.2f ms + render thread %.2f ms = %.2f ms;"
                        + " per second of training: %.0f ms (ticker %.0f ms)%n",
                fxCpu / Math.max(1, pulses), renderCpu / Math.max(1, pulses), (fxCpu + renderCpu) / Math.max(1, pulses),
                (fxCpu + renderCpu) / seconds, tickerCpu / seconds);
        // A run's start changes the most at once: its dearest pulse in the first 0.3 s, per run.
        Map<Window, Double> startPulses = new java.util.LinkedHashMap<>();
        for (Round r : rounds) {
            startPulses.put(r.window(), 0.0);
        }
        for (List<Phase> pulse : byPulse.values()) {
            Window w = windowOf(rounds, start(pulse));
            if (w != null && Duration.between(w.start(), start(pulse)).toMillis() < 300) {
                double ms = millis(Duration.between(start(pulse), pulse.stream().map(Phase::end).max(Instant::compareTo).orElseThrow()));
                startPulses.merge(w, ms, Math::max);
            }
        }
        System.out.println("dearest pulse in each run's first 0.3 s (ms): " + startPulses.values().stream()
                .map(ms -> String.format(Locale.ROOT, "%.1f", ms)).collect(java.util.stream.Collectors.joining(", ")));
        // Where the pulses over a frame (16 ms) fall: a run's start and end change the most at once.
        int[] over = new int[3];
        for (List<Phase> pulse : byPulse.values()) {
            Window w = windowOf(rounds, start(pulse));
            Instant end = pulse.stream().map(Phase::end).max(Instant::compareTo).orElseThrow();
            if (w == null || millis(Duration.between(start(pulse), end)) <= 16) {
                continue;
            }
            over[Duration.between(w.start(), start(pulse)).toMillis() < 300 ? 0
                    : Duration.between(start(pulse), w.end()).toMillis() < 300 ? 2 : 1]++;
        }
        System.out.printf(Locale.ROOT, "pulses over 16 ms: %d in a run's first 0.3 s, %d in its last 0.3 s, %d between%n", over[0], over[2], over[1]);
        System.out.println("slowest pulses (seconds into their run / run length: phases in ms):");
        printSlowest(rounds, byPulse.values(), 0);
        System.out.println("slowest pulses after each run's first second:");
        printSlowest(rounds, byPulse.values(), 1000);
        if (coreStalls != null) {
            System.out.println("slowest pulses no stall of a core overlapped:");
            printSlowest(rounds, byPulse.values().stream().filter(pulse -> coreStalls.longestWithin(start(pulse),
                    pulse.stream().map(Phase::end).max(Instant::compareTo).orElseThrow()) < STALL_MS).toList(), 0);
        }
        printByPainted(rounds, byPulse.values());
        if (DIAGNOSE) {
            printRecordedStalls(rounds);
        }
        System.out.println("CPU of the process's threads during dashboard runs, and of the headless JVM's during its runs,"
                + " then the time they waited for a core, same order (ms, by name):");
        THREAD_CPU.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(14)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %7d  %7d   %7d  %7d  %s%n", e.getValue() * 10,
                        HEADLESS_THREAD_CPU.getOrDefault(e.getKey(), 0L) * 10, THREAD_WAIT.getOrDefault(e.getKey(), 0L),
                        HEADLESS_THREAD_WAIT.getOrDefault(e.getKey(), 0L), e.getKey()));
        System.out.println("mean wall time per pulse by phase:");
        for (Map.Entry<String, Double> e : phaseSums.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-36s %7.2f ms%n", e.getKey(), e.getValue() / Math.max(1, pulses));
        }
    }

    /** The six slowest pulses that began at least {@code afterMillis} into their run, with their phases and what overlapped them. */
    private static void printSlowest(List<Round> rounds, java.util.Collection<List<Phase>> pulses, long afterMillis) {
        pulses.stream()
                .filter(pulse -> windowOf(rounds, start(pulse)) != null
                        && Duration.between(windowOf(rounds, start(pulse)).start(), start(pulse)).toMillis() >= afterMillis)
                .sorted(java.util.Comparator.comparingDouble((List<Phase> pulse) -> -millis(Duration.between(start(pulse),
                        pulse.stream().map(Phase::end).max(Instant::compareTo).orElseThrow()))))
                .limit(6)
                .forEach(pulse -> {
                    Window w = windowOf(rounds, start(pulse));
                    Instant end = pulse.stream().map(Phase::end).max(Instant::compareTo).orElseThrow();
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %5.1f ms at %5.2f s / %4.1f s:",
                            millis(Duration.between(start(pulse), end)), millis(Duration.between(w.start(), start(pulse))) / 1000, w.seconds()));
                    int regions = 0;
                    double painting = 0;
                    double largest = 0;
                    for (Phase p : pulse) {
                        double ms = millis(Duration.between(p.start(), p.end()));
                        if (p.name().equals("Painting")) {
                            regions++;
                            painting += ms;
                            largest = Math.max(largest, ms);
                        } else {
                            line.append(String.format(Locale.ROOT, " %s %.1f,", p.name(), ms));
                        }
                    }
                    line.append(String.format(Locale.ROOT, " Painting %.1f in %d region(s), largest %.1f;", painting, regions, largest));
                    double[] used = CPU_TRACE.between(start(pulse), end);
                    if (used != null) {
                        line.append(String.format(Locale.ROOT, " CPU in %.1f ms around it: JavaFX %.1f, render %.1f (waited for a core %.1f, %.1f);", used[2], used[0], used[1], used[3], used[4]));
                    }
                    if (coreStalls != null && coreStalls.longestWithin(start(pulse), end) >= 1) {
                        line.append(String.format(Locale.ROOT, " [a core stalled %.1f ms]", coreStalls.longestWithin(start(pulse), end)));
                    }
                    String painted = paintedIn(pulse);
                    if (!painted.isEmpty()) {
                        line.append(" {").append(painted).append('}');
                    }
                    synchronized (STALLS) {
                        for (Stall stall : STALLS) {
                            if (stall.end().isAfter(start(pulse)) && stall.start().isBefore(end)) {
                                line.append(String.format(Locale.ROOT, " [%s %.1f]", stall.what(), millis(Duration.between(stall.start(), stall.end()))));
                            }
                        }
                    }
                    System.out.println(line);
                });
    }

    /** What the dashboard's large views painted in {@code pulse} (charts whole or strip, boundary), or "". */
    private static String paintedIn(List<Phase> pulse) {
        Instant fxEnd = pulse.stream().filter(p -> !p.renderThread()).map(Phase::end).max(Instant::compareTo).orElse(start(pulse));
        StringBuilder what = new StringBuilder();
        synchronized (PAINTED) {
            for (Map.Entry<Instant, String> painted : PAINTED) {
                if (!painted.getKey().isBefore(start(pulse)) && !painted.getKey().isAfter(fxEnd)) {
                    what.append(what.length() > 0 ? ", " : "").append(painted.getValue());
                }
            }
        }
        return what.toString();
    }

    /** Pulse lengths grouped by what painted in them: which view's repaint the long pulses come from. */
    private static void printByPainted(List<Round> rounds, java.util.Collection<List<Phase>> pulses) {
        Map<String, List<Double>> byWhat = new java.util.TreeMap<>();
        for (List<Phase> pulse : pulses) {
            if (windowOf(rounds, start(pulse)) == null) {
                continue;
            }
            String what = paintedIn(pulse);
            byWhat.computeIfAbsent(what.isEmpty() ? "(no chart or boundary)" : what, k -> new ArrayList<>())
                    .add(millis(Duration.between(start(pulse), pulse.stream().map(Phase::end).max(Instant::compareTo).orElseThrow())));
        }
        System.out.println("pulses by what painted in them: count, p50, p90, max (ms):");
        byWhat.forEach((what, ms) -> {
            Collections.sort(ms);
            System.out.printf(Locale.ROOT, "  %4d  %5.1f  %5.1f  %5.1f  %s%n", ms.size(), pct(ms, 50), pct(ms, 90), pct(ms, 100), what);
        });
    }

    private static Instant start(List<Phase> pulse) {
        return pulse.stream().map(Phase::start).min(Instant::compareTo).orElseThrow();
    }

    /** The round whose dashboard run was under way at {@code t}, or null. */
    private static Round roundOf(List<Round> rounds, Instant t) {
        for (Round r : rounds) {
            if (!t.isBefore(r.window().start()) && !t.isAfter(r.window().end())) {
                return r;
            }
        }
        return null;
    }

    private static Window windowOf(List<Round> rounds, Instant t) {
        Round round = roundOf(rounds, t);
        return round == null ? null : round.window();
    }

    private static Project spiral(int epochs) {
        SampleProjects samples = new SampleProjects();
        Project p = samples.open(samples.find("spiral").orElseThrow());
        p.setTraining(p.training().withEpochs(epochs));
        return p;
    }

    /** Trains {@code project} once from the dashboard, as a person presses Train; the run's result. */
    private static TrainingResult dashboardRun(TrainingDashboard dashboard, Project project) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            // One project throughout, as a person presses Train again: its runs gather in the table.
            dashboard.start(project);
            dashboard.phaseProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends RunPhase> obs, RunPhase was, RunPhase is) {
                    if (is == RunPhase.IDLE) {
                        obs.removeListener(this);
                        done.countDown();
                    }
                }
            });
        });
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the dashboard run did not finish");
        }
        CompletableFuture<RunRecord> record = new CompletableFuture<>();
        Platform.runLater(() -> {
            List<RunRecord> runs = dashboard.viewModel().runLog().runs();
            record.complete(runs.get(runs.size() - 1));
        });
        return record.get(1, TimeUnit.MINUTES).result();
    }

    private static String abSubject() {
        return COMPARE_BARE ? "training" : AB_PROPERTY;
    }

    private static String abSide(boolean off) {
        if (COMPARE_BARE) {
            return off ? "without the dashboard" : "with the dashboard";
        }
        return off ? "false" : "as set";
    }

    /** Trains {@code project} on the designer's training thread as the command line does, no dashboard attached. */
    private static TrainingResult bareRun(Project project) throws Exception {
        return trainingWorker.submit(() -> ProjectRun.prepare(project).trainer().run()).get(10, TimeUnit.MINUTES);
    }

    /** With {@link #DIAGNOSE}: the collections, compilations and deoptimisations the recording saw during dashboard runs. */
    private static void printRecordedStalls(List<Round> rounds) {
        List<Stall> during;
        synchronized (STALLS) {
            during = STALLS.stream().filter(stall -> windowOf(rounds, stall.start()) != null).toList();
        }
        double gcPause = 0;
        int gcPauses = 0;
        double longestGc = 0;
        double jit = 0;
        Map<String, Double> jitByMethod = new HashMap<>();
        Map<String, Integer> deopts = new HashMap<>();
        for (Stall stall : during) {
            double ms = millis(Duration.between(stall.start(), stall.end()));
            if (stall.what().startsWith("GC")) {
                gcPause += ms;
                gcPauses++;
                longestGc = Math.max(longestGc, ms);
            } else if (stall.what().startsWith("JIT")) {
                jit += ms;
                jitByMethod.merge(stall.what(), ms, Double::sum);
            } else if (stall.what().startsWith("deopt")) {
                deopts.merge(stall.what(), 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "during dashboard runs: %d GC pauses, %.0f ms in all, longest %.1f ms; JIT compilations over 2 ms: %.0f ms%n",
                gcPauses, gcPause, longestGc, jit);
        System.out.println("longest JIT compilations during dashboard runs (ms, summed per method):");
        jitByMethod.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %7.0f  %s%n", e.getValue(), e.getKey()));
        System.out.println("deoptimisations during dashboard runs: " + deopts.values().stream().mapToInt(Integer::intValue).sum()
                + "; most frequent:");
        deopts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %7d  %s%n", e.getValue(), e.getKey()));
    }

    /** With {@link #AB_PROPERTY}: the ratio and training CPU of the rounds with the setting as it is and turned off. */
    private static void reportSettings(List<Round> rounds) {
        if (AB_PROPERTY == null) {
            return;
        }
        for (boolean off : new boolean[] {false, true}) {
            List<Round> these = new ArrayList<>();
            for (int i = 0; i < rounds.size(); i++) {
                if (turnedOff(i + 1) == off) {
                    these.add(rounds.get(i));
                }
            }
            double[] interval = medianInterval(these.stream().mapToDouble(Round::ratio).toArray(), 0.90);
            System.out.printf(Locale.ROOT, "%s %s: %d rounds, ratio median %.3f (90 %% of resampled medians %.3f-%.3f), training CPU dashboard/headless %.3f%n",
                    abSubject(), abSide(off), these.size(), medianOf(these, Round::ratio), interval[0], interval[1],
                    medianOf(these, Round::cpuRatio));
            List<Double> pulses = PULSES_BY_SIDE.getOrDefault(off, new ArrayList<>());
            Collections.sort(pulses);
            if (!pulses.isEmpty()) {
                System.out.printf(Locale.ROOT, "  its pulses: %d; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", pulses.size(),
                        pct(pulses, 50), pct(pulses, 99), pct(pulses, 100));
            }
        }
    }

    /**
     * Where in a run the dashboard side loses time: for a run's first epochs (its start: rows, settings
     * lock, results panel), its middle and its end, the median over the rounds of headless time / dashboard time.
     */
    private static void reportRunParts(List<Round> rounds) {
        StringBuilder line = new StringBuilder("speed ratio by part of a run (median over rounds):");
        int epochs = rounds.get(0).headlessEpochSeconds().length;
        // Rounds whose two runs trained every epoch (neither stopped early).
        List<Round> whole = rounds.stream()
                .filter(r -> r.headlessEpochSeconds().length == epochs && r.dashboardEpochSeconds().length == epochs).toList();
        if (whole.isEmpty()) {
            System.out.println("speed ratio by part of a run: no round trained every epoch on both sides");
            return;
        }
        int[] bounds = {0, Math.min(5, epochs), Math.min(20, epochs), Math.min(50, epochs), epochs};
        for (int i = 0; i + 1 < bounds.length; i++) {
            int from = bounds[i];
            int to = bounds[i + 1];
            if (from >= to) {
                continue;
            }
            line.append(String.format(Locale.ROOT, " epochs %d-%d %.3f (%.0f ms headless);", from + 1, to,
                    medianOf(whole, r -> span(r.headlessEpochSeconds(), from, to) / span(r.dashboardEpochSeconds(), from, to)),
                    1e3 * medianOf(whole, r -> span(r.headlessEpochSeconds(), from, to))));
        }
        System.out.println(line);
    }

    /** Seconds spent in epochs {@code from} (0-based) to {@code to} (exclusive), from the times at each epoch's end. */
    private static double span(double[] epochEnds, int from, int to) {
        return epochEnds[to - 1] - (from == 0 ? 0 : epochEnds[from - 1]);
    }

    private static Thread fxThread() throws Exception {
        CompletableFuture<Thread> fx = new CompletableFuture<>();
        Platform.runLater(() -> fx.complete(Thread.currentThread()));
        return fx.get(1, TimeUnit.MINUTES);
    }

    private static Thread threadNamed(String prefix) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                return t;
            }
        }
        return null;
    }

    private static long cpuOfThreadsNamed(String name) {
        return sumOverThreadsNamed(name, DashboardBenchmark::cpu);
    }

    /** Bytes the threads of this name have allocated on the Java heap so far. */
    private static long allocatedByThreadsNamed(String name) {
        return sumOverThreadsNamed(name, DashboardBenchmark::allocated);
    }

    private static long sumOverThreadsNamed(String name, java.util.function.ToLongFunction<Thread> measure) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).mapToLong(measure).sum();
    }

    private static long allocated(Thread t) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return t == null ? 0 : Math.max(0, threads.getThreadAllocatedBytes(t.getId()));
    }

    private static long cpu(Thread t) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return t == null ? 0 : Math.max(0, threads.getThreadCpuTime(t.getId()));
    }

    /** User and system CPU, in clock ticks, from a process's or thread's {@code stat} line (proc(5)). */
    private static long cpuTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Milliseconds each native thread of a process (threads of one name summed) has waited in a run queue (schedstat). */
    private static Map<String, Long> nativeThreadWaits(long pid) {
        return byNativeThreadName(pid, (task, stat) ->
                Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split(" ")[1]) / 1_000_000);
    }

    /** CPU ticks (1/100 s) of each native thread of a process by name (threads of one name summed). */
    private static Map<String, Long> nativeThreadCpu(long pid) {
        return byNativeThreadName(pid, (task, stat) -> cpuTicks(stat));
    }

    /** Adds to {@code totals}, by thread name, how far each figure grew from {@code before} to {@code after}. */
    private static void addGrowth(Map<String, Long> totals, Map<String, Long> before, Map<String, Long> after) {
        after.forEach((name, value) -> totals.merge(name, value - before.getOrDefault(name, 0L), Long::sum));
    }

    /** A figure read from each thread's /proc entry (given the directory and its stat line). */
    private interface TaskFigure {
        long read(Path task, String stat) throws java.io.IOException;
    }

    private static Map<String, Long> byNativeThreadName(long pid, TaskFigure figure) {
        Map<String, Long> byName = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
                    byName.merge(name, figure.read(task, stat), Long::sum);
                } catch (java.io.IOException | RuntimeException gone) {
                    // the thread ended while listed
                }
            }
        } catch (java.io.IOException e) {
            return byName;
        }
        return byName;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static double harmonicMean(double[] values) {
        double inverse = 0;
        for (double v : values) {
            inverse += 1 / v;
        }
        return values.length / inverse;
    }

    /**
     * Where the median of {@code values} would fall if the rounds were run again on the same machine
     * (percentile bootstrap: 10,000 resamples with a fixed seed, so the same rounds give the same range).
     */
    static double[] medianInterval(double[] values, double level) {
        Random random = new Random(42);
        double[] medians = new double[10_000];
        double[] resample = new double[values.length];
        for (int i = 0; i < medians.length; i++) {
            for (int j = 0; j < resample.length; j++) {
                resample[j] = values[random.nextInt(values.length)];
            }
            Arrays.sort(resample);
            medians[i] = median(resample);
        }
        Arrays.sort(medians);
        int tail = (int) Math.round((1 - level) / 2 * medians.length);
        return new double[] {medians[tail], medians[medians.length - 1 - tail]};
    }

    private static double medianOf(List<Round> rounds, java.util.function.ToDoubleFunction<Round> figure) {
        return median(rounds.stream().mapToDouble(figure).sorted().toArray());
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
