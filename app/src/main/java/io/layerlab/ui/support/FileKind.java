package io.layerlab.ui.support;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A type of file the designer reads or writes, as file choosers show it.
 *
 * @param description "Java source", "Keras model"
 * @param extension   with its dot: ".java", ".h5", ".model.zip" style double extensions are fine
 */
public record FileKind(String description, String extension) {
    public static final FileKind JAVA = new FileKind("Java source", ".java");
    public static final FileKind PYTHON = new FileKind("Python script", ".py");
    public static final FileKind JSON = new FileKind("DL4J configuration JSON", ".json");
    public static final FileKind SVG = new FileKind("SVG image", ".svg");
    public static final FileKind PNG = new FileKind("PNG image", ".png");
    public static final FileKind MARKDOWN = new FileKind("Markdown model card", ".md");
    public static final FileKind MODEL_ZIP = new FileKind("DL4J model zip", ".zip");
    public static final FileKind KERAS_H5 = new FileKind("Keras model", ".h5");
    public static final FileKind CSV = new FileKind("CSV rows", ".csv");

    public FileKind {
        Objects.requireNonNull(description);
        if (!extension.startsWith(".")) throw new IllegalArgumentException("extension must start with a dot: " + extension);
    }

    /** {@code path}, or {@code path} with this extension appended when its name does not end with it (any case). */
    public Path withExtension(Path path) {
        String name = path.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(extension) ? path : path.resolveSibling(name + extension);
    }
}
