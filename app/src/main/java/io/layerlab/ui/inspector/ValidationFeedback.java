package io.layerlab.ui.inspector;

/** Where an editor reports that its text is (or is no longer) invalid. */
@FunctionalInterface
interface ValidationFeedback {
    /** @param message what is wrong, naming the parameter; null when the text is valid again */
    void report(String parameter, String message);
}
