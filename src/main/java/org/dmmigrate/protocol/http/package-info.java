/**
 * The real CloudKey client: JSON-RPC encoding, request signing, HTTP transport,
 * error mapping and retries.
 */
@NullMarked
package org.dmmigrate.protocol.http;

import org.jspecify.annotations.NullMarked;
