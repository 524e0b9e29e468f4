package org.dmmigrate.cli;

import java.nio.file.Path;

/**
 * How to name a tool in a printed hint: the launcher in the repository's {@code bin/} folder,
 * by its absolute path when {@code bin/launch} said where that is, so that the hint works
 * from any folder; else {@code bin/<tool>}.
 */
final class Launchers {

    /** The system property {@code bin/launch} sets to its own folder. */
    static final String BIN_PROPERTY = "dmmigrate.bin";

    private Launchers() {
    }

    /** The command that runs {@code tool}, such as {@code /opt/dmcloud-migrate/bin/dmverify}. */
    static String command(String tool) {
        String bin = System.getProperty(BIN_PROPERTY);
        return bin == null || bin.isBlank() ? "bin/" + tool : Path.of(bin, tool).toString();
    }
}
