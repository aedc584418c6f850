package io.layerlab.ui.canvas;

import atlantafx.base.theme.PrimerLight;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.shape.SyntheticGraphs;
import io.layerlab.ui.model.DesignDocument;
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
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * How long JavaFX pulses take while a person drags a node, pans and zooms a 500-node canvas.
 *
 * <p>Method: JavaFX's own pulse instrumentation (the hooks behind {@code -Djavafx.pulseLogger})
 * also emits JFR events, {@code javafx.PulsePhase}, one per phase of each pulse on the JavaFX
 * thread (animations, CSS, layout, waiting for the previous frame, copying state to the render
 * graph) and on the render thread (painting, presenting), all tagged with the pulse number. The
 * benchmark consumes them in-process with a {@link RecordingStream} started before the toolkit.
 * A pulse's time is from the start of its first phase to the end of its last one, render thread
 * included. Because a busy machine stretches wall-clock times, the report also gives the CPU time
 * the JavaFX and render threads used per pulse ("CPU ms/p", from {@code ThreadMXBean}), its
 * spread ("CPU per pulse": the CPU time between one pulse's start and the next, p50/p99/max), and
 * a baseline: panning an empty canvas. Input comes from {@link Robot} through the windowing system (run it under Xvfb), one
 * mouse step per frame, so event delivery, picking and the canvas's handlers are all measured.
 * Scenarios: drag a node (pressed once the view has settled, as a person looks before grabbing),
 * pan at 100 % and with the whole graph in view, jump across the graph by clicking the minimap
 * (every card and label that comes into view is drawn afresh), and zoom with the wheel. Run it
 * with the JVM options the launcher uses (see {@code layerlab}: ZGC) to measure what a person gets;
 * JavaFX starts with the designer's rendering settings ({@code DesignerLauncher.configureRendering}).
 *
 * <p>Run: {@code DISPLAY=:98 java -cp <test classpath> io.layerlab.ui.canvas.CanvasBenchmark}.
 * Options: {@code -Dbench.only=NAME} (scenarios whose name contains it; without the warm-up unless
 * {@code -Dbench.warm=true}),
 * {@code -Dslowest=true}, {@code -Dphases=true}, {@code -Dbench.zoomLow/-Dbench.zoomHigh},
 * {@code -Dbench.marks=true} with {@code -Djavafx.pulseLogger=true} (which pulses are whose),
 * {@code -Dbench.trace=NAME} (every pulse of the scenarios whose name contains it, with its phases).
 */
public final class CanvasBenchmark {
    private static final int NODES = 500;
    private static final double SCENARIO_SECONDS = 3;
    private static final String WARM_UP = "warm-up";

    private record Phase(int pulse, String name, Instant start, Instant end, boolean renderThread) { }

    /**
     * One scenario's time span, the CPU time the JavaFX and render threads used in it (ns), and
     * the CPU time they used between one pulse's start and the next (ms), which a busy machine
     * stretches far less than wall-clock times.
     */
    private record Window(String name, Instant start, Instant end, long fxCpu, long renderCpu, List<Double> cpuPerPulse) { }

    /**
     * One thing a person does for a few seconds; frame gets t from 0 to 1. Before it begins,
     * {@code prepare} may change the view, and the scenario waits (unmeasured) until {@code ready}.
     */
    private interface Scenario {
        String name();
        default void prepare() { }
        default boolean ready() { return true; }
        void begin();
        void frame(double t);
        void end();
    }

    private CanvasBenchmark() { }

    public static void main(String[] args) throws Exception {
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
            Platform.startup(() -> info[0] = run(windows, done));
            if (!done.await(5, TimeUnit.MINUTES)) throw new IllegalStateException("the benchmark did not finish");
            // JFR hands events over about once a second.
            Thread.sleep(2500);
        }
        Platform.exit();
        System.out.println(info[0]);
        report(phases, windows);
    }

    private static Phase phase(RecordedEvent e) {
        String thread = e.getThread() == null ? "" : e.getThread().getJavaName();
        return new Phase(e.getInt("pulseId"), e.getString("phaseName"), e.getStartTime(), e.getEndTime(),
                thread != null && thread.contains("QuantumRenderer"));
    }

    private static String run(List<Window> windows, CountDownLatch done) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Graph graph = SyntheticGraphs.layered(Integer.getInteger("bench.nodes", NODES), 7);
        DesignDocument doc = CanvasSamples.document(graph);
        GraphCanvas canvas = new GraphCanvas();
        canvas.setDocument(CanvasSamples.document(new Graph()));
        Stage stage = new Stage();
        stage.setX(0);
        stage.setY(0);
        stage.setScene(new Scene(canvas, 1600, 900));
        stage.show();
        Robot robot = new Robot();
        String middle = graph.nodes().stream().skip(graph.size() / 2).findFirst().map(Node::id).orElseThrow();

        List<Scenario> scenarios = List.of(
                baseline(canvas, robot, doc),
                warmUp(canvas, robot),
                drag(canvas, robot, middle, 1.0),
                drag(canvas, robot, middle, 0.5),
                pan(canvas, robot, middle, 1.0, false),
                pan(canvas, robot, middle, 0, true),
                jump(canvas, robot, graph),
                zoom(canvas, robot));
        String only = System.getProperty("bench.only", "");
        boolean warm = Boolean.getBoolean("bench.warm");
        if (!only.isEmpty()) scenarios = scenarios.stream()
                .filter(s -> s.name().contains(only) || s.name().startsWith("baseline") || warm && s.name().equals(WARM_UP)).toList();
        new ScenarioRunner(scenarios, windows, done).start();
        return String.format(Locale.ROOT, "Graph: %d nodes, %d wires (SyntheticGraphs.layered); window 1600×900; Prism pipeline: %s",
                graph.size(), graph.edges().size(), com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName());
    }

    /**
     * The floor set by the machine: panning an empty canvas (the grid and the window still have to
     * be painted). Afterwards the 500-node document is shown.
     */
    private static Scenario baseline(GraphCanvas canvas, Robot robot, DesignDocument doc) {
        return new Scenario() {
            private Point2D centre;

            @Override public String name() { return "baseline: pan an empty canvas"; }

            @Override public void begin() {
                centre = canvas.localToScreen(canvas.getWidth() / 2, canvas.getHeight() / 2);
                robot.mouseMove(centre);
                robot.mousePress(MouseButton.MIDDLE);
            }

            @Override public void frame(double t) {
                double a = 2 * Math.PI * t * 2;
                robot.mouseMove(centre.add(300 * Math.cos(a) - 300, 200 * Math.sin(a)));
            }

            @Override public void end() {
                robot.mouseRelease(MouseButton.MIDDLE);
                long start = System.nanoTime();
                canvas.setDocument(doc);
                long built = System.nanoTime();
                canvas.applyCss();
                long styled = System.nanoTime();
                canvas.layout();
                long end = System.nanoTime();
                System.out.printf(Locale.ROOT, "Showing the document: %.0f ms (views %.0f, CSS %.0f, layout %.0f)%n",
                        (end - start) / 1e6, (built - start) / 1e6, (styled - built) / 1e6, (end - styled) / 1e6);
            }
        };
    }

    /** Pans and zooms over the big graph once so the JIT has compiled the hot paths; not reported. */
    private static Scenario warmUp(GraphCanvas canvas, Robot robot) {
        Scenario zoom = zoom(canvas, robot);
        return new Scenario() {
            @Override public String name() { return WARM_UP; }
            @Override public void prepare() { zoom.prepare(); }
            @Override public boolean ready() { return zoom.ready(); }
            @Override public void begin() { zoom.begin(); }
            @Override public void frame(double t) { zoom.frame(t); }
            @Override public void end() { zoom.end(); }
        };
    }

    /** Press on a node and drag it in loops for a few seconds, then release. */
    private static Scenario drag(GraphCanvas canvas, Robot robot, String nodeId, double zoom) {
        return new Scenario() {
            private Point2D grab;

            @Override public String name() { return String.format(Locale.ROOT, "drag a node at %.0f%%", zoom * 100); }

            /** A person looks at the node before grabbing it: the view has settled (every card drawn in full). */
            @Override public void prepare() {
                canvas.zoomProperty().set(zoom);
                canvas.centerOn(nodeId);
            }

            @Override public boolean ready() { return canvas.diagram().isSettled(); }

            @Override public void begin() {
                NodeView v = canvas.diagram().view(nodeId);
                grab = v.localToScreen(30, 20);
                robot.mouseMove(grab);
                robot.mousePress(MouseButton.PRIMARY);
            }

            @Override public void frame(double t) {
                double a = 2 * Math.PI * t * 2;
                robot.mouseMove(grab.add(220 * Math.sin(a), 140 * Math.sin(2 * a)));
            }

            @Override public void end() { robot.mouseRelease(MouseButton.PRIMARY); }
        };
    }

    /** Middle-button drag in circles; {@code whole} fits the whole graph in view first. */
    private static Scenario pan(GraphCanvas canvas, Robot robot, String nodeId, double zoom, boolean whole) {
        return new Scenario() {
            private Point2D centre;

            @Override public String name() { return whole ? "pan, whole graph in view" : String.format(Locale.ROOT, "pan at %.0f%%", zoom * 100); }

            @Override public void begin() {
                if (whole) {
                    canvas.fitToView();
                } else {
                    canvas.zoomProperty().set(zoom);
                    canvas.centerOn(nodeId);
                }
                centre = canvas.localToScreen(canvas.getWidth() / 2, canvas.getHeight() / 2);
                robot.mouseMove(centre);
                robot.mousePress(MouseButton.MIDDLE);
            }

            @Override public void frame(double t) {
                double a = 2 * Math.PI * t * 2;
                robot.mouseMove(centre.add(300 * Math.cos(a) - 300, 200 * Math.sin(a)));
            }

            @Override public void end() { robot.mouseRelease(MouseButton.MIDDLE); }
        };
    }

    /**
     * At 100 %, clicks the minimap every 0.6 s to jump to another part of the graph, and lets the
     * view fill in: every card and label that comes into view is drawn afresh.
     */
    private static Scenario jump(GraphCanvas canvas, Robot robot, Graph graph) {
        // Far apart: a fifth of the graph on each time, round and round.
        List<Node> nodes = List.copyOf(graph.nodes());
        return new Scenario() {
            private int jumps;

            @Override public String name() { return "jump across the graph at 100% (minimap) and fill in"; }

            @Override public void prepare() { canvas.zoomProperty().set(1); }

            @Override public boolean ready() { return canvas.isSettled() && canvas.minimap().isVisible(); }

            @Override public void begin() { jumps = 0; }

            @Override public void frame(double t) {
                int due = (int) (t * SCENARIO_SECONDS / 0.6);
                if (due < jumps) return;
                jumps++;
                Node target = nodes.get((jumps * nodes.size() / 5 + jumps * 37) % nodes.size());
                Minimap m = canvas.minimap();
                javafx.geometry.Bounds mapped = m.mappedWorld();
                javafx.geometry.Insets in = m.getInsets();
                double w = m.getWidth() - in.getLeft() - in.getRight();
                double h = m.getHeight() - in.getTop() - in.getBottom();
                robot.mouseMove(m.localToScreen(in.getLeft() + (target.x() + 80 - mapped.getMinX()) / mapped.getWidth() * w,
                        in.getTop() + (target.y() + 40 - mapped.getMinY()) / mapped.getHeight() * h));
                robot.mouseClick(MouseButton.PRIMARY);
            }

            @Override public void end() { }
        };
    }

    /** The wheel, one notch per frame, from the whole graph in view to 150 % and back, around the cursor. */
    private static Scenario zoom(GraphCanvas canvas, Robot robot) {
        return new Scenario() {
            private int direction = -1;
            private double fitted;

            @Override public String name() { return "zoom with the wheel, whole graph ↔ 150%"; }

            /** The whole graph in view and drawn (Ctrl+0) before the wheel turns: the fit is not part of the zoom. */
            @Override public void prepare() {
                canvas.fitToView();
                fitted = canvas.getZoom();
            }

            @Override public boolean ready() { return canvas.isSettled(); }

            @Override public void begin() {
                robot.mouseMove(canvas.localToScreen(canvas.getWidth() / 2, canvas.getHeight() / 2));
            }

            @Override public void frame(double t) {
                // A negative wheel amount scrolls up, which zooms in.
                // -Dbench.zoomLow / -Dbench.zoomHigh narrow the range, to see one level of detail alone.
                double high = Double.parseDouble(System.getProperty("bench.zoomHigh", "1.5"));
                double low = Math.max(fitted, Double.parseDouble(System.getProperty("bench.zoomLow", "0")));
                if (canvas.getZoom() >= high) direction = 1;
                if (canvas.getZoom() <= low * 1.05) direction = -1;
                if (!System.getProperty("bench.trace", "").isEmpty()) {
                    System.out.printf(Locale.ROOT, "      t=%.3f zoom %.3f%n", t * SCENARIO_SECONDS, canvas.getZoom());
                }
                robot.mouseWheel(direction);
            }

            @Override public void end() { }
        };
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
            if (w.name().equals(WARM_UP)) continue;
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
