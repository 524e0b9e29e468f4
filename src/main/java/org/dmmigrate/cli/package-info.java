/**
 * The picocli commands, exit codes and progress printers: the composition root, the
 * only package that picks concrete clients and targets.
 */
@NullMarked
package org.dmmigrate.cli;

import org.jspecify.annotations.NullMarked;
