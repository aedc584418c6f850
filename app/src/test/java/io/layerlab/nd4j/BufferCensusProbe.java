package io.layerlab.nd4j;

import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import io.layerlab.train.ProjectRun;
import io.layerlab.train.TrainingResult;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.memory.Deallocatable;
import org.nd4j.linalg.api.memory.deallocation.DeallocatorService;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which code makes the native objects ND4J frees after a collection (every array's buffer, every
 * op's context): each is a native allocation, a few Java objects and a phantom reference that the
 * collector's pauses process and copy. Trains a sample (default "spiral") for 30 epochs, then 20
 * counted ones, and prints the registrations per iteration by kind and by the calling stack.
 * {@code java -cp ... [-Ddepth=4] io.layerlab.nd4j.BufferCensusProbe [sample]}
 */
public final class BufferCensusProbe {
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
    private static volatile boolean counting;

    private BufferCensusProbe() {
    }

    public static void main(String[] args) throws Exception {
        Nd4jFixes.install();
        countRegistrations(Integer.getInteger("depth", 4));
        SampleProjects samples = new SampleProjects();
        Project project = samples.open(samples.find(args.length > 0 ? args[0] : "spiral").orElseThrow());
        ProjectRun.prepare(project, project.training().withEpochs(30)).trainer().run();
        ProjectRun run = ProjectRun.prepare(project, project.training().withEpochs(20));
        counting = true;
        TrainingResult result = run.trainer().run();
        counting = false;
        long iterations = result.iterations();
        long total = COUNTS.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf("%d registrations in %d iterations: %.1f per iteration%n", total, iterations, total / (double) iterations);
        COUNTS.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum())).limit(40)
                .forEach(e -> System.out.printf("%8.2f  %s%n", e.getValue().sum() / (double) iterations, e.getKey()));
    }

    /** Puts a counting service in front of the installed one (the guard's), which still frees everything. */
    private static void countRegistrations(int depth) throws ReflectiveOperationException {
        Field field = Nd4j.class.getDeclaredField("deallocatorService");
        field.setAccessible(true);
        DeallocatorService installed = (DeallocatorService) field.get(null);
        field.set(null, new DeallocatorService() {
            @Override
            public void pickObject(Deallocatable deallocatable) {
                if (counting) {
                    COUNTS.computeIfAbsent(deallocatable.getClass().getSimpleName() + " <- " + caller(depth),
                            k -> new LongAdder()).increment();
                }
                installed.pickObject(deallocatable);
            }
        });
    }

    /** The calling frames outside ND4J's buffer and factory classes, innermost first. */
    private static String caller(int depth) {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().startsWith("org.nd4j.linalg.api.buffer")
                        && !f.getClassName().startsWith("org.nd4j.linalg.cpu.nativecpu.buffer")
                        && !f.getClassName().startsWith("org.nd4j.linalg.factory")
                        && !f.getClassName().startsWith(BufferCensusProbe.class.getName()))
                .limit(depth)
                .map(f -> f.getClassName().replaceAll(".*\\.", "") + "." + f.getMethodName() + ":" + f.getLineNumber())
                .collect(Collectors.joining(" < ")));
    }
}
