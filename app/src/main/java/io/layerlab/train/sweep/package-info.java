/**
 * Experiments: how the learning rate and the batch size (and optionally the optimizer or one
 * layer's activation) change learning. Core code, free of JavaFX; the command line's {@code sweep}
 * and {@code lr-find} and the designer's Experiments view both use it.
 *
 * <h2>A sweep</h2>
 * <pre>{@code
 * SweepSpec spec = SweepSpec.of(LearningRates.logRange(1e-4, 1, 5), List.of(16, 64))
 *         .withRepeats(3).withEpochs(30).withTargetLoss(0.1);
 * Sweep sweep = new Sweep(project, spec);          // validates against the project, copies it
 * sweep.addListener(listener);                      // per-run events, keyed by RunKey
 * CompletableFuture<SweepResult> done = sweep.start();
 * ...
 * sweep.cancel();                                   // running runs stop within a second, finished runs stay
 * }</pre>
 * {@link io.layerlab.train.sweep.SweepPlan} turns the spec into runs (each with its own copy of
 * the project), {@link io.layerlab.train.sweep.Sweep} trains them on a worker pool through
 * {@link io.layerlab.train.ProjectRun}, and {@link io.layerlab.train.sweep.SweepListener}s hear of
 * every run's start, iterations (at most 20 a second per run), epochs and end. The
 * {@link io.layerlab.train.sweep.SweepResult} holds a {@link io.layerlab.train.sweep.SweepRun} per run
 * (with its full {@link io.layerlab.train.RunHistory}, to open in the dashboard), the aggregation
 * over repeats ({@link io.layerlab.train.sweep.CombinationSummary}: mean, lowest and highest loss per
 * epoch), both CSV files, and {@link io.layerlab.train.sweep.CurveObservations}.
 *
 * <h2>The learning-rate range test</h2>
 * {@link io.layerlab.train.sweep.LrRangeTest} trains once with an exponentially growing rate and
 * reports each point to its listeners as it goes; its {@link io.layerlab.train.sweep.LrRangeResult}
 * holds the curve, its trend and the suggested rate.
 */
package io.layerlab.train.sweep;
