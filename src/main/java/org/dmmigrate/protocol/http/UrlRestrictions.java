package org.dmmigrate.protocol.http;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The viewer data a signed URL may be bound to; only the parts selected by the seclevel are
 * used.
 *
 * @param asnum AS number such as {@code AS41690}, for {@link SecLevel#ASNUM}
 * @param ip dotted IPv4, for {@link SecLevel#IP}
 * @param userAgent exact User-Agent, for {@link SecLevel#USERAGENT}
 * @param countries two-letter codes, first element {@code "-"} for "all but", for
 *     {@link SecLevel#COUNTRY}
 * @param referers allowed referers, for {@link SecLevel#REFERER} and
 *     {@link SecLevel#REFERER_STRICT}
 */
public record UrlRestrictions(@Nullable String asnum, @Nullable String ip,
        @Nullable String userAgent, List<String> countries, List<String> referers) {

    public UrlRestrictions {
        countries = List.copyOf(countries);
        referers = List.copyOf(referers);
    }

    /** No viewer data. */
    public static UrlRestrictions none() {
        return new UrlRestrictions(null, null, null, List.of(), List.of());
    }
}
