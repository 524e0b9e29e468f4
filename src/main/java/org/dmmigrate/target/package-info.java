/**
 * Storage as the engine sees it: a {@link org.dmmigrate.target.Target} holds objects under
 * {@link org.dmmigrate.target.ObjectKey}s, written whole or in parts, each with its checksum.
 * Bytes and keys only: nothing here knows of media or manifests.
 */
@NullMarked
package org.dmmigrate.target;

import org.jspecify.annotations.NullMarked;
