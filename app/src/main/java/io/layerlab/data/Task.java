package io.layerlab.data;

/** What a data set asks the network to do: pick a class, or predict numbers. */
public enum Task {
    /** Integer labels; the network's output is one probability per class (one-hot targets). */
    CLASSIFICATION,
    /** Real-valued targets; the network's output is the predicted values themselves. */
    REGRESSION
}
