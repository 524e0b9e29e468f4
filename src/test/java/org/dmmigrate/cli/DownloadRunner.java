package org.dmmigrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dmmigrate.emulator.EmulatedUser;
import org.dmmigrate.emulator.Emulator;
import picocli.CommandLine;

/**
 * Runs the real {@code dmdownload} command in-process against an emulator, with its output
 * captured: the admin's credentials as options (the environment cannot be set in-process),
 * short retry delays and a short read timeout so that fault tests take seconds.
 */
final class DownloadRunner {

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {

        String all() {
            return out + "\n" + err;
        }
    }

    private DownloadRunner() {
    }

    /** Runs dmdownload as the emulator's admin into {@code dst}, with {@code extra} options. */
    static Result run(Emulator emulator, Path dst, String... extra) {
        EmulatedUser admin = emulator.catalog().admin();
        List<String> given = List.of(extra);
        List<String> args = new ArrayList<>(List.of(
                "--api-url", emulator.baseUrl().toString(),
                "--user-id", admin.id(),
                "--api-key", admin.apiKey()));
        if (!given.contains("--retry-delay")) {
            args.addAll(List.of("--retry-delay", "PT0.01S"));
        }
        if (!given.contains("--read-timeout")) {
            args.addAll(List.of("--read-timeout", "PT2S"));
        }
        args.addAll(given);
        args.add(dst.toString());
        return raw(args.toArray(String[]::new));
    }

    /** Runs dmdownload with exactly these arguments. */
    static Result raw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine("dmdownload");
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));

        int code = command.execute(args);
        System.err.println("dmdownload exited with " + code);

        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Reruns while the run says incomplete (exit 3), as a user would, at most {@code runs}
     * times in all; returns the last result.
     */
    static Result rerunWhileIncomplete(int runs, Emulator emulator, Path dst, String... extra) {
        Result result = run(emulator, dst, extra);
        for (int i = 1; i < runs && result.exitCode() == ExitCodes.INCOMPLETE; i++) {
            result = run(emulator, dst, extra);
        }
        return result;
    }
}
