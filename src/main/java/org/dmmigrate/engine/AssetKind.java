package org.dmmigrate.engine;

/**
 * What a backup does with one asset, decided from its name and status alone.
 */
public enum AssetKind {

    /** A file: downloaded and verified. */
    FILE("file"),

    /** Adaptive streaming ({@code abs}, {@code abs_fa}, {@code abs_pr}, ...): no single file. */
    ADAPTIVE("adaptive streaming"),

    /** A live stream: no file. */
    LIVE("live stream"),

    /** Not yet encoded ({@code pending}, {@code processing}): the run is incomplete. */
    NOT_READY("not ready"),

    /** Encoding failed on the service: nothing to fetch, the run is incomplete. */
    ERROR("in error");

    private final String label;

    AssetKind(String label) {
        this.label = label;
    }

    /** A short phrase for summaries. */
    public String label() {
        return label;
    }

    /** Whether this kind leaves the backup incomplete. */
    public boolean incomplete() {
        return this == NOT_READY || this == ERROR;
    }
}
