package org.dmmigrate.engine;

/**
 * Who made a backup and from where, as the completeness report records it.
 *
 * @param tool the tool and its version, such as {@code dmdownload 0.1.0}
 * @param service the API base URL the run listed
 */
public record Provenance(String tool, String service) {
}
