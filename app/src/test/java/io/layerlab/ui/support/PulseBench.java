package io.layerlab.ui.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * Drives what a person does in a window for a few seconds at a time, one step per frame, and reports
 * how long JavaFX's pulses took meanwhile: the harness of the interactive benchmarks
 * ({@code CanvasBenchmark}, {@code ChartBenchmark}).
 *
 * <p>Method: JavaFX's own pulse instrumentation (the hooks behind {@code -Djavafx.pulseLogger})
 * also emits JFR events, {@code javafx.PulsePhase}, one per phase of each pulse on the JavaFX
 * thread (animations, CSS, layout, waiting for the previous frame, copying state to the render
 * graph) and on the render thread (painting, presenting), all tagged with the pulse number. They are
 * consumed in-process with a {@link RecordingStream} started before the toolkit. A pulse's time is
 * from the start of its first phase to the end of its last one, render thread included. Because a
 * busy machine stretches wall-clock times, the report also gives the CPU time the JavaFX and render
 * threads used per pulse ("CPU ms/p", from {@code ThreadMXBean}) and its spread ("CPU per pulse":
 * the CPU time between one pulse's start and the next, p50/p99/max). Scenarios should drive input
 * through {@link javafx.scene.robot.Robot} and the windowing system (run under Xvfb), so event
 * delivery, picking and the handlers are measured too. JavaFX starts with the designer's rendering
 * settings ({@code DesignerLauncher.configureRendering}); run with the JVM options the launcher uses
 * ({@code -XX:+UseParallelGC -Xmn24m -XX:SurvivorRatio=4}) to measure what a person gets.
 *
 * <p>Options: {@code -Dbench.only=NAME} (scenarios whose name contains it, with those named
 * "baseline…"; without the warm-up unless {@code -Dbench.warm=true}), {@code -Dslowest=true},
 * {@code -Dphases=true}, {@code -Dbench.marks=true} with {@code -Djavafx.pulseLogger=true} (which pulses
 * are whose), {@code -Dbench.trace=NAME} (every pulse of the scenarios whose name contains it, with
 * its phases).
 */
public final class PulseBench {
    /** How long each scenario lasts. */
    public static final double SCENARIO_SECONDS = 3;
    /** A scenario by this name runs but is not reported: it lets the JIT compile the hot paths first. */
    public static final String WARM_UP = "warm-up";

    /**
     * One thing a person does for a few seconds; frame gets t from 0 to 1. Before it begins,
     * {@code prepare} may change the view, and the scenario waits (unmeasured) until {@code ready}.
     */
    public interface Scenario {
        String name();
        default void prepare() { }
        default boolean ready() { return true; }
        void begin();
        void frame(double t);
        void end();

        /** The same steps under another name (a warm-up, say). */
        default Scenario named(String other) {
            Scenario steps = this;
            return new Scenario() {
                @Override public String name() { return other; }
                @Override public void prepare() { steps.prepare(); }
                @Override public boolean ready() { return steps.ready(); }
                @Override public void begin() { steps.begin(); }
                @Override public void frame(double t) { steps.frame(t); }
                @Override public void end() { steps.end(); }
            };
        }
    }

    /** What a benchmark shows: a line describing it (printed before the report) and its scenarios, in order. */
    public record Setup(String description, List<Scenario> scenarios) { }

    private record Phase(int pulse, String name, Instant start, Instant end, boolean renderThread) { }

    /**
     * One scenario's time span, the CPU time the JavaFX and render threads used in it (ns), and
     * the CPU time they used between one pulse's start and the next (ms).
     */
    private record Window(String name, Instant start, Instant end, long fxCpu, long renderCpu, List<Double> cpuPerPulse) { }

    private PulseBench() { }

    /**
     * Starts JavaFX, calls {@code setup} on its thread (it shows a window and names the scenarios),
     * drives the scenarios one after the other and prints the report.
     */
    public static void run(Supplier<Setup> setup) throws Exception {
        List<Phase> phases = Collections.synchronizedList(new ArrayList<>());
        List<Window> windows = Collections.synchronizedList(new ArrayList<>());
        String[] info = new String[1];
        try (RecordingStream jfr = new RecordingStream()) {
            jfr.enable("javafx.PulsePhase");
            jfr.onEvent("javafx.PulsePhase", e -> phases.add(phase(e)));
            jfr.startAsync();

            CountDownLatch done = new CountDownLatch(1);
            // The designer's own rendering settings (dirty regions), as a person gets them.
            io.layerlab.ui.DesignerLauncher.configureRendering();
            Platform.startup(() -> {
                Setup s = setup.get();
                info[0] = s.description() + "; Prism pipeline: " + com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName();
                new ScenarioRunner(selected(s.scenarios()), windows, done).start();
            });
            if (!done.await(10, TimeUnit.MINUTES)) throw new IllegalStateException("the benchmark did not finish");
            // JFR hands events over about once a second.
            Thread.sleep(2500);
        }
        Platform.exit();
        System.out.println(info[0]);
        report(phases, windows);
    }

    private static List<Scenario> selected(List<Scenario> scenarios) {
        String only = System.getProperty("bench.only", "");
        boolean warm = Boolean.getBoolean("bench.warm");
        if (only.isEmpty()) return scenarios;
        return scenarios.stream()
                .filter(s -> s.name().contains(only) || s.name().startsWith("baseline") || warm && s.name().startsWith(WARM_UP)).toList();
    }

    private static Phase phase(RecordedEvent e) {
        String thread = e.getThread() == null ? "" : e.getThread().getJavaName();
        return new Phase(e.getInt("pulseId"), e.getString("phaseName"), e.getStartTime(), e.getEndTime(),
                thread != null && thread.contains("QuantumRenderer"));
    }

    /** Drives the scenarios one after the other, one step per frame, with a short rest before each. */
    private static final class ScenarioRunner extends AnimationTimer {
        private static final long REST_NANOS = 700_000_000L;
        private final List<Scenario> scenarios;
        private final List<Window> windows;
        private final CountDownLatch done;
        private int index;
        private boolean running;
        private boolean prepared;
        private long restUntil = -1;
        private long startedAt;
        private Instant startedInstant;
        private long fxCpuAtStart;
        private long renderCpuAtStart;
        private long cpuAtLastPulse;
        private List<Double> cpuPerPulse = new ArrayList<>();

        ScenarioRunner(List<Scenario> scenarios, List<Window> windows, CountDownLatch done) {
            this.scenarios = scenarios;
            this.windows = windows;
            this.done = done;
        }

        @Override public void handle(long now) {
            if (restUntil < 0) restUntil = now + 2 * REST_NANOS; // let the window settle first
            Scenario s = scenarios.get(index);
            if (!running) {
                if (now < restUntil) return;
                if (!prepared) {
                    s.prepare();
                    prepared = true;
                    return;
                }
                if (!s.ready()) return;
                // With -Djavafx.pulseLogger=true, marks which pulses belong to which scenario.
                if (Boolean.getBoolean("bench.marks")) System.out.println("SCENARIO " + s.name());
                s.begin();
                running = true;
                startedAt = now;
                startedInstant = Instant.now();
                fxCpuAtStart = cpu(Thread.currentThread());
                renderCpuAtStart = cpu(renderThread());
                cpuAtLastPulse = fxCpuAtStart + renderCpuAtStart;
                cpuPerPulse = new ArrayList<>();
                return;
            }
            long cpuNow = cpu(Thread.currentThread()) + cpu(renderThread());
            cpuPerPulse.add((cpuNow - cpuAtLastPulse) / 1e6);
            cpuAtLastPulse = cpuNow;
            double t = (now - startedAt) / (SCENARIO_SECONDS * 1e9);
            if (t < 1) {
                s.frame(t);
                return;
            }
            windows.add(new Window(s.name(), startedInstant, Instant.now(),
                    cpu(Thread.currentThread()) - fxCpuAtStart, cpu(renderThread()) - renderCpuAtStart, cpuPerPulse));
            s.end();
            if (Boolean.getBoolean("bench.marks")) System.out.println("SCENARIO-END");
            running = false;
            prepared = false;
            restUntil = now + REST_NANOS;
            if (++index == scenarios.size()) {
                stop();
                done.countDown();
            }
        }
    }

    private static Thread renderThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().contains("QuantumRenderer")) return t;
        return null;
    }

    private static long cpu(Thread t) {
        return t == null ? 0 : java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(t.getId());
    }

    private static void report(List<Phase> phases, List<Window> windows) {
        Map<Integer, List<Phase>> byPulse = new HashMap<>();
        synchronized (phases) {
            for (Phase p : phases) byPulse.computeIfAbsent(p.pulse(), k -> new ArrayList<>()).add(p);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-42s %7s %8s %8s %8s %10s   %-38s %s%n", "scenario", "pulses", "p50 ms", "p99 ms", "max ms",
                "CPU ms/p", "(JavaFX thread only: p50 / p99 / max)", "[CPU per pulse: p50 / p99 / max]");
        for (Window w : windows) {
            if (w.name().startsWith(WARM_UP)) continue;
            List<Double> total = new ArrayList<>();
            List<Double> fx = new ArrayList<>();
            for (List<Phase> pulse : byPulse.values()) {
                Instant first = pulse.stream().map(Phase::start).min(Instant::compareTo).orElseThrow();
                if (first.isBefore(w.start()) || first.isAfter(w.end())) continue;
                Instant last = pulse.stream().map(Phase::end).max(Instant::compareTo).orElseThrow();
                total.add(millis(Duration.between(first, last)));
                Instant fxEnd = pulse.stream().filter(p -> !p.renderThread()).map(Phase::end).max(Instant::compareTo).orElse(first);
                fx.add(millis(Duration.between(first, fxEnd)));
            }
            Collections.sort(total);
            Collections.sort(fx);
            double cpuPerPulse = (w.fxCpu() + w.renderCpu()) / 1e6 / Math.max(1, total.size());
            List<Double> cpu = new ArrayList<>(w.cpuPerPulse());
            Collections.sort(cpu);
            System.out.printf(Locale.ROOT, "%-42s %7d %8.1f %8.1f %8.1f %10.1f   %-38s [%.1f / %.1f / %.1f]%n", w.name(), total.size(),
                    pct(total, 50), pct(total, 99), pct(total, 100), cpuPerPulse,
                    String.format(Locale.ROOT, "(%.1f / %.1f / %.1f)", pct(fx, 50), pct(fx, 99), pct(fx, 100)),
                    pct(cpu, 50), pct(cpu, 99), pct(cpu, 100));
            if (Boolean.getBoolean("slowest")) {
                printSlowest(byPulse, w);
                List<Integer> dearest = new ArrayList<>();
                for (int i = 0; i < w.cpuPerPulse().size(); i++) dearest.add(i);
                dearest.sort((a, b) -> Double.compare(w.cpuPerPulse().get(b), w.cpuPerPulse().get(a)));
                StringBuilder sb = new StringBuilder();
                for (int i : dearest.subList(0, Math.min(5, dearest.size()))) {
                    sb.append(String.format(Locale.ROOT, " #%d %.1f ms;", i + 1, w.cpuPerPulse().get(i)));
                }
                System.out.println("      dearest pulses by CPU:" + sb);
            }
            String trace = System.getProperty("bench.trace", "");
            if (!trace.isEmpty() && w.name().contains(trace)) printTrace(byPulse, w);
            if (Boolean.getBoolean("phases")) {
                System.out.printf(Locale.ROOT, "      CPU per pulse: JavaFX thread %.1f ms, render thread %.1f ms%n",
                        w.fxCpu() / 1e6 / Math.max(1, total.size()), w.renderCpu() / 1e6 / Math.max(1, total.size()));
                printPhases(byPulse, w);
            }
        }
    }

    /** The three slowest pulses of a scenario, when in it they came and their phases (-Dslowest=true). */
    private static void printSlowest(Map<Integer, List<Phase>> byPulse, Window w) {
        List<List<Phase>> pulses = new ArrayList<>();
        for (List<Phase> pulse : byPulse.values()) {
            Instant first = pulse.stream().map(Phase::start).min(Instant::compareTo).orElseThrow();
            if (!first.isBefore(w.start()) && !first.isAfter(w.end())) pulses.add(pulse);
        }
        pulses.sort((a, b) -> Double.compare(span(b), span(a)));
        for (List<Phase> pulse : pulses.subList(0, Math.min(3, pulses.size()))) {
            Instant first = pulse.stream().map(Phase::start).min(Instant::compareTo).orElseThrow();
            StringBuilder sb = new StringBuilder();
            for (Phase p : pulse) {
                double ms = millis(Duration.between(p.start(), p.end()));
                if (ms >= 0.5) sb.append(String.format(Locale.ROOT, " %s %.1f;", p.name(), ms));
            }
            System.out.printf(Locale.ROOT, "      slow pulse %.1f ms at +%.2f s:%s%n", span(pulse),
                    millis(Duration.between(w.start(), first)) / 1000, sb);
        }
    }

    /** Every pulse of a scenario in order, with its phases over 0.5 ms (-Dbench.trace=NAME). */
    private static void printTrace(Map<Integer, List<Phase>> byPulse, Window w) {
        List<List<Phase>> pulses = new ArrayList<>();
        for (List<Phase> pulse : byPulse.values()) {
            Instant first = pulse.stream().map(Phase::start).min(Instant::compareTo).orElseThrow();
            if (!first.isBefore(w.start()) && !first.isAfter(w.end())) pulses.add(pulse);
        }
        pulses.sort((a, b) -> Integer.compare(a.get(0).pulse(), b.get(0).pulse()));
        for (List<Phase> pulse : pulses) {
            Instant first = pulse.stream().map(Phase::start).min(Instant::compareTo).orElseThrow();
            StringBuilder sb = new StringBuilder();
            for (Phase p : pulse) {
                double ms = millis(Duration.between(p.start(), p.end()));
                if (ms >= 0.5) sb.append(String.format(Locale.ROOT, " %s %.1f;", p.name(), ms));
            }
            System.out.printf(Locale.ROOT, "      pulse %d %.1f ms at +%.3f s:%s%n", pulse.get(0).pulse(), span(pulse),
                    millis(Duration.between(w.start(), first)) / 1000, sb);
        }
    }

    private static double span(List<Phase> pulse) {
        Instant first = pulse.stream().map(Phase::start).min(Instant::compareTo).orElseThrow();
        Instant last = pulse.stream().map(Phase::end).max(Instant::compareTo).orElseThrow();
        return millis(Duration.between(first, last));
    }

    /** Mean milliseconds per pulse spent in each phase, to see where the time goes. */
    private static void printPhases(Map<Integer, List<Phase>> byPulse, Window w) {
        Map<String, Double> sum = new java.util.TreeMap<>();
        int pulses = 0;
        for (List<Phase> pulse : byPulse.values()) {
            Instant first = pulse.stream().map(Phase::start).min(Instant::compareTo).orElseThrow();
            if (first.isBefore(w.start()) || first.isAfter(w.end())) continue;
            pulses++;
            for (Phase p : pulse) sum.merge((p.renderThread() ? "render: " : "fx: ") + p.name(), millis(Duration.between(p.start(), p.end())), Double::sum);
        }
        for (Map.Entry<String, Double> e : sum.entrySet()) {
            System.out.printf(Locale.ROOT, "      %-40s %8.2f ms%n", e.getKey(), e.getValue() / Math.max(1, pulses));
        }
    }

    private static double millis(Duration d) { return d.toNanos() / 1e6; }

    private static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) return Double.NaN;
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
