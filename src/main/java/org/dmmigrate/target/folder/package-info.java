/**
 * A target on the local file system: temporary file, fsync, atomic rename.
 */
@NullMarked
package org.dmmigrate.target.folder;

import org.jspecify.annotations.NullMarked;
