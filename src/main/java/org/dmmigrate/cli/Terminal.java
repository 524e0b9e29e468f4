package org.dmmigrate.cli;

/** Whether output goes to a person at a terminal, who gets a progress bar. */
final class Terminal {

    private Terminal() {
    }

    static boolean isInteractive() {
        return System.console() != null && System.getenv("CI") == null;
    }
}
