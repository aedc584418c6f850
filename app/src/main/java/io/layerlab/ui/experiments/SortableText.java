package io.layerlab.ui.experiments;

import java.util.Comparator;

/**
 * A results table cell: the text it shows, sorted by the number behind it where there is one. As
 * plain text a click on "Batch" put 128 before 16, and on "Time" 10.2 s before 2.7 s; cells with
 * no number ("—": a diverged run's loss) sort after those with one.
 */
record SortableText(String text, Double number) implements Comparable<SortableText> {
    private static final Comparator<SortableText> ORDER = Comparator
            .comparing(SortableText::number, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(SortableText::text);

    static SortableText of(String text) {
        return new SortableText(text, null);
    }

    static SortableText of(String text, Number number) {
        return new SortableText(text, number == null ? null : number.doubleValue());
    }

    @Override
    public int compareTo(SortableText other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return text;
    }
}
