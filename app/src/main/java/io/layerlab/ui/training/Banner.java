package io.layerlab.ui.training;

/** A message across the dashboard: something went wrong, or needs fixing before training. */
public record Banner(Kind kind, String title, String text) {
    public enum Kind { WARNING, DANGER }
}
