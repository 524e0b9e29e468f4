package org.dmmigrate.cli;

/** Whether output goes to a person at a terminal, who gets a progress bar. */
final class Terminal {

    private Terminal() {
    }

    /**
     * The text with control characters shown as {@code ?}: names from the service must not
     * move the cursor or clear the screen of whoever reads the output.
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    static boolean isInteractive() {
        return System.console() != null && System.getenv("CI") == null;
    }
}
