package io.layerlab.nd4j;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The descriptors one of ND4J's caches has handed out, by what they were made from; it stops
 * growing at a limit (past it, each request makes its descriptor afresh, as ND4J alone did). Safe
 * to use from several threads.
 *
 * @param <K> what a descriptor is made from (equal keys, equal descriptors)
 * @param <V> the descriptor
 */
final class KeptDescriptors<K, V> {
    private final Map<K, V> kept = new ConcurrentHashMap<>();
    private final int maxEntries;

    KeptDescriptors(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * The descriptor kept for {@code wanted}, or the one {@code make} makes, kept under
     * {@code keep.apply(wanted)}: the caller's arrays inside a key may be reused, so a kept key gets copies.
     */
    V get(K wanted, UnaryOperator<K> keep, Supplier<V> make) {
        V known = kept.get(wanted);
        if (known != null) {
            return known;
        }
        V made = make.get();
        if (kept.size() < maxEntries) {
            kept.putIfAbsent(keep.apply(wanted), made);
        }
        return made;
    }

    int size() {
        return kept.size();
    }
}
