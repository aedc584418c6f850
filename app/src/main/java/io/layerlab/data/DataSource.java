package io.layerlab.data;

import io.layerlab.catalog.ParamSpec;
import java.util.List;
import java.util.Random;

/**
 * One kind of data a project can name in {@code data.source}: its parameters (with defaults and
 * valid ranges, for the inspector and for checking) and how to produce its rows.
 */
public interface DataSource {
    /** The name in the project file, e.g. {@code spiral}. */
    String name();

    /** One line for a person choosing data: what it looks like and what it teaches. */
    String explanation();

    Task task();

    /** Declared parameters in display order; empty when the source has none. */
    List<ParamSpec> params();

    /**
     * The rows, grouped or ordered any way the source likes (the caller shuffles them). Must
     * depend only on {@code params} and the numbers drawn from {@code random}.
     */
    RawDataset generate(SourceParams params, Random random);
}
