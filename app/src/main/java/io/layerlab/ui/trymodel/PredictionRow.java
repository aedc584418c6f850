package io.layerlab.ui.trymodel;

/**
 * One example's line in the "Try model" table.
 *
 * @param source     where the values came from: "typed" or "rows.csv line 4"
 * @param inputs     the values, shortened when long
 * @param prediction the predicted class with its probability, or the predicted values
 * @param outputs    every output value (class probabilities or regression values), named where the model names them
 */
public record PredictionRow(String source, String inputs, String prediction, String outputs) { }
