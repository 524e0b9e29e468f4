package org.dmmigrate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.dmmigrate.engine.BackupLock;
import org.dmmigrate.engine.UnknownUserException;
import org.dmmigrate.protocol.CallError;
import org.dmmigrate.protocol.ErrorKind;
import org.dmmigrate.target.TargetException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command threw into one clear line on stderr and a documented exit code.
 * The stack trace is shown only with {@code -vv}, for bug reports.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine,
            ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int code = exitCode(failure);
        err.println(commandLine.getCommandName() + ": " + message(failure));
        if (code == ExitCodes.SOFTWARE || parseResult.expandedArgs().contains("-vv")) {
            failure.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static int exitCode(Throwable failure) {
        if (failure instanceof UsageException || failure instanceof UnknownUserException) {
            return ExitCodes.USAGE;
        }
        if (failure instanceof BackupLock.BackupLockedException) {
            return ExitCodes.LOCKED;
        }
        if (failure instanceof CallError error) {
            return error.kind() == ErrorKind.AUTHENTICATION ? ExitCodes.REJECTED
                    : ExitCodes.UNREACHABLE;
        }
        if (failure instanceof IllegalStateException && failure.getClass().getName()
                .startsWith("org.dmmigrate.protocol")) {
            return ExitCodes.UNREACHABLE;
        }
        if (failure instanceof TargetException target) {
            return target.kind() == TargetException.Kind.REJECTED ? ExitCodes.REJECTED
                    : ExitCodes.UNREACHABLE;
        }
        if (failure instanceof IOException) {
            return ExitCodes.CANNOT_WRITE;
        }
        return ExitCodes.SOFTWARE;
    }

    private static String message(Throwable failure) {
        if (failure instanceof CallError error && error.kind() == ErrorKind.AUTHENTICATION) {
            return "the service rejected the credentials (" + error.serviceMessage()
                    + "); check DMCLOUD_USER_ID and DMCLOUD_API_KEY: the user must be an "
                    + "organisation admin";
        }
        if (exitCode(failure) == ExitCodes.SOFTWARE) {
            return "unexpected error: " + failure
                    + " (a bug: please report it with the output of -vv)";
        }
        return String.valueOf(failure.getMessage());
    }
}
