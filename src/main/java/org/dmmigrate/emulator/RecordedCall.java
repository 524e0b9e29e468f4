package org.dmmigrate.emulator;

import org.jspecify.annotations.Nullable;

/**
 * One API call the emulator answered.
 *
 * @param name the call name, e.g. {@code media.get_assets} (empty when the body had none)
 * @param callerId the user whose key signed the call, or null when authentication failed first
 * @param actAsId the act-as user, or null
 * @param errorCode the CloudKey error code answered, or null on success
 */
public record RecordedCall(
        String name,
        @Nullable String callerId,
        @Nullable String actAsId,
        @Nullable Integer errorCode) {

    /** Whether the call succeeded. */
    public boolean succeeded() {
        return errorCode == null;
    }
}
