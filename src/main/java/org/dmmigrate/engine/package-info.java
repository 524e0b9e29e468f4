/**
 * Backup and migration runs: planning, parallel resumable transfers, the backup
 * layout, manifests and progress reporting. Knows nothing of the terminal.
 */
@NullMarked
package org.dmmigrate.engine;

import org.jspecify.annotations.NullMarked;
