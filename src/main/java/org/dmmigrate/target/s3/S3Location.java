package org.dmmigrate.target.s3;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in S3 a migration goes: {@code s3://BUCKET[/PREFIX]}. Immutable.
 *
 * @param bucket the bucket name
 * @param prefix the key prefix without leading or trailing slash, empty for the bucket's root
 */
public record S3Location(String bucket, String prefix) {

    private static final Pattern URL = Pattern.compile("s3://([a-z0-9][a-z0-9.\\-]{1,61}"
            + "[a-z0-9])(?:/(.*))?");

    /**
     * Parses {@code s3://BUCKET[/PREFIX]}.
     *
     * @throws IllegalArgumentException with the expected form when {@code text} is not one
     */
    public static S3Location parse(String text) {
        Matcher matcher = URL.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an S3 location; give one "
                    + "like s3://my-bucket/dmcloud (bucket names are 3-63 lowercase letters, "
                    + "digits, dots and hyphens)");
        }
        String prefix = matcher.group(2) == null ? "" : matcher.group(2);
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (prefix.startsWith("/") || prefix.contains("//")) {
            throw new IllegalArgumentException("the prefix of '" + text
                    + "' has an empty name between slashes");
        }
        return new S3Location(matcher.group(1), prefix);
    }

    @Override
    public String toString() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
