package io.layerlab.train;

import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Applies a {@link LearningRateSchedule} to a network while it trains: the first epoch's rate at
 * the start, the next epoch's after each epoch. It runs on the training thread between
 * iterations, where changing the network is safe; DL4J keeps the optimiser's state (Adam's moments)
 * when the rate changes.
 */
public final class ScheduledLearningRate implements TrainingObserver {
    private final ComputationGraph net;
    private final LearningRateSchedule schedule;
    private final double baseRate;
    private final int epochs;

    public ScheduledLearningRate(ComputationGraph net, LearningRateSchedule schedule, TrainingSpec spec) {
        this.net = net;
        this.schedule = schedule;
        this.baseRate = spec.learningRate();
        this.epochs = spec.epochs();
    }

    /** Adds the schedule of {@code spec} (if it has one) to {@code trainer}. */
    public static void install(Trainer trainer, TrainingSpec spec) {
        LearningRateSchedule schedule = LearningRateSchedule.of(spec);
        if (!schedule.isNone()) {
            trainer.addObserver(new ScheduledLearningRate(trainer.network(), schedule, spec), ObserverRate.epochsOnly());
        }
    }

    @Override
    public void onStart(StartEvent event) {
        net.setLearningRate(schedule.rateAt(1, epochs, baseRate));
    }

    @Override
    public void onEpoch(EpochEvent event) {
        if (event.epoch() < epochs) {
            net.setLearningRate(schedule.rateAt(event.epoch() + 1, epochs, baseRate));
        }
    }
}
