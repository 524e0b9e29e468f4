package org.dmmigrate.protocol.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import org.jspecify.annotations.Nullable;

/**
 * Signs CDN and embed URLs the way the official clients do (spec 6.2): an {@code auth} query
 * parameter of expiry, seclevel, random nonce, digest and optional encoded public data.
 * Thread-safe when its nonce supplier is; {@link #toString()} hides the secret.
 */
public final class UrlSigner {

    private static final Pattern COUNTRIES = Pattern.compile("^-?[a-zA-Z]{2}(,[a-zA-Z]{2})*$");
    private static final String NONCE_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int NONCE_LENGTH = 8;

    private final String secret;
    private final Supplier<String> nonces;

    /**
     * @param secret the owner's API key
     * @param nonces supplies the 8-character {@code [a-z0-9]} nonce of each URL
     */
    public UrlSigner(String secret, Supplier<String> nonces) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /** A signer with random nonces from a {@link SecureRandom}. */
    public static UrlSigner withRandomNonces(String secret) {
        SecureRandom random = new SecureRandom();
        return new UrlSigner(secret, () -> {
            StringBuilder nonce = new StringBuilder(NONCE_LENGTH);
            for (int i = 0; i < NONCE_LENGTH; i++) {
                nonce.append(NONCE_ALPHABET.charAt(random.nextInt(NONCE_ALPHABET.length())));
            }
            return nonce.toString();
        });
    }

    public String sign(String url, Set<SecLevel> levels, long expires,
            UrlRestrictions restrictions) {
        return sign(url, SecLevel.mask(levels), expires, restrictions);
    }

    /**
     * The signed URL; any query already on {@code url} is kept but not covered.
     *
     * @param expires absolute Unix time in seconds
     * @throws IllegalArgumentException when a selected restriction is missing or malformed
     */
    public String sign(String url, int seclevel, long expires, UrlRestrictions restrictions) {
        int question = url.indexOf('?');
        String path = question < 0 ? url : url.substring(0, question);
        String query = question < 0 ? "" : url.substring(question + 1);

        String secparams = privateData(seclevel, restrictions);
        String publicData = publicData(seclevel, restrictions);
        String encoded = publicData.isEmpty() ? "" : encodePublic(publicData);

        String nonce = nonces.get();
        String digest = Signer.md5Hex(seclevel + path + expires + nonce + secret + secparams
                + encoded);

        StringBuilder signed = new StringBuilder(path).append('?');
        if (!query.isEmpty()) {
            signed.append(query).append('&');
        }
        signed.append("auth=").append(expires).append('-').append(seclevel).append('-')
                .append(nonce).append('-').append(digest);
        if (!encoded.isEmpty()) {
            signed.append('-').append(encoded);
        }
        return signed.toString();
    }

    /** The {@code cc=...&rf=...} public data for the seclevel, empty when none. */
    public static String publicData(int seclevel, UrlRestrictions restrictions) {
        if ((seclevel & SecLevel.DELEGATE.bit()) != 0) {
            return "";
        }

        List<String> parts = new ArrayList<>();
        if ((seclevel & SecLevel.COUNTRY.bit()) != 0) {
            parts.add("cc=" + countries(restrictions.countries()).toLowerCase(Locale.ROOT));
        }
        int referer = SecLevel.REFERER.bit() | SecLevel.REFERER_STRICT.bit();
        if ((seclevel & referer) != 0) {
            List<String> escaped = new ArrayList<>();
            for (String value : restrictions.referers()) {
                escaped.add(value.replace(" ", "%20"));
            }
            parts.add("rf=" + quotePlus(String.join(" ", escaped)));
        }
        return String.join("&", parts);
    }

    /** URL-safe base64 (with padding) of the zlib-compressed public data. */
    public static String encodePublic(String publicData) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        deflater.setInput(publicData.getBytes(StandardCharsets.UTF_8));
        deflater.finish();

        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] chunk = new byte[256];
        while (!deflater.finished()) {
            int length = deflater.deflate(chunk);
            compressed.write(chunk, 0, length);
        }
        deflater.end();
        return Base64.getUrlEncoder().encodeToString(compressed.toByteArray());
    }

    private static String privateData(int seclevel, UrlRestrictions restrictions) {
        if ((seclevel & SecLevel.DELEGATE.bit()) != 0) {
            return "";
        }

        StringBuilder data = new StringBuilder();
        if ((seclevel & SecLevel.ASNUM.bit()) != 0) {
            data.append(required("asnum", restrictions.asnum()));
        }
        if ((seclevel & SecLevel.IP.bit()) != 0) {
            data.append(required("ip", restrictions.ip()));
        }
        if ((seclevel & SecLevel.USERAGENT.bit()) != 0) {
            data.append(required("userAgent", restrictions.userAgent()));
        }
        return data.toString();
    }

    private static String countries(List<String> list) {
        String joined = !list.isEmpty() && list.get(0).equals("-")
                ? "-" + String.join(",", list.subList(1, list.size()))
                : String.join(",", list);
        if (!COUNTRIES.matcher(joined).matches()) {
            throw new IllegalArgumentException("countries must be two-letter codes: " + list);
        }
        return joined;
    }

    private static String required(String name, @Nullable String value) {
        if (value == null) {
            throw new IllegalArgumentException("seclevel needs " + name + " but none was given");
        }
        return value;
    }

    /** Python 2 {@code urllib.quote_plus} on UTF-8: only {@code A-Za-z0-9_.-} kept. */
    private static String quotePlus(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "UrlSigner[secret=<redacted>]";
    }
}
