package io.layerlab.cli;

import io.layerlab.train.TrainingSpec;

/** Applies command-line overrides (--epochs, --lr, --batch) to a project's training settings, checking them. */
final class TrainingOverrides {
    private TrainingOverrides() { }

    static TrainingSpec apply(TrainingSpec spec, Integer epochs, Double learningRate, Integer batch) {
        TrainingSpec s = spec;
        if (epochs != null) {
            if (epochs < 1) throw new CliException("--epochs must be at least 1, was " + epochs, 2);
            s = s.withEpochs(epochs);
        }
        if (learningRate != null) {
            if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
                throw new CliException("--lr must be a number above 0, was " + learningRate, 2);
            }
            s = s.withLearningRate(learningRate);
        }
        if (batch != null) {
            if (batch < 1) throw new CliException("--batch must be at least 1, was " + batch, 2);
            s = s.withBatchSize(batch);
        }
        return s;
    }
}
