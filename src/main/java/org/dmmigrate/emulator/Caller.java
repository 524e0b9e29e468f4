package org.dmmigrate.emulator;

import org.jspecify.annotations.Nullable;

/**
 * The authenticated identity of one API call.
 *
 * @param caller the user whose key signed the call
 * @param actAs the user the caller acts as, or null
 */
record Caller(EmulatedUser caller, @Nullable EmulatedUser actAs) {

    /** The user the call acts on: the act-as target, else the caller. */
    EmulatedUser effective() {
        return actAs != null ? actAs : caller;
    }
}
