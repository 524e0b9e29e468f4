package org.dmmigrate.emulator;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Asset properties whose {@code checksum} is computed only when it is read (by
 * {@code get("checksum")} or by iterating the entries), for content that is costly to hash.
 *
 * <p>Unmodifiable; thread-safe when the supplier is.
 */
final class ChecksumProperties extends AbstractMap<String, Object> {

    static final String CHECKSUM = "checksum";

    private final Map<String, Object> others;

    private final Supplier<String> checksum;

    /** @param others the properties but the checksum, which must not contain one */
    ChecksumProperties(Map<String, Object> others, Supplier<String> checksum) {
        this.others = Collections.unmodifiableMap(new LinkedHashMap<>(others));
        this.checksum = checksum;
    }

    @Override
    public @Nullable Object get(@Nullable Object key) {
        return CHECKSUM.equals(key) ? checksum.get() : others.get(key);
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return CHECKSUM.equals(key) || others.containsKey(key);
    }

    @Override
    public int size() {
        return others.size() + 1;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Set<Entry<String, Object>> entries = new LinkedHashSet<>(others.entrySet());
        entries.add(Map.entry(CHECKSUM, checksum.get()));
        return Collections.unmodifiableSet(entries);
    }
}
