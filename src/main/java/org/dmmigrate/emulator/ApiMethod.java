package org.dmmigrate.emulator;

import org.jspecify.annotations.Nullable;

/** One RPC method of the emulated API: turns checked arguments into a result value. */
@FunctionalInterface
interface ApiMethod {

    /**
     * Runs the method.
     *
     * @return the {@code result} value (maps, lists, strings, numbers, booleans or null)
     * @throws ApiError for every refusal the client must see
     */
    @Nullable Object invoke(Caller caller, Args args);
}
