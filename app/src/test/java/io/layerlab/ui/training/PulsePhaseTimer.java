package io.layerlab.ui.training;

import com.sun.javafx.logging.Logger;
import com.sun.javafx.logging.PulseLogger;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Times JavaFX's pulses without a flight recording, for {@link DashboardBenchmark}. JavaFX reports
 * each phase of a pulse (on the JavaFX thread and on the render thread) to its pulse loggers, the
 * same hooks its own {@code javafx.PulsePhase} flight-recorder events come from. A recording running
 * through the benchmark's warm-up made the dashboard's training thread use about 5 % more CPU for
 * the same run in every measured run (eight runs with it, 1.04-1.09 of the command line's; six
 * without, 0.95-1.07 and mostly 1.01-1.02): the benchmark was measuring its own instrumentation. The
 * designer runs without one.
 *
 * <p>JavaFX decides once, when {@link PulseLogger} is first used, whether pulses are logged at all:
 * {@link #install} asks for its loggers ({@code javafx.pulseLogger}) and then puts this timer in
 * place of them (its printing logger would write every pulse to standard error; its flight-recorder
 * logger records nothing without a recording). Call it before the toolkit starts.
 */
final class PulsePhaseTimer extends Logger {
    /** One finished phase: the pulse it belongs to, its name, when it ran, and on which thread. */
    record Phase(int pulse, String name, Instant start, Instant end, boolean renderThread) {
    }

    private final Consumer<Phase> sink;
    private final Instant origin = Instant.now();
    private final long originNanos = System.nanoTime();
    private final ThreadLocal<Open> open = ThreadLocal.withInitial(Open::new);
    private volatile Thread fxThread;
    private int pulseNumber;
    private volatile int fxPulse;
    private volatile int renderPulse;

    /** The phase a thread is in, if any. */
    private static final class Open {
        String name;
        int pulse;
        long startNanos;
    }

    private PulsePhaseTimer(Consumer<Phase> sink) {
        this.sink = sink;
    }

    /** Puts a timer handing each finished phase to {@code sink} in place of JavaFX's pulse loggers. */
    static void install(Consumer<Phase> sink) throws ReflectiveOperationException {
        System.setProperty("javafx.pulseLogger", "true");
        // Printing only pulses over a minute long, should the printing logger run before it is replaced.
        System.setProperty("javafx.pulseLogger.threshold", "60000");
        if (!PulseLogger.PULSE_LOGGING_ENABLED) {
            throw new IllegalStateException("JavaFX's pulse logging was decided before the timer could be installed");
        }
        Field field = PulseLogger.class.getDeclaredField("loggers");
        field.setAccessible(true);
        Logger[] loggers = (Logger[]) field.get(null);
        loggers[0] = new PulsePhaseTimer(sink);
        for (int i = 1; i < loggers.length; i++) {
            loggers[i] = new Logger();
        }
    }

    @Override
    public void pulseStart() {
        if (fxThread == null) {
            fxThread = Thread.currentThread();
        }
        fxPulse = ++pulseNumber;
        newPhase("Pulse start");
    }

    @Override
    public void pulseEnd() {
        newPhase(null);
        fxPulse = 0;
    }

    @Override
    public void renderStart() {
        renderPulse = fxPulse;
    }

    @Override
    public void renderEnd() {
        newPhase(null);
        renderPulse = 0;
    }

    /**
     * JavaFX's pulse messages (dirty regions, their render roots and, with
     * {@code -Dprism.printrendergraph=true}, the render graph marked with opaque regions), written to
     * standard error with {@code -Dpulse.messages=true}: to see what a repaint covers.
     */
    @Override
    public void addMessage(String message) {
        if (PRINT_MESSAGES) {
            System.err.println("pulse " + fxPulse + ": " + message);
        }
    }

    private static final boolean PRINT_MESSAGES = Boolean.getBoolean("pulse.messages");

    @Override
    public void newPhase(String name) {
        long now = System.nanoTime();
        Open phase = open.get();
        boolean renderThread = Thread.currentThread() != fxThread;
        if (phase.name != null) {
            sink.accept(new Phase(phase.pulse, phase.name, at(phase.startNanos), at(now), renderThread));
        }
        phase.name = name;
        phase.pulse = renderThread ? renderPulse : fxPulse;
        phase.startNanos = now;
    }

    private Instant at(long nanos) {
        return origin.plusNanos(nanos - originNanos);
    }
}
