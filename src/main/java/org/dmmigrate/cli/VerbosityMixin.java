package org.dmmigrate.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * {@code -v}: each call, each retry and each request; {@code -vv}: traces of our own code
 * (libraries stay at WARN: their debug lines could show signed URLs). Without it,
 * warnings and run milestones only (start, listings written, retries, failures).
 */
public final class VerbosityMixin {

    private boolean[] verbose = new boolean[0];

    @Option(names = {"-v", "--verbose"},
            description = "Log more: each API call, each retry with its reason "
                    + "(-vv: traces too).")
    void setVerbose(boolean[] verbose) {
        this.verbose = verbose;
        apply();
    }

    /** How many times {@code -v} was given. */
    public int level() {
        return verbose.length;
    }

    void apply() {
        Logger ours = (Logger) LoggerFactory.getLogger("org.dmmigrate");
        switch (verbose.length) {
            case 0 -> ours.setLevel(Level.INFO);
            case 1 -> ours.setLevel(Level.DEBUG);
            default -> ours.setLevel(Level.TRACE);
        }
    }
}
