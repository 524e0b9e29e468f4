package org.dmmigrate.protocol;

import org.jspecify.annotations.Nullable;

/**
 * The CloudKey RPC endpoint: one signed call in, one JSON result out.
 *
 * <p>Results are plain JSON trees: {@code Map<String, Object>}, {@code List<Object>},
 * {@code String}, {@code Long} or {@code BigInteger}, {@code Double}, {@code Boolean} or
 * null. Implementations are thread-safe.
 */
public interface CloudkeyApi {

    /**
     * Performs one call, retrying retryable failures as the implementation's policy allows.
     *
     * @return the call's {@code result}, null when the service returned none
     * @throws CallError when the service answered with an error, or when the call could not
     *     be completed within the retry policy
     */
    @Nullable Object call(Call call);
}
