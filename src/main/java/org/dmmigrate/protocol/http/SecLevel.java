package org.dmmigrate.protocol.http;

import java.util.EnumSet;
import java.util.Set;

/** The security-level bits of a signed CDN URL (spec 6.1). */
public enum SecLevel {
    DELEGATE(1),
    ASNUM(2),
    IP(4),
    USERAGENT(8),
    USEONCE(16),
    COUNTRY(32),
    REFERER(64),
    REFERER_STRICT(32768);

    private final int bit;

    SecLevel(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The integer the URL carries for these levels (0 for none). */
    public static int mask(Set<SecLevel> levels) {
        int mask = 0;
        for (SecLevel level : levels) {
            mask |= level.bit;
        }
        return mask;
    }

    /** The levels set in {@code mask}; unknown bits are refused. */
    public static Set<SecLevel> of(int mask) {
        Set<SecLevel> levels = EnumSet.noneOf(SecLevel.class);
        int rest = mask;
        for (SecLevel level : values()) {
            if ((mask & level.bit) != 0) {
                levels.add(level);
                rest &= ~level.bit;
            }
        }
        if (rest != 0) {
            throw new IllegalArgumentException("unknown seclevel bits " + rest + " in " + mask);
        }
        return levels;
    }
}
