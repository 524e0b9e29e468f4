package org.dmmigrate.cli;

/** A mistake in how a command was called; exits with {@link ExitCodes#USAGE}. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
