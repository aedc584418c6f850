package io.layerlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Which rows train and which validate. Classification splits each class in the same proportion
 * (stratified), so a small validation part still holds every class; regression takes a random
 * subset. Both parts keep the rows' original order; the training part is never empty.
 *
 * @param train      row indices of the training part, ascending
 * @param validation row indices of the validation part, ascending; empty for a split of 0
 */
record TrainValidationSplit(int[] train, int[] validation) {

    static TrainValidationSplit of(RawDataset data, double fraction, long seed) {
        int n = data.size();
        int wanted = (int) Math.min(Math.round(fraction * n), n - 1L);
        Random random = new Random(Seeds.derive(seed, Seeds.SPLIT));
        boolean[] validating = new boolean[n];
        if (data.task() == Task.CLASSIFICATION) {
            markStratified(data, fraction, wanted, random, validating);
        } else {
            int[] order = Seeds.permutation(n, random);
            for (int i = 0; i < wanted; i++) validating[order[i]] = true;
        }
        int[] train = new int[n];
        int[] validation = new int[n];
        int t = 0;
        int v = 0;
        for (int row = 0; row < n; row++) {
            if (validating[row]) validation[v++] = row;
            else train[t++] = row;
        }
        return new TrainValidationSplit(Arrays.copyOf(train, t), Arrays.copyOf(validation, v));
    }

    /**
     * Each class gets its share of {@code wanted} rounded down; the rows still missing go to the
     * classes with the largest remainders. A class keeps at least one training row.
     */
    private static void markStratified(RawDataset data, double fraction, int wanted, Random random, boolean[] validating) {
        int[] counts = data.classCounts();
        int classes = counts.length;
        int[] quota = new int[classes];
        double[] remainder = new double[classes];
        int assigned = 0;
        for (int k = 0; k < classes; k++) {
            double share = fraction * counts[k];
            quota[k] = Math.min((int) Math.floor(share), Math.max(counts[k] - 1, 0));
            remainder[k] = share - Math.floor(share);
            assigned += quota[k];
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int k = 0; k < classes; k++) byRemainder.add(k);
        byRemainder.sort((a, b) -> Double.compare(remainder[b], remainder[a]));
        for (int k : byRemainder) {
            if (assigned >= wanted) break;
            if (quota[k] < counts[k] - 1) {
                quota[k]++;
                assigned++;
            }
        }
        // Walk the rows in a random order and take each class's quota as it comes.
        int[] taken = new int[classes];
        for (int row : Seeds.permutation(data.size(), random)) {
            int k = data.label(row);
            if (taken[k] < quota[k]) {
                taken[k]++;
                validating[row] = true;
            }
        }
    }
}
