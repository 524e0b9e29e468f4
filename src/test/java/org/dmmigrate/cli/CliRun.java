package org.dmmigrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.dmmigrate.emulator.Catalog;
import org.dmmigrate.emulator.Emulator;
import picocli.CommandLine;

/** One in-process run of a tool: its exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code tool} with {@code args}. */
    static CliRun of(String tool, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(tool);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs {@code tool} against an emulator, as its catalog's admin. */
    static CliRun against(Emulator emulator, String tool, String... args) {
        Catalog catalog = emulator.catalog();
        List<String> all = new ArrayList<>(List.of(
                "--api-url", emulator.baseUrl().toString(),
                "--user-id", catalog.admin().id(),
                "--api-key", catalog.admin().apiKey()));
        all.addAll(List.of(args));
        return of(tool, all.toArray(String[]::new));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
