/**
 * The CloudKey API as its callers see it: calls, credentials, errors, pages.
 *
 * <p>No transport here: {@link org.dmmigrate.protocol.CloudkeyApi} is implemented by
 * {@code org.dmmigrate.protocol.http}.
 */
@NullMarked
package org.dmmigrate.protocol;

import org.jspecify.annotations.NullMarked;
