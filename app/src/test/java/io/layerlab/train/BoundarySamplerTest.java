package io.layerlab.train;

import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class BoundarySamplerTest {
    private record Delivered(BoundaryFrame frame, String thread, java.util.Optional<Integer> nice) {
    }

    @Test
    void framesAreDrawnOffTheTrainingThreadInOrderAndTheLastShowsTheKeptWeightsBeforeTheRunEnds() {
        Project spiral = new SampleProjects().open(new SampleProjects().find("spiral").orElseThrow());
        ProjectRun run = ProjectRun.prepare(spiral, spiral.training().withEpochs(15));
        DecisionBoundary grid = DecisionBoundary.over(run.data(), 32);
        List<Delivered> delivered = new CopyOnWriteArrayList<>();
        BoundarySampler sampler = new BoundarySampler(grid, run.network(),
                frame -> delivered.add(new Delivered(frame, Thread.currentThread().getName(), BackgroundPriority.currentNice())));
        run.trainer().addObserver(sampler, ObserverRate.everyIteration());

        TrainingResult result = run.trainer().run();

        // The training thread only copied parameters: every frame came from the worker.
        assertThat(delivered).extracting(Delivered::thread).containsOnly(BoundarySampler.WORKER_THREAD_NAME);
        if (BackgroundPriority.currentNice().orElse(BackgroundPriority.BACKGROUND_NICE) < BackgroundPriority.BACKGROUND_NICE) {
            // Where nice values are read (Linux): the worker yields to the window as the training does.
            assertThat(delivered).extracting(Delivered::nice).containsOnly(java.util.Optional.of(BackgroundPriority.BACKGROUND_NICE));
        }
        List<Integer> iterations = delivered.stream().map(d -> d.frame().iteration()).toList();
        assertThat(iterations.get(0)).isZero();
        assertThat(iterations).isSorted().hasSizeGreaterThan(2);
        assertThat(iterations.get(iterations.size() - 1)).isEqualTo(result.iterations());
        assertThat(sampler.frames()).isEqualTo(delivered.size() - 2);
        // The worker's copy of the network decides as the network the run kept (best epoch restored).
        BoundaryFrame last = delivered.get(delivered.size() - 1).frame();
        BoundaryFrame direct = grid.evaluate(run.network(), result.iterations());
        assertThat(last.classes()).isEqualTo(direct.classes());
        assertThat(last.confidence()).containsExactly(direct.confidence(), org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void aBusyWorkerSkipsFramesRatherThanQueueingThem() {
        Project spiral = new SampleProjects().open(new SampleProjects().find("spiral").orElseThrow());
        ProjectRun run = ProjectRun.prepare(spiral, spiral.training().withEpochs(60));
        List<BoundaryFrame> frames = new CopyOnWriteArrayList<>();
        BoundarySampler sampler = new BoundarySampler(DecisionBoundary.over(run.data(), 64), run.network(), frames::add);
        run.trainer().addObserver(sampler, ObserverRate.everyIteration());

        TrainingResult result = run.trainer().run();

        // Every iteration asked; the worker's time share let only some through, one at a time.
        assertThat(sampler.frames()).isPositive();
        assertThat(frames.size()).isLessThan(result.iterations() / 2);
        assertThat(sampler.spentNanos()).isPositive();
    }

    @Test
    void theWorkersCopyOfANetworkWithCustomLayersDecidesAsTheNetworkDoes() {
        // Maxout is a SameDiff layer of LayerLab's own: the copy is built from the configuration's clone.
        Project spiral = new SampleProjects().open(new SampleProjects().find("spiral").orElseThrow());
        io.layerlab.graph.Graph maxout = io.layerlab.graph.Graph.of(List.of(
                io.layerlab.graph.Node.of("in", "Input", java.util.Map.of("shape", List.of(2))),
                io.layerlab.graph.Node.of("d", "Dense", java.util.Map.of("units", 12, "activation", "maxout", "pieces", 3)),
                io.layerlab.graph.Node.of("out", "Output", java.util.Map.of("units", 2, "activation", "softmax", "loss", "mcxent"))),
                List.of(new io.layerlab.graph.Edge("in", "d"), new io.layerlab.graph.Edge("d", "out")));
        Project project = new Project("maxout spiral", "", maxout, spiral.data(), spiral.training().withEpochs(10));
        ProjectRun run = ProjectRun.prepare(project, project.training());
        DecisionBoundary grid = DecisionBoundary.over(run.data(), 16);
        List<BoundaryFrame> frames = new CopyOnWriteArrayList<>();
        run.trainer().addObserver(new BoundarySampler(grid, run.network(), frames::add), ObserverRate.everyIteration());

        TrainingResult result = run.trainer().run();

        BoundaryFrame last = frames.get(frames.size() - 1);
        assertThat(last.iteration()).isEqualTo(result.iterations());
        BoundaryFrame direct = grid.evaluate(run.network(), result.iterations());
        assertThat(last.classes()).isEqualTo(direct.classes());
        assertThat(last.confidence()).containsExactly(direct.confidence(), org.assertj.core.data.Offset.offset(1e-6f));
    }
}
