/**
 * An embeddable emulator of the DmCloud service: the CloudKey RPC endpoint and the
 * CDN on one loopback port, over a catalog of users and media, with scriptable faults and
 * a record of what it served.
 *
 * <p>It verifies signatures with its own code, never with {@code org.dmmigrate.protocol.http},
 * so that a bug shared with the client cannot pass the tests.
 */
@NullMarked
package org.dmmigrate.emulator;

import org.jspecify.annotations.NullMarked;
