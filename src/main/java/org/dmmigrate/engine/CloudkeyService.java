package org.dmmigrate.engine;

import java.util.List;
import java.util.Map;
import org.dmmigrate.model.Media;
import org.dmmigrate.model.User;
import org.jspecify.annotations.Nullable;

/**
 * The few questions a backup asks the service. Implementations are thread-safe; failures
 * are {@link org.dmmigrate.protocol.CallError}s (retries already spent).
 */
public interface CloudkeyService {

    /** Every user of the organisation, in the service's order. */
    List<User> users();

    /** Every media of one user, in the service's order, duplicates removed. */
    List<Media> media(User user);

    /**
     * The {@code media.get_assets} result for one media, verbatim: asset name to properties.
     *
     * @param names the asset names to ask for, or null for all of them
     */
    Map<String, @Nullable Object> assets(User user, String mediaId, @Nullable List<String> names);
}
