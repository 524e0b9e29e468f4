package org.dmmigrate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The tests' own request signer, written apart from the emulator's verifier so that one bug
 * cannot hide in both. Handles what the tests send: no floats.
 */
final class TestSigner {

    private TestSigner() {
    }

    static String auth(String userInfos, String apiKey, JsonNode requestWithoutAuth) {
        return userInfos + ":" + md5(userInfos + flatten(requestWithoutAuth) + apiKey);
    }

    static String flatten(JsonNode node) {
        if (node.isArray()) {
            StringBuilder out = new StringBuilder();
            node.forEach(item -> out.append(flatten(item)));
            return out.toString();
        }
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(TestSigner::byCodePoint);
            StringBuilder out = new StringBuilder();
            for (String key : keys) {
                out.append(key).append(flatten(node.get(key)));
            }
            return out.toString();
        }
        if (node.isNull()) {
            return "";
        }
        if (node.isFloatingPointNumber()) {
            throw new IllegalArgumentException("the test signer does not sign floats");
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int byCodePoint(String a, String b) {
        int[] left = a.codePoints().toArray();
        int[] right = b.codePoints().toArray();
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            if (left[i] != right[i]) {
                return Integer.compare(left[i], right[i]);
            }
        }
        return Integer.compare(left.length, right.length);
    }
}
