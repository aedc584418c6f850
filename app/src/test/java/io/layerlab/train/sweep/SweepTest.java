package io.layerlab.train.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerlab.compile.CompileException;
import io.layerlab.graph.SetParam;
import io.layerlab.project.Project;
import io.layerlab.train.EpochEvent;
import io.layerlab.train.IterationEvent;
import io.layerlab.train.ProjectRun;
import io.layerlab.train.StartEvent;
import io.layerlab.train.TrainingResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SweepTest {

    /** Every event, per run, in arrival order, with a global sequence number. */
    private static final class Recorder implements SweepListener {
        final AtomicInteger sequence = new AtomicInteger();
        final List<SweepPlan> started = Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, List<StartEvent>> runStarts = new ConcurrentHashMap<>();
        final Map<Integer, List<IterationEvent>> iterations = new ConcurrentHashMap<>();
        final Map<Integer, List<EpochEvent>> epochs = new ConcurrentHashMap<>();
        final Map<Integer, SweepRun> finished = new ConcurrentHashMap<>();
        final Map<Integer, Integer> finishedAt = new ConcurrentHashMap<>();
        final List<SweepResult> results = Collections.synchronizedList(new ArrayList<>());
        volatile int sweepFinishedAt = -1;

        @Override public void onSweepStarted(SweepPlan plan) { started.add(plan); }

        @Override public void onRunStarted(RunKey run, StartEvent event) {
            runStarts.computeIfAbsent(run.index(), k -> Collections.synchronizedList(new ArrayList<>())).add(event);
        }

        @Override public void onIteration(RunKey run, IterationEvent event) {
            iterations.computeIfAbsent(run.index(), k -> Collections.synchronizedList(new ArrayList<>())).add(event);
        }

        @Override public void onEpoch(RunKey run, EpochEvent event) {
            epochs.computeIfAbsent(run.index(), k -> Collections.synchronizedList(new ArrayList<>())).add(event);
        }

        @Override public void onRunFinished(SweepRun run) {
            assertThat(finished.put(run.key().index(), run)).as("finished twice: " + run.key()).isNull();
            finishedAt.put(run.key().index(), sequence.incrementAndGet());
        }

        @Override public void onSweepFinished(SweepResult result) {
            results.add(result);
            sweepFinishedAt = sequence.incrementAndGet();
        }
    }

    @Test
    void trainsEveryCombinationAndRepeatAndReportsEachRunsEventsUnderItsKey() {
        Project project = SweepProjects.xor(3);
        SweepPlan plan = SweepPlan.of(project, SweepSpec.of(List.of(0.01, 0.1), List.of(16, 32)).withRepeats(2));
        Recorder events = new Recorder();

        SweepResult result = new Sweep(plan, 2).addListener(events).run();

        assertThat(result.runs()).hasSize(8);
        assertThat(result.runs()).extracting(r -> r.key().index()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(result.runs()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(r.epochs()).isEqualTo(3);
            assertThat(r.curve()).hasSize(3);
            assertThat(r.initialLoss()).isPositive();
        });
        assertThat(result.cancelled()).isFalse();
        assertThat(result.notStarted()).isZero();
        assertThat(result.combinations()).hasSize(4).allSatisfy(c -> assertThat(c.runs()).hasSize(2));

        assertThat(events.started).containsExactly(plan);
        for (SweepRun run : result.runs()) {
            int i = run.key().index();
            assertThat(events.runStarts.get(i)).hasSize(1);
            assertThat(events.epochs.get(i)).extracting(EpochEvent::epoch).containsExactly(1, 2, 3);
            assertThat(events.iterations.get(i)).isNotEmpty().extracting(IterationEvent::iteration)
                    .isSorted().allSatisfy(n -> assertThat(n).isBetween(1, run.iterations()));
            assertThat(events.finished.get(i)).isSameAs(run);
            assertThat(events.finishedAt.get(i)).isLessThan(events.sweepFinishedAt);
        }
        assertThat(events.results).containsExactly(result);

        CombinationSummary first = result.combinations().get(0);
        double[] a = first.runs().get(0).curve();
        double[] b = first.runs().get(1).curve();
        for (int e = 0; e < 3; e++) {
            assertThat(first.meanCurve()[e]).isCloseTo((a[e] + b[e]) / 2, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(first.minCurve()[e]).isEqualTo(Math.min(a[e], b[e]));
            assertThat(first.maxCurve()[e]).isEqualTo(Math.max(a[e], b[e]));
        }
        assertThat(first.finalLossMean()).isCloseTo((a[2] + b[2]) / 2, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theCsvFilesHoldARowPerRunAndARowPerRunPerEpoch() throws Exception {
        Project project = SweepProjects.xor(2);
        SweepResult result = new Sweep(SweepPlan.of(project, SweepSpec.of(List.of(0.01, 0.1), List.of(16))), 2).run();

        java.io.StringWriter runs = new java.io.StringWriter();
        result.writeRunsCsv(runs);
        java.io.StringWriter epochs = new java.io.StringWriter();
        result.writeEpochsCsv(epochs);

        List<String> runRows = runs.toString().lines().toList();
        assertThat(runRows).hasSize(3).first().isEqualTo(SweepResult.RUNS_CSV_HEADER);
        assertThat(runRows.get(2)).startsWith("2,0.1,16,adam,,1,42,completed,2,").endsWith(",validation,");
        assertThat(runRows.get(2).split(",", -1)).hasSize(SweepResult.RUNS_CSV_HEADER.split(",").length);
        List<String> epochRows = epochs.toString().lines().toList();
        assertThat(epochRows).hasSize(1 + 2 * 2).first().isEqualTo(SweepResult.EPOCHS_CSV_HEADER);
        assertThat(epochRows.get(4)).startsWith("2,0.1,16,adam,,1,2,")
                .contains(String.valueOf(result.runs().get(1).curve()[1]));
    }

    @Test
    void eachRunTrainsExactlyAsTheProjectWouldWithItsSettingsAndSeed() {
        Project project = SweepProjects.xor(2);
        SweepResult result = new Sweep(SweepPlan.of(project, SweepSpec.of(List.of(0.05), List.of(8)).withRepeats(2)), 1).run();

        for (int repeat = 0; repeat < 2; repeat++) {
            TrainingResult alone = ProjectRun.prepare(project, project.training().withLearningRate(0.05).withBatchSize(8)
                    .withSeed(42 + repeat)).trainer().run();
            assertThat(result.runs().get(repeat).iterationLosses()).containsExactly(alone.history().iterationLosses());
        }
        assertThat(result.runs().get(0).iterationLosses()).isNotEqualTo(result.runs().get(1).iterationLosses());
        Project second = result.projectOf(result.runs().get(1).key());
        assertThat(second.training()).isEqualTo(project.training().withLearningRate(0.05).withBatchSize(8).withSeed(43));
    }

    @Test
    void theSameSweepGivesTheSameNumbersOneRunAtATimeOrInParallel() {
        Project project = SweepProjects.xor(3);
        SweepSpec spec = SweepSpec.of(List.of(0.01, 0.1), List.of(8, 32));

        SweepResult first = new Sweep(SweepPlan.of(project, spec), 1).run();
        SweepResult again = new Sweep(SweepPlan.of(project, spec), 1).run();
        SweepResult parallel = new Sweep(SweepPlan.of(project, spec), 2).run();

        for (int i = 0; i < 4; i++) {
            float[] losses = first.runs().get(i).iterationLosses();
            assertThat(again.runs().get(i).iterationLosses()).containsExactly(losses);
            assertThat(parallel.runs().get(i).iterationLosses()).containsExactly(losses);
            assertThat(parallel.runs().get(i).curve()).containsExactly(first.runs().get(i).curve());
        }
    }

    @Test
    void aCancelStopsTheRunningRunKeepsTheFinishedOnesAndStartsNoOther() {
        Project project = SweepProjects.xor(3);
        SweepPlan plan = SweepPlan.of(project, SweepSpec.of(List.of(0.01, 0.02, 0.03, 0.04), List.of(16)));
        Sweep sweep = new Sweep(plan, 1);
        Recorder events = new Recorder();
        sweep.addListener(events).addListener(new SweepListener() {
            @Override public void onEpoch(RunKey run, EpochEvent event) {
                if (run.index() == 2) sweep.cancel();
            }
        });

        SweepResult result = sweep.run();

        assertThat(result.cancelled()).isTrue();
        assertThat(result.notStarted()).isEqualTo(1);
        assertThat(result.runs()).extracting(r -> r.key().index()).containsExactly(0, 1, 2);
        assertThat(result.runs()).extracting(SweepRun::status)
                .containsExactly(RunStatus.COMPLETED, RunStatus.COMPLETED, RunStatus.STOPPED);
        assertThat(result.runs().get(2).epochs()).isEqualTo(1);
        assertThat(events.runStarts).doesNotContainKey(3);
        assertThat(events.finished).containsOnlyKeys(0, 1, 2);
        assertThat(events.results).containsExactly(result);
    }

    @Test
    void aCancelStopsEveryRunTrainingInParallelWithinASecond() throws Exception {
        Project project = SweepProjects.xor(100_000);
        SweepPlan plan = SweepPlan.of(project, SweepSpec.of(List.of(0.01, 0.02, 0.03, 0.04), List.of(16)));
        Sweep sweep = new Sweep(plan, 2);
        CountDownLatch bothTraining = new CountDownLatch(2);
        Map<Integer, Boolean> seen = new ConcurrentHashMap<>();
        sweep.addListener(new SweepListener() {
            @Override public void onEpoch(RunKey run, EpochEvent event) {
                if (seen.putIfAbsent(run.index(), true) == null) bothTraining.countDown();
            }
        });

        var future = sweep.start();
        assertThat(bothTraining.await(60, TimeUnit.SECONDS)).as("both runs trained an epoch").isTrue();
        long cancelledAt = System.nanoTime();
        sweep.cancel();
        SweepResult result = future.get(1, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - cancelledAt) / 1e9;

        assertThat(seconds).isLessThan(1.0);
        assertThat(result.cancelled()).isTrue();
        assertThat(result.runs()).extracting(SweepRun::status).containsExactly(RunStatus.STOPPED, RunStatus.STOPPED);
        assertThat(result.runs()).allSatisfy(r -> assertThat(r.epochs()).isPositive().isLessThan(100_000));
        assertThat(result.notStarted()).isEqualTo(2);
    }

    @Test
    void aGraphThatCannotTrainOnItsDataFailsBeforeAnyRunStarts() {
        Project project = SweepProjects.xor(2);
        new SetParam("out", "units", 3).apply(project.graph());
        Recorder events = new Recorder();
        Sweep sweep = new Sweep(SweepPlan.of(project, SweepSpec.of(List.of(0.01), List.of(16))), 1).addListener(events);

        assertThatThrownBy(sweep::run).isInstanceOf(CompileException.class).hasMessageContaining("out");
        assertThat(events.started).isEmpty();
        assertThat(events.finished).isEmpty();
    }

    @Test
    void anActivationVariantChangesWhatIsLearnedOnlyInItsOwnRuns() {
        Project project = SweepProjects.xor(2);
        SweepResult result = new Sweep(SweepPlan.of(project, SweepSpec.of(List.of(0.05), List.of(16))
                .withActivation(new ActivationChoice("tanh", List.of("tanh", "sigmoid")))), 2).run();

        TrainingResult plain = ProjectRun.prepare(project, project.training().withLearningRate(0.05)).trainer().run();
        assertThat(result.runs().get(0).iterationLosses()).containsExactly(plain.history().iterationLosses());
        assertThat(result.runs().get(1).iterationLosses()).isNotEqualTo(plain.history().iterationLosses());
        assertThat(project.graph().node("tanh").orElseThrow().param("function")).isEqualTo("tanh");
    }
}
