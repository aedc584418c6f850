package io.layerlab.model;

/**
 * A file of input rows that cannot be used as it is. The message names the file, the line and
 * the column where it can, and what would be valid:
 * {@code rows.csv line 4: has 3 values, the model takes 2}.
 */
public final class RowsFileException extends Exception {
    private final boolean firstLineMayBeHeader;

    RowsFileException(String message, boolean firstLineMayBeHeader, Throwable cause) {
        super(message, cause);
        this.firstLineMayBeHeader = firstLineMayBeHeader;
    }

    RowsFileException(String message) {
        this(message, false, null);
    }

    /** True when the problem is a word on the first line: it probably names the columns and should be read as a header. */
    public boolean firstLineMayBeHeader() { return firstLineMayBeHeader; }
}
