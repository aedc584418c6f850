package io.layerlab.data;

import io.layerlab.catalog.ParamSpec;
import java.util.List;
import java.util.Random;

/**
 * Synthetic sentences of token ids to classify as positive or negative, where word order
 * matters. Id 0 is the negator "not"; the next {@code vocabulary / 4} ids are positive words,
 * the next as many negative words, and the rest neutral words (see {@link #sentiments}). Each
 * sentence is {@code steps} neutral words with one sentiment word at a random place after the
 * first. Half the sentences put "not" straight before it, which flips its meaning ("not good"
 * is negative); independently, half put a "not" somewhere else, where it negates nothing. The
 * mere presence of a "not" therefore says nothing on its own: a bag-of-words model tops out near
 * 75%, while a model that reads the order (an Embedding and a recurrent layer) can reach 100%.
 *
 * <p>Examples have shape {@code [steps, 1]}: one whole-number id from 0 to vocabulary - 1 per step,
 * for an Embedding with at least that vocabulary.
 */
final class TokensSource implements DataSource {
    static final List<String> CLASSES = List.of("negative", "positive");
    static final int NOT = 0;
    static final int MIN_STEPS = 4;
    static final int MAX_STEPS = 500;
    static final int MIN_VOCABULARY = 8;
    static final int MAX_VOCABULARY = 100_000;
    static final int MAX_SAMPLES = 50_000;

    /** What each id means. */
    enum Meaning { NOT, POSITIVE, NEGATIVE, NEUTRAL }

    @Override public String name() { return "tokens"; }

    @Override public String explanation() {
        return "Sentences of word ids (positive, negative, neutral words and \"not\") to classify by sentiment, where "
                + "\"not good\" is negative: only a model that reads the order gets them all right. Feed them to an Embedding.";
    }

    @Override public Task task() { return Task.CLASSIFICATION; }

    @Override public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("samples", 1000, Generators.MIN_SAMPLES, MAX_SAMPLES, "How many sentences to generate, half of them positive."),
                ParamSpec.integer("steps", 10, MIN_STEPS, MAX_STEPS, "Words per sentence; the Input shape is [steps, 1]."),
                ParamSpec.integer("vocabulary", 20, MIN_VOCABULARY, MAX_VOCABULARY,
                        "Distinct word ids, 0 to vocabulary - 1: 0 is \"not\", a quarter each are positive and negative words, the rest neutral."));
    }

    /** How many positive words, and as many negative ones, a vocabulary has. */
    static int sentimentWords(int vocabulary) { return vocabulary / 4; }

    static Meaning meaning(int id, int vocabulary) {
        int words = sentimentWords(vocabulary);
        if (id == NOT) return Meaning.NOT;
        if (id <= words) return Meaning.POSITIVE;
        if (id <= 2 * words) return Meaning.NEGATIVE;
        return Meaning.NEUTRAL;
    }

    @Override public RawDataset generate(SourceParams params, Random random) {
        int steps = params.intValue("steps");
        int vocabulary = params.intValue("vocabulary");
        int words = sentimentWords(vocabulary);
        int firstNeutral = 2 * words + 1;
        int[] labels = Generators.labelsByClass(Generators.balancedCounts(params.intValue("samples"), CLASSES.size()));
        double[][] rows = new double[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            double[] row = new double[steps];
            for (int t = 0; t < steps; t++) row[t] = firstNeutral + random.nextInt(vocabulary - firstNeutral);
            boolean negated = random.nextBoolean();
            boolean positiveWord = (labels[i] == 1) != negated;
            int place = 1 + random.nextInt(steps - 1);
            row[place] = positiveWord ? 1 + random.nextInt(words) : 1 + words + random.nextInt(words);
            if (negated) row[place - 1] = NOT;
            if (random.nextBoolean()) row[elsewhere(steps, place, random)] = NOT;
            rows[i] = row;
        }
        return RawDataset.tokenClassification(rows, labels, steps, vocabulary, CLASSES);
    }

    /** A step that is neither the sentiment word nor the one straight before it. */
    private static int elsewhere(int steps, int place, Random random) {
        int step = random.nextInt(steps - 2);
        if (step >= place - 1) step += 2;
        return step;
    }
}
