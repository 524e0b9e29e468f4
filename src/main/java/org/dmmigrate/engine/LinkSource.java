package org.dmmigrate.engine;

import org.dmmigrate.model.Asset;

/**
 * Asks the service again for one asset, with freshly signed links and current metadata.
 * Thread-safe.
 */
@FunctionalInterface
public interface LinkSource {

    /**
     * The asset as the service describes it now.
     *
     * @throws TransferException when the service no longer lists it, or cannot be asked
     */
    Asset refresh(AssetJob job) throws TransferException;
}
