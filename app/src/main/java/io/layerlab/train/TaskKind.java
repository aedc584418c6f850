package io.layerlab.train;

/** What the network predicts: classes (accuracy is measured) or numbers (loss only). */
public enum TaskKind {
    CLASSIFICATION,
    REGRESSION
}
