package io.layerlab.project;

/** A problem at one place of a JSON document, thrown while reading and turned into a {@link ProjectFileException}. */
final class JsonProblem extends RuntimeException {
    final transient JsonPath path;

    JsonProblem(JsonPath path, String problem) {
        super(problem, null, false, false);
        this.path = path;
    }
}
