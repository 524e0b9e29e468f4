package org.dmmigrate.cli;

/**
 * The exit codes of every command, documented in each command's help footer.
 */
public final class ExitCodes {

    /** The run finished and the backup is complete. */
    public static final int OK = 0;
    /** A bug: an unexpected error (please report it with the log). */
    public static final int SOFTWARE = 1;
    /** Bad options or arguments, missing credentials, an unknown user. */
    public static final int USAGE = 2;
    /** The run finished but the backup is incomplete: failed, not ready or in error assets. */
    public static final int INCOMPLETE = 3;
    /** The service could not be reached or answered garbage. */
    public static final int UNREACHABLE = 4;
    /** The backup folder cannot be written (permissions, disk full). */
    public static final int CANNOT_WRITE = 5;
    /** The service rejected the credentials. */
    public static final int REJECTED = 10;
    /** Another run holds the backup folder. */
    public static final int LOCKED = 11;
    /** Stopped by Ctrl-C (SIGTERM gives 143); the next run resumes. */
    public static final int INTERRUPTED = 130;

    /** The table printed at the foot of each command's help. */
    public static final String FOOTER = "%nExit codes:%n"
            + "  0    complete%n"
            + "  1    unexpected error (a bug: please report it with the -vv output)%n"
            + "  2    usage: bad option, missing credentials, unknown user%n"
            + "  3    incomplete: some assets failed, are not ready or in error; rerun later%n"
            + "  4    the service cannot be reached or answers garbage%n"
            + "  5    the backup folder cannot be written (permissions, disk full)%n"
            + "  10   the service rejected the credentials%n"
            + "  11   another run is using the backup folder%n"
            + "  130  interrupted (Ctrl-C; 143 for SIGTERM): rerun to resume%n"
            + "%nEnvironment: DMCLOUD_USER_ID, DMCLOUD_API_KEY and DMCLOUD_API_URL stand in%n"
            + "for the options; DMCLOUD_MEDIA_PATH (dmsize, dmdownload, dmverify) restricts a%n"
            + "run to some media: a JSON list of media ids, or the path of a file holding one.%n";

    private ExitCodes() {
    }
}
