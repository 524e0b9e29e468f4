package org.dmmigrate.emulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One asset of an emulated media.
 *
 * @param name the asset name ({@code source}, {@code mp4_h264_aac_hd}, {@code abs}, ...)
 * @param properties the asset's properties as {@code media.get_assets} returns them, without
 *     the URLs: {@code status}, {@code container}, {@code file_extension}, {@code file_size},
 *     {@code checksum}, {@code duration}, ... The emulator adds {@code download_url} and
 *     {@code stream_url}, freshly signed, on every listing.
 * @param content the bytes the CDN serves, or null for assets that are not files
 *     ({@code abs}, {@code live}, assets in {@code error} or not ready)
 */
public record EmulatedAsset(
        String name,
        Map<String, Object> properties,
        @Nullable Content content) {
}
