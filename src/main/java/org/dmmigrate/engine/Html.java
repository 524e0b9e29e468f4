package org.dmmigrate.engine;

/**
 * Escapes text for the HTML catalog: element text, quoted attribute values, and JSON placed
 * inside a {@code <script>} element.
 *
 * <p>Characters HTML cannot carry (C0 controls other than tab, newline and carriage return,
 * DEL, unpaired surrogates) become U+FFFD, so a hostile title is shown, never interpreted.
 * Stateless and thread-safe.
 */
public final class Html {

    private static final char REPLACEMENT = '\uFFFD';

    private Html() {
    }

    /** Text for element content or a double- or single-quoted attribute value. */
    public static String text(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> i = appendChecked(raw, i, out);
            }
        }
        return out.toString();
    }

    /**
     * Text with the characters HTML cannot carry replaced by U+FFFD and nothing escaped: for
     * values the page's script shows as text, such as the index's search data.
     */
    public static String printable(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            i = appendChecked(raw, i, out);
        }
        return out.toString();
    }

    /**
     * JSON text made safe inside {@code <script type="application/json">}: {@code <}, {@code >},
     * {@code &}, U+2028 and U+2029 become {@code \}{@code u} escapes. Valid JSON keeps them only
     * inside strings, where the escape means the same character, so {@code JSON.parse} gives
     * the same value back and no {@code </script>} or {@code <!--} can end the element.
     */
    public static String scriptJson(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Appends the character at {@code i} (a pair when it starts one); returns the last index. */
    private static int appendChecked(String raw, int i, StringBuilder out) {
        char c = raw.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < raw.length()
                && Character.isLowSurrogate(raw.charAt(i + 1))) {
            out.append(c).append(raw.charAt(i + 1));
            return i + 1;
        }
        boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
        if (control || c == 0x7f || Character.isSurrogate(c)) {
            out.append(REPLACEMENT);
        } else {
            out.append(c);
        }
        return i;
    }
}
